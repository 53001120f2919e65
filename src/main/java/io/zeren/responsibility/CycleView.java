package io.zeren.responsibility;

import java.time.Instant;

/** A cycle as the API shows it. */
record CycleView(Long id, int year, String title, String workPoints, Cycle.State state, String decisionNote,
		String openedBy, Instant openedAt, Instant deployedAt) {
}
