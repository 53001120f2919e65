package io.zeren.calendar;

import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Due dates in BPMN expressions, for admins editing processes in Modeler, e.g. a user task's due date
 * {@code ${workdays.plus("5WD")}}, a deadline from a process variable {@code ${workdays.plus(receivedAt, "15WD")}},
 * or a reminder {@code ${workdays.minus(dueAt, "1WD")}}. Returns {@link Date} because that is what Camunda
 * expects for due dates and timer dates; "now" is the engine's clock ({@link EngineClock}).
 */
@Component("workdays")
public class WorkdaysExpressions {

	private final WorkingCalendar calendar;

	WorkdaysExpressions(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	/** A policy duration ("5WD", "P30D", "PT4H") from now; null for a blank duration. */
	public Date plus(String duration) {
		return date(calendar.plus(EngineClock.now(), duration));
	}

	/** A policy duration after {@code start}; null for a blank duration. */
	public Date plus(Date start, String duration) {
		return date(calendar.plus(required(start, "start"), duration));
	}

	/** {@code workingDays} working days from now, at the same time of day. */
	public Date plusDays(int workingDays) {
		return date(calendar.plusWorkingDays(EngineClock.now(), workingDays));
	}

	/** A policy duration before {@code end}, e.g. when to remind before a due date; null for a blank duration. */
	public Date minus(Date end, String duration) {
		return date(calendar.minus(required(end, "end"), duration));
	}

	private static Instant required(Date date, String what) {
		if (date == null) {
			throw new IllegalArgumentException("workdays: " + what + " date is null");
		}
		return date.toInstant();
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

}
