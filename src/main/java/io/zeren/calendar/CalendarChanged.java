package io.zeren.calendar;

/** An admin replaced a year of the calendar; deadlines computed from now on use the new days. */
public record CalendarChanged(int year) {
}
