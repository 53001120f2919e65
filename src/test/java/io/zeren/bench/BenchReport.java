package io.zeren.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printed result: one row per figure, Zeren and the raw engine side by side (min/median/max over the
 * runs), the ratio of the medians, and the machine load when the figure was taken.
 */
public final class BenchReport {

	private record Row(String figure, String unit, Stats zeren, Stats raw, boolean higherIsBetter, String loads) {
	}

	private final Map<String, Row> rows = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private final String title;

	public BenchReport(String title) {
		this.title = title;
	}

	public synchronized void zeren(String figure, String unit, boolean higherIsBetter, double value) {
		row(figure, unit, higherIsBetter).zeren().add(value);
		load(figure);
	}

	public synchronized void raw(String figure, String unit, boolean higherIsBetter, double value) {
		row(figure, unit, higherIsBetter).raw().add(value);
		load(figure);
	}

	public synchronized void note(String text) {
		notes.add(text);
		System.out.println("[bench] " + text);
	}

	private Row row(String figure, String unit, boolean higherIsBetter) {
		return rows.computeIfAbsent(figure, key -> new Row(figure, unit, new Stats(), new Stats(), higherIsBetter,
				""));
	}

	private void load(String figure) {
		Row row = rows.get(figure);
		rows.put(figure, new Row(row.figure(), row.unit(), row.zeren(), row.raw(), row.higherIsBetter(),
				(row.loads().isEmpty() ? "" : row.loads() + " ") + String.format(Locale.ROOT, "%.1f", loadAverage())));
	}

	public static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	public String render(Map<String, String> settings) {
		StringBuilder out = new StringBuilder();
		out.append("## ").append(title).append(" (").append(Instant.now()).append(")\n\n");
		settings.forEach((key, value) -> out.append("- ").append(key).append(": ").append(value).append('\n'));
		out.append('\n');
		out.append("| figure | unit | Zeren min / median / max | raw min / median / max | Zeren ÷ raw (median) | n | load (1 min) |\n");
		out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
		for (Row row : rows.values()) {
			String ratio = "";
			if (row.zeren().size() > 0 && row.raw().size() > 0 && row.raw().median() != 0) {
				ratio = String.format(Locale.ROOT, "%.2f", row.zeren().median() / row.raw().median());
			}
			out.append("| ").append(row.figure()).append(" | ").append(row.unit()).append(" | ")
				.append(triple(row.zeren())).append(" | ").append(triple(row.raw())).append(" | ").append(ratio)
				.append(" | ").append(Math.max(row.zeren().size(), row.raw().size())).append(" | ")
				.append(row.loads()).append(" |\n");
		}
		if (!notes.isEmpty()) {
			out.append("\nNotes:\n");
			notes.forEach(note -> out.append("- ").append(note).append('\n'));
		}
		return out.toString();
	}

	private static String triple(Stats stats) {
		if (stats.size() == 0) {
			return "-";
		}
		if (stats.size() == 1) {
			return fmt(stats.median());
		}
		return fmt(stats.min()) + " / " + fmt(stats.median()) + " / " + fmt(stats.max());
	}

	static String fmt(double value) {
		if (Double.isNaN(value)) {
			return "-";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

	public Path write(Path dir, Map<String, String> settings) throws IOException {
		Files.createDirectories(dir);
		Path file = dir.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".md");
		String text = render(settings);
		Files.writeString(file, text);
		System.out.println(text);
		return file;
	}

}
