package io.zeren.workflow;

import java.util.List;

/** The due date of a user task is near and it is still open: remind its owners. */
public record TaskReminderDue(TaskRef task, List<String> recipients) {

	public String dedupKey() {
		return "reminder:" + task.taskId() + ":" + task.dueDate();
	}

}
