package io.zeren.calendar;

import static io.zeren.calendar.WorkingCalendarTests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code ${workdays...}} in a BPMN model evaluates to, on the engine's clock. */
class WorkdaysExpressionsTests {

	private final WorkdaysExpressions workdays = new WorkdaysExpressions(
			new HolidayCalendar(() -> WorkingCalendarTests.DAYS, WorkingCalendarTests.SHANGHAI, Duration.ofMinutes(5)));

	@BeforeEach
	void moveTheEngineClockToTheDayBeforeNationalDay() {
		ClockUtil.setCurrentTime(Date.from(at("2026-09-30T09:00")));
	}

	@AfterEach
	void resetTheEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldCountFromTheEngineClock() {
		assertThat(EngineClock.now()).isEqualTo(at("2026-09-30T09:00"));
		assertThat(workdays.plus("5WD")).isEqualTo(Date.from(at("2026-10-13T09:00")));
		assertThat(workdays.plusDays(1)).isEqualTo(Date.from(at("2026-10-08T09:00")));
		assertThat(workdays.plus("PT4H")).isEqualTo(Date.from(at("2026-09-30T13:00")));
		assertThat(workdays.plus(" ")).isNull();
	}

	@Test
	void shouldCountFromAGivenDateAndBackFromADueDate() {
		Date received = Date.from(at("2026-02-13T10:00"));

		assertThat(workdays.plus(received, "2WD")).isEqualTo(Date.from(at("2026-02-24T10:00")));
		assertThat(workdays.minus(Date.from(at("2026-02-24T10:00")), "1WD")).isEqualTo(Date.from(at("2026-02-14T10:00")));
		assertThatThrownBy(() -> workdays.plus(null, "1WD")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("start");
		assertThatThrownBy(() -> workdays.plus(received, "1 week")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("\"1 week\"");
	}

}
