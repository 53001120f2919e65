package io.zeren.workflow;

/** A user task got an assignee (directly, by claim, by reassignment or through a substitute). */
public record TaskAssigned(TaskRef task, String assignee, String onBehalfOf) {

	/** Same key for the same assignment, so a retried job does not mail twice. */
	public String dedupKey() {
		return "assigned:" + task.taskId() + ":" + assignee;
	}

}
