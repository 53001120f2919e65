package io.zeren.calendar;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** A day that does not follow the week: a holiday, or a weekend made a working day. */
@Schema(description = "Special day of the national calendar (节假日或调休上班日)")
public record SpecialDay(
		@Schema(description = "The day", example = "2026-10-01") LocalDate date,
		@Schema(description = "HOLIDAY (放假) or WORKDAY (调休上班, only on a Saturday or Sunday)") DayKind kind,
		@Schema(description = "What it is, e.g. 国庆节", example = "国庆节") String name) {
}
