package io.zeren.calendar;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as policy writes it: {@code "5WD"} working days, an ISO-8601 period of whole days, weeks, months
 * or years ({@code "P30D"}, {@code "P2W"}), or an ISO-8601 duration with a time part ({@code "PT4H"},
 * {@code "P1DT12H"}) meaning elapsed time. Never negative: a reminder "before" a deadline is a subtraction,
 * not a negative duration.
 */
sealed interface PolicyDuration {

	/** n working days, n ≥ 0. */
	record WorkingDays(int count) implements PolicyDuration {
	}

	/** Calendar days (weeks, months, years); a result on a day off moves to a working day. */
	record CalendarDays(Period period) implements PolicyDuration {
	}

	/** Elapsed time; the result stays where it lands, day off or not. */
	record Elapsed(Duration duration) implements PolicyDuration {
	}

	Pattern WORKING_DAYS = Pattern.compile("([+-]?\\d+)\\s*WD");

	String EXPECTED = "expected working days such as \"5WD\" or an ISO-8601 duration such as \"P30D\" or \"PT4H\"";

	static PolicyDuration parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("Empty duration: " + EXPECTED);
		}
		String upper = text.strip().toUpperCase(Locale.ROOT);
		Matcher workingDays = WORKING_DAYS.matcher(upper);
		if (workingDays.matches()) {
			int count;
			try {
				count = Integer.parseInt(workingDays.group(1));
			}
			catch (NumberFormatException tooLarge) {
				throw new IllegalArgumentException("Duration \"" + text + "\" has too many working days");
			}
			if (count < 0) {
				throw negative(text);
			}
			return new WorkingDays(count);
		}
		if (upper.startsWith("-") || upper.startsWith("+")) {
			if (upper.startsWith("-")) {
				throw negative(text);
			}
			upper = upper.substring(1);
		}
		if (!upper.startsWith("P")) {
			throw new IllegalArgumentException("Unparseable duration \"" + text + "\": " + EXPECTED);
		}
		try {
			if (upper.contains("T")) {
				Duration duration = Duration.parse(upper);
				if (duration.isNegative()) {
					throw negative(text);
				}
				return new Elapsed(duration);
			}
			Period period = Period.parse(upper);
			if (period.isNegative()) {
				throw negative(text);
			}
			return new CalendarDays(period);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Unparseable duration \"" + text + "\": " + EXPECTED, ex);
		}
	}

	private static IllegalArgumentException negative(String text) {
		return new IllegalArgumentException("Negative duration \"" + text + "\" is not allowed: " + EXPECTED
				+ "; subtract a positive one instead");
	}

}
