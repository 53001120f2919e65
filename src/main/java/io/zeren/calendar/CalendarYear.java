package io.zeren.calendar;

import java.time.Instant;
import java.util.List;

/**
 * One year of the calendar as maintained.
 *
 * @param updatedAt when the year was last replaced; null if it is missing
 */
public record CalendarYear(int year, YearStatus status, List<SpecialDay> days, Instant updatedAt) {
}
