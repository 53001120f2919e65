package io.zeren.workflow;

import java.util.List;

/**
 * An overdue task climbed one level of the supervisor chain.
 *
 * @param level 1 = the owner's direct supervisor (unit head), 2 = the next head up, …
 * @param supervisor who must now act on it
 * @param owners whom the task is waiting for
 * @param reason why it escalated, in the reader's terms (e.g. "overdue since …")
 */
public record TaskEscalated(TaskRef task, int level, String supervisor, List<String> owners, String reason) {

	public String dedupKey() {
		return "escalated:" + task.taskId() + ":" + level + ":" + task.dueDate();
	}

}
