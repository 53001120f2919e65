package io.zeren.calendar;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The process engine's notion of "now". Deadlines must be computed on the engine's clock, which tests
 * move forward to fire timers; it is only reachable through Camunda's internal ClockUtil, so this is the
 * one class allowed to touch engine internals (see ArchitectureTests). Forks of Camunda 7 keep ClockUtil.
 */
public final class EngineClock {

	private EngineClock() {
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	public static Date nowDate() {
		return ClockUtil.getCurrentTime();
	}

}
