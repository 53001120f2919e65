package io.zeren.workflow;

import java.util.List;

/**
 * An overdue task climbed one level of the supervisor chain.
 *
 * @param level 1 = the owner's direct supervisor (unit head), 2 = the next head up, …
 * @param supervisor who must now act on it
 * @param owners whom the task is waiting for
 * @param reason why it escalated, in the reader's terms (e.g. "overdue since …")
 * @param round 0 the first time the task reaches this level; 1, 2 … each time it comes back to the top leader
 */
public record TaskEscalated(TaskRef task, int level, String supervisor, List<String> owners, String reason, int round) {

	public TaskEscalated(TaskRef task, int level, String supervisor, List<String> owners, String reason) {
		this(task, level, supervisor, owners, reason, 0);
	}

	public String dedupKey() {
		return "escalated:" + task.taskId() + ":" + level + ":" + task.dueDate() + (round == 0 ? "" : ":" + round);
	}

}
