package io.zeren.workflow;

import java.time.Instant;
import java.util.List;

/** A supervisor moved a task's due date; its owners are told the new date and why. */
public record DeadlineExtended(TaskRef task, String extendedBy, List<String> owners, Instant previousDue, String reason) {

	public String dedupKey() {
		return "extended:" + task.taskId() + ":" + task.dueDate();
	}

}
