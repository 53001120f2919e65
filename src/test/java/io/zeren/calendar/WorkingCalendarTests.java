package io.zeren.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The working-day rules on the 2026 national calendar (State Council General Office notice of 4 November 2025),
 * without Spring or a database.
 * Times are written in the agency's zone, Asia/Shanghai.
 */
class WorkingCalendarTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** The 2026 arrangement, and New Year's Day 2027 (a statutory holiday every year) for the year end. */
	static final List<SpecialDay> DAYS = days();

	private final HolidayCalendar calendar = new HolidayCalendar(() -> DAYS, SHANGHAI, Duration.ofMinutes(5));

	@Test
	void shouldFollowTheWeekOnOrdinaryDays() {
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-06"))).as("Friday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-07"))).as("Saturday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-08"))).as("Sunday").isFalse();
	}

	@Test
	void shouldTreatHolidaysAsDaysOffAndAdjustedWeekendsAsWorkingDays() {
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).as("National Day, Thursday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Spring Festival, Monday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("调休 Saturday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).as("调休 Sunday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("调休 Saturday").isTrue();
	}

	@Test
	void shouldMakeOneWorkingDayFromFridayAfternoonMondayAfternoon() {
		assertThat(calendar.plus(at("2026-03-06T16:30"), "1WD")).isEqualTo(at("2026-03-09T16:30"));
		assertThat(calendar.plusWorkingDays(at("2026-03-06T16:30"), 1)).isEqualTo(at("2026-03-09T16:30"));
		// Qingming falls on the Monday after.
		assertThat(calendar.plus(at("2026-04-03T16:30"), "1WD")).isEqualTo(at("2026-04-07T16:30"));
	}

	@Test
	void shouldCrossTheYearEnd() {
		assertThat(calendar.plus(at("2026-12-31T10:00"), "1WD")).isEqualTo(at("2027-01-04T10:00"));
		assertThat(calendar.plus(at("2026-12-31T10:00"), "2WD")).isEqualTo(at("2027-01-05T10:00"));
		// Into 2026: New Year 1–3 January off, Sunday 4 January worked.
		assertThat(calendar.plus(at("2025-12-31T10:00"), "1WD")).isEqualTo(at("2026-01-04T10:00"));
		assertThat(calendar.plus(at("2025-12-31T10:00"), "2WD")).isEqualTo(at("2026-01-05T10:00"));
	}

	@Test
	void shouldSkipTheSpringFestivalAndCountItsWorkingSaturdays() {
		assertThat(calendar.plus(at("2026-02-13T10:00"), "1WD")).as("Saturday 14 February is worked")
			.isEqualTo(at("2026-02-14T10:00"));
		assertThat(calendar.plus(at("2026-02-13T10:00"), "2WD")).isEqualTo(at("2026-02-24T10:00"));
		assertThat(calendar.plus(at("2026-02-12T10:00"), "3WD")).isEqualTo(at("2026-02-24T10:00"));
		assertThat(calendar.plus(at("2026-02-24T10:00"), "4WD")).as("Saturday 28 February is worked")
			.isEqualTo(at("2026-02-28T10:00"));
	}

	@Test
	void shouldSkipNationalDayAndCountItsWorkingWeekends() {
		// 8, 9, 10 (Saturday, worked), 12, 13 October.
		assertThat(calendar.plus(at("2026-09-30T09:00"), "5WD")).isEqualTo(at("2026-10-13T09:00"));
		assertThat(calendar.plus(at("2026-09-18T09:00"), "1WD")).as("Sunday 20 September is worked")
			.isEqualTo(at("2026-09-20T09:00"));
		assertThat(calendar.plus(at("2026-09-24T09:00"), "1WD")).as("Mid-Autumn 25–27 September")
			.isEqualTo(at("2026-09-28T09:00"));
	}

	@Test
	void shouldStartCountingAfterAHolidayWhenStartingOnOne() {
		assertThat(calendar.plus(at("2026-10-03T10:00"), "1WD")).isEqualTo(at("2026-10-08T10:00"));
		assertThat(calendar.plus(at("2026-10-03T10:00"), "2WD")).isEqualTo(at("2026-10-09T10:00"));
		assertThat(calendar.nextWorkingMoment(at("2026-10-03T10:00"))).isEqualTo(at("2026-10-08T10:00"));
	}

	@Test
	void shouldMoveZeroWorkingDaysOnlyOffADayOff() {
		assertThat(calendar.plus(at("2026-03-06T16:30"), "0WD")).isEqualTo(at("2026-03-06T16:30"));
		assertThat(calendar.plus(at("2026-10-03T10:00"), "0WD")).isEqualTo(at("2026-10-08T10:00"));
		assertThat(calendar.plusWorkingDays(at("2026-03-07T10:00"), 0)).isEqualTo(at("2026-03-09T10:00"));
	}

	@Test
	void shouldMoveWholeDayPeriodsLandingOnADayOffToTheNextWorkingDay() {
		assertThat(calendar.plus(at("2026-02-27T10:00"), "P30D")).as("Sunday 29 March → Monday")
			.isEqualTo(at("2026-03-30T10:00"));
		assertThat(calendar.plus(at("2026-09-30T10:00"), "P1D")).as("National Day → 8 October")
			.isEqualTo(at("2026-10-08T10:00"));
		assertThat(calendar.plus(at("2026-03-02T10:00"), "P1D")).isEqualTo(at("2026-03-03T10:00"));
		assertThat(calendar.plus(at("2026-03-02T10:00"), "P2W")).isEqualTo(at("2026-03-16T10:00"));
		assertThat(calendar.plus(at("2026-02-07T10:00"), "P1M")).as("Saturday 7 March → Monday")
			.isEqualTo(at("2026-03-09T10:00"));
		assertThat(calendar.plus(at("2026-01-31T10:00"), "P1M")).as("Saturday 28 February is worked: stays")
			.isEqualTo(at("2026-02-28T10:00"));
	}

	@Test
	void shouldNotMoveElapsedTime() {
		assertThat(calendar.plus(at("2026-03-06T22:00"), "PT4H")).as("Saturday 02:00 stays")
			.isEqualTo(at("2026-03-07T02:00"));
		assertThat(calendar.plus(at("2026-03-06T23:45"), "PT30M")).isEqualTo(at("2026-03-07T00:15"));
		assertThat(calendar.plus(at("2026-10-01T08:00"), "PT4H")).isEqualTo(at("2026-10-01T12:00"));
		assertThat(calendar.plus(at("2026-03-06T22:00"), "P1DT2H")).isEqualTo(at("2026-03-08T00:00"));
	}

	@Test
	void shouldReadInstantsInTheAgencyZone() {
		// 17:00 UTC on Friday is 01:00 on Saturday in Shanghai: a day off.
		Instant fridayInUtc = Instant.parse("2026-03-06T17:00:00Z");
		assertThat(calendar.nextWorkingMoment(fridayInUtc)).isEqualTo(Instant.parse("2026-03-08T17:00:00Z"));
		assertThat(calendar.plus(fridayInUtc, "1WD")).isEqualTo(Instant.parse("2026-03-08T17:00:00Z"));
	}

	@Test
	void shouldSubtractAsTheMirrorImageOfAdding() {
		assertThat(calendar.minus(at("2026-03-09T16:30"), "1WD")).isEqualTo(at("2026-03-06T16:30"));
		assertThat(calendar.minus(at("2026-10-08T10:00"), "1WD")).isEqualTo(at("2026-09-30T10:00"));
		assertThat(calendar.minus(at("2026-02-24T10:00"), "1WD")).isEqualTo(at("2026-02-14T10:00"));
		assertThat(calendar.minus(at("2026-02-24T10:00"), "2WD")).isEqualTo(at("2026-02-13T10:00"));
		assertThat(calendar.minus(at("2026-01-05T10:00"), "2WD")).isEqualTo(at("2025-12-31T10:00"));
		assertThat(calendar.minus(at("2026-10-03T10:00"), "0WD")).as("back to the last working day")
			.isEqualTo(at("2026-09-30T10:00"));
		assertThat(calendar.minus(at("2026-03-09T10:00"), "P1D")).as("Sunday → Friday, a reminder comes earlier")
			.isEqualTo(at("2026-03-06T10:00"));
		assertThat(calendar.minus(at("2026-03-09T10:00"), "PT2H")).isEqualTo(at("2026-03-09T08:00"));
	}

	@Test
	void shouldUndoAddingWorkingDaysBySubtractingThem() {
		for (LocalDate day = LocalDate.parse("2026-01-01"); day.getYear() == 2026; day = day.plusDays(1)) {
			if (!calendar.isWorkingDay(day)) {
				continue;
			}
			Instant start = day.atTime(9, 30).atZone(SHANGHAI).toInstant();
			for (int n = 0; n <= 12; n++) {
				assertThat(calendar.minusWorkingDays(calendar.plusWorkingDays(start, n), n)).as(day + " ± " + n)
					.isEqualTo(start);
			}
		}
	}

	@Test
	void shouldAnswerNullForABlankDuration() {
		assertThat(calendar.plus(at("2026-03-06T10:00"), null)).isNull();
		assertThat(calendar.plus(at("2026-03-06T10:00"), "  ")).isNull();
		assertThat(calendar.minus(at("2026-03-06T10:00"), "")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "5", "WD", "abc", "5 days", "P1X", "P", "PT", "1.5WD", "P1DT" })
	void shouldRefuseAnUnparseableDurationNamingIt(String duration) {
		assertThatThrownBy(() -> calendar.plus(at("2026-03-06T10:00"), duration))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("\"" + duration + "\"")
			.hasMessageContaining("5WD");
		assertThatThrownBy(() -> calendar.minus(at("2026-03-06T10:00"), duration))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("\"" + duration + "\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1WD", "P-1D", "-P1D", "PT-4H", "-PT30M", "P1M-1D" })
	void shouldRefuseANegativeDuration(String duration) {
		assertThatThrownBy(() -> calendar.plus(at("2026-03-06T10:00"), duration))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Negative duration \"" + duration + "\"");
		assertThatThrownBy(() -> calendar.plusWorkingDays(at("2026-03-06T10:00"), -1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("-1");
	}

	@Test
	void shouldAcceptLowerCaseAndBlanks() {
		assertThat(calendar.plus(at("2026-03-06T16:30"), " 1wd ")).isEqualTo(at("2026-03-09T16:30"));
		assertThat(calendar.plus(at("2026-03-06T16:30"), "1 WD")).isEqualTo(at("2026-03-09T16:30"));
		assertThat(calendar.plus(at("2026-03-06T16:30"), "pt4h")).isEqualTo(at("2026-03-06T20:30"));
	}

	@Test
	void shouldCountWeekendsOnlyInAYearWithoutCalendar() {
		assertThat(calendar.hasYear(2026)).isTrue();
		assertThat(calendar.hasYear(2030)).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2030-01-01"))).as("New Year unknown in 2030").isTrue();
		assertThat(calendar.plus(at("2029-12-31T10:00"), "1WD")).isEqualTo(at("2030-01-01T10:00"));
	}

	@Test
	void shouldReadTheCalendarOnceAndAgainAfterAChange() {
		List<SpecialDay> table = new ArrayList<>(DAYS);
		AtomicInteger loads = new AtomicInteger();
		HolidayCalendar cached = new HolidayCalendar(() -> {
			loads.incrementAndGet();
			return List.copyOf(table);
		}, SHANGHAI, Duration.ofHours(1));

		assertThat(cached.isWorkingDay(LocalDate.parse("2026-03-06"))).isTrue();
		table.add(new SpecialDay(LocalDate.parse("2026-03-06"), DayKind.HOLIDAY, "临时放假"));
		assertThat(cached.isWorkingDay(LocalDate.parse("2026-03-06"))).as("still the cached copy").isTrue();
		assertThat(loads).hasValue(1);

		cached.on(new CalendarChanged(2026));

		assertThat(cached.isWorkingDay(LocalDate.parse("2026-03-06"))).isFalse();
		assertThat(loads).hasValue(2);
	}

	@Test
	void shouldRereadAfterTheRefreshIntervalAndKeepTheLastCopyIfThatFails() {
		List<SpecialDay> table = new ArrayList<>(DAYS);
		AtomicInteger loads = new AtomicInteger();
		HolidayCalendar refreshing = new HolidayCalendar(() -> {
			if (loads.incrementAndGet() > 2) {
				throw new IllegalStateException("database down");
			}
			return List.copyOf(table);
		}, SHANGHAI, Duration.ZERO);

		assertThat(refreshing.isWorkingDay(LocalDate.parse("2026-03-06"))).isTrue();
		table.add(new SpecialDay(LocalDate.parse("2026-03-06"), DayKind.HOLIDAY, "临时放假"));
		assertThat(refreshing.isWorkingDay(LocalDate.parse("2026-03-06"))).as("changed on another node").isFalse();
		assertThat(refreshing.isWorkingDay(LocalDate.parse("2026-03-06"))).as("last copy").isFalse();
	}

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	private static List<SpecialDay> days() {
		List<SpecialDay> days = new ArrayList<>();
		holidays(days, "元旦", "2026-01-01", "2026-01-03");
		workday(days, "2026-01-04");
		holidays(days, "春节", "2026-02-15", "2026-02-23");
		workday(days, "2026-02-14");
		workday(days, "2026-02-28");
		holidays(days, "清明节", "2026-04-04", "2026-04-06");
		holidays(days, "劳动节", "2026-05-01", "2026-05-05");
		workday(days, "2026-05-09");
		holidays(days, "端午节", "2026-06-19", "2026-06-21");
		holidays(days, "中秋节", "2026-09-25", "2026-09-27");
		holidays(days, "国庆节", "2026-10-01", "2026-10-07");
		workday(days, "2026-09-20");
		workday(days, "2026-10-10");
		holidays(days, "元旦", "2027-01-01", "2027-01-01");
		return List.copyOf(days);
	}

	private static void holidays(List<SpecialDay> days, String name, String first, String last) {
		for (LocalDate day = LocalDate.parse(first); !day.isAfter(LocalDate.parse(last)); day = day.plusDays(1)) {
			days.add(new SpecialDay(day, DayKind.HOLIDAY, name));
		}
	}

	private static void workday(List<SpecialDay> days, String day) {
		days.add(new SpecialDay(LocalDate.parse(day), DayKind.WORKDAY, "调休上班"));
	}

}
