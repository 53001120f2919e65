package io.zeren.discipline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.zeren.shared.Msg;

/**
 * The measure per responsible leader as the accountability forms take it: one line per leader,
 * {@code 用户名：措施：理由} (full-width or ASCII colons; the user name may be followed by the person's name, as the
 * prefilled lines show it). Every responsible leader must appear exactly once, with a known measure and a reason.
 */
final class MeasureLines {

	/** One leader's measure and why. */
	record Line(LeaderMeasure measure, String reason) {
	}

	/** The lines read, or every problem found (then {@code lines} is empty). */
	record Parsed(Map<String, Line> lines, List<Msg> problems) {

		boolean ok() {
			return problems.isEmpty();
		}

	}

	private static final Pattern COLON = Pattern.compile("[：:]");

	private MeasureLines() {
	}

	/**
	 * @param text the form's text
	 * @param leaders user names of the matter's responsible leaders, in chain order
	 * @param maxReason longest reason accepted
	 */
	static Parsed parse(String text, Collection<String> leaders, int maxReason) {
		List<Msg> problems = new ArrayList<>();
		Map<String, Line> lines = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return new Parsed(Map.of(), List.of(new Msg("discipline.accountability.measures-required")));
		}
		int number = 0;
		for (String raw : text.split("\\R")) {
			number++;
			if (raw.isBlank()) {
				continue;
			}
			String[] parts = COLON.split(raw.strip(), 3);
			String username = parts[0].strip().split("[\\s（(]", 2)[0];
			if (parts.length < 2 || username.isEmpty()) {
				problems.add(new Msg("discipline.accountability.line-format", number));
				continue;
			}
			if (!leaders.contains(username)) {
				problems.add(new Msg("discipline.accountability.line-not-leader", number, username));
				continue;
			}
			if (lines.containsKey(username)) {
				problems.add(new Msg("discipline.accountability.line-duplicate", number, username));
				continue;
			}
			var measure = LeaderMeasure.parse(parts[1]);
			String reason = parts.length == 3 ? parts[2].strip() : "";
			if (measure.isEmpty()) {
				problems.add(new Msg("discipline.accountability.line-measure", number, parts[1].strip()));
			}
			if (reason.isEmpty()) {
				problems.add(new Msg("discipline.accountability.line-reason", number, username));
			}
			else if (reason.length() > maxReason) {
				problems.add(new Msg("discipline.accountability.too-long", String.valueOf(maxReason)));
			}
			if (measure.isPresent() && !reason.isEmpty()) {
				lines.put(username, new Line(measure.get(), reason));
			}
			else {
				// remember the user name so a missing-leader message does not follow the line's own message
				lines.put(username, null);
			}
		}
		for (String leader : leaders) {
			if (!lines.containsKey(leader)) {
				problems.add(new Msg("discipline.accountability.line-missing", leader));
			}
		}
		return problems.isEmpty() ? new Parsed(Map.copyOf(lines), List.of()) : new Parsed(Map.of(), List.copyOf(problems));
	}

	/** The lines as the form shows them, in the leaders' order: {@code zhengyang：诫勉：理由}. */
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
