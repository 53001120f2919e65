package io.zeren.discipline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.zeren.shared.Msg;

/**
 * The measure per responsible leader as the accountability forms take it: one row per leader (a Camunda Form
 * {@code dynamiclist} submitted as a Json variable), the leader shown by name and submitted as a login, the measure
 * chosen from a select, the reason typed. Every responsible leader must appear exactly once, with a known measure and
 * a reason; each problem is named by row and by the leader's name.
 */
final class MeasureRows {

	/** One row of the form: {@code leader} is the login, {@code measure} a {@link LeaderMeasure} code. */
	record Row(String leader, String measure, String reason) {
	}

	/** One leader's measure and why. */
	record Line(LeaderMeasure measure, String reason) {
	}

	/** The rows read, or every problem found (then {@code lines} is empty). */
	record Parsed(Map<String, Line> lines, List<Msg> problems) {

		boolean ok() {
			return problems.isEmpty();
		}

	}

	private MeasureRows() {
	}

	/**
	 * @param rows the form's rows
	 * @param leaders user names of the matter's responsible leaders, in chain order
	 * @param names a leader's name as people read it
	 * @param maxReason longest reason accepted
	 */
	static Parsed check(List<Row> rows, List<String> leaders, Function<String, String> names, int maxReason) {
		List<Msg> problems = new ArrayList<>();
		Map<String, Line> lines = new LinkedHashMap<>();
		if (rows.isEmpty()) {
			return new Parsed(Map.of(), List.of(new Msg("discipline.accountability.rows-required")));
		}
		int number = 0;
		for (Row row : rows) {
			number++;
			String leader = row.leader() == null ? "" : row.leader().strip();
			if (!leaders.contains(leader)) {
				problems.add(new Msg("discipline.accountability.row-not-leader", number));
				continue;
			}
			String name = names.apply(leader);
			if (lines.containsKey(leader)) {
				problems.add(new Msg("discipline.accountability.row-duplicate", number, name));
				continue;
			}
			var measure = LeaderMeasure.parse(row.measure());
			String reason = row.reason() == null ? "" : row.reason().strip();
			if (measure.isEmpty()) {
				problems.add(new Msg("discipline.accountability.row-measure", number, name));
			}
			if (reason.isEmpty()) {
				problems.add(new Msg("discipline.accountability.row-reason", number, name));
			}
			else if (reason.length() > maxReason) {
				problems.add(new Msg("discipline.accountability.too-long", String.valueOf(maxReason)));
			}
			// remember the leader even when refused, so a missing-leader message does not follow the row's own
			lines.put(leader, measure.isPresent() && !reason.isEmpty() ? new Line(measure.get(), reason) : null);
		}
		for (String leader : leaders) {
			if (!lines.containsKey(leader)) {
				problems.add(new Msg("discipline.accountability.row-missing", names.apply(leader)));
			}
		}
		return problems.isEmpty() ? new Parsed(Map.copyOf(lines), List.of()) : new Parsed(Map.of(), List.copyOf(problems));
	}

	/** The rows a form starts from, in the leaders' order: each leader, with their measure and reason if known. */
	static List<Row> rows(List<String> leaders, Map<String, Line> lines) {
		return leaders.stream().map(leader -> {
			Line line = lines.get(leader);
			return line == null ? new Row(leader, null, null) : new Row(leader, line.measure().name(), line.reason());
		}).toList();
	}

	/** The measures as a record keeps them, in the leaders' order: {@code zhengyang：诫勉：理由}. */
	static String format(List<String> leaders, Map<String, Line> lines) {
		StringBuilder text = new StringBuilder();
		for (String leader : leaders) {
			Line line = lines.get(leader);
			if (text.length() > 0) {
				text.append('\n');
			}
			text.append(leader).append('：');
			if (line != null) {
				text.append(line.measure().label()).append('：').append(line.reason());
			}
		}
		return text.toString();
	}

}
