package io.zeren.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Working days per the national calendar as maintained by admins. Times are interpreted in the
 * agency's zone ({@code zeren.calendar.zone}, default Asia/Shanghai).
 */
public interface WorkingCalendar {

	/** Whether staff work on this day: Monday to Friday unless a holiday, or a weekend made a working day (调休). */
	boolean isWorkingDay(LocalDate day);

	/**
	 * The same time of day, {@code workingDays} working days after {@code start}'s day. Counting starts
	 * with the next working day, so "1 working day" from a Friday afternoon is Monday afternoon (or later
	 * if Monday is a holiday). Zero returns {@code start} moved to the next working moment.
	 */
	Instant plusWorkingDays(Instant start, int workingDays);

	/** {@code moment} itself if it falls on a working day, else the same time on the next working day. */
	Instant nextWorkingMoment(Instant moment);

	/**
	 * Adds a policy duration: {@code "5WD"} = 5 working days; ISO-8601 {@code "P30D"}, {@code "PT4H"}
	 * = calendar time, and a result of whole days ("P…D") that lands on a day off moves to the next
	 * working day. A blank or null duration returns null.
	 * @throws IllegalArgumentException with a readable message for an unparseable duration
	 */
	Instant plus(Instant start, String duration);

	/** Subtracts a policy duration ({@code "1WD"}, {@code "P1D"}, {@code "PT2H"}), e.g. for a reminder before a due date. */
	Instant minus(Instant end, String duration);

	/** Whether {@code text} is a policy duration {@link #plus} accepts ("5WD", "P30D", "PT4H"), without computing one. */
	static boolean isPolicyDuration(String text) {
		try {
			PolicyDuration.parse(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
