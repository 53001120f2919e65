package io.zeren.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Samples of one figure: min/median/max over runs, or percentiles over latencies. */
public final class Stats {

	private final List<Double> values = new ArrayList<>();

	public synchronized void add(double value) {
		values.add(value);
	}

	public synchronized void addAll(Stats other) {
		values.addAll(other.sorted());
	}

	public synchronized int size() {
		return values.size();
	}

	public synchronized List<Double> sorted() {
		List<Double> copy = new ArrayList<>(values);
		Collections.sort(copy);
		return copy;
	}

	/** Nearest-rank percentile, p in (0, 100]. */
	public double percentile(double p) {
		List<Double> sorted = sorted();
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	public double min() {
		List<Double> sorted = sorted();
		return sorted.isEmpty() ? Double.NaN : sorted.get(0);
	}

	public double max() {
		List<Double> sorted = sorted();
		return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
	}

	public double median() {
		return percentile(50);
	}

}
