package io.zeren.workflow;

import java.time.Instant;

/** A recorded escalation step, as the API and reports see it. */
public record EscalationStep(String taskId, int level, String supervisor, String ownerUsername, String ownerUnit,
		String reason, Instant escalatedAt, String actionTaken, String actionNote, Instant actionAt) {
}
