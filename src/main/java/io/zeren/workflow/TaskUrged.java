package io.zeren.workflow;

import java.time.Instant;
import java.util.List;

/** A supervisor urged (催办) the owners of a task to finish it. */
public record TaskUrged(TaskRef task, String urgedBy, List<String> owners, String message, Instant at) {

	public String dedupKey() {
		return "urged:" + task.taskId() + ":" + urgedBy + ":" + at.toEpochMilli();
	}

}
