package io.zeren.calendar;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The process engine's "now". Process tests move the engine clock ({@code ClockUtil.setCurrentTime}) to
 * reach due dates and fire timers; deadlines computed in BPMN expressions must be measured on that same
 * clock, or a test that jumps a week ahead would find every new due date in its past.
 * <p>
 * {@code ClockUtil} is engine internals (an {@code impl} package), which ArchitectureTests forbids
 * everywhere else: this class is the single allowed exception, so a move to a compatible fork touches
 * one line. In production the engine clock is the system clock.
 */
public final class EngineClock {

	private EngineClock() {
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
