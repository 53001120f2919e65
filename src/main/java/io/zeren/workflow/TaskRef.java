package io.zeren.workflow;

import java.time.Instant;

/**
 * The user task an event is about, with what a message needs to name it and link to it.
 *
 * @param taskId Camunda task id (the Tasklist link is built from it)
 * @param taskName task name as shown in Tasklist
 * @param processName name of the process definition
 * @param businessKey business key of the process instance, may be null
 * @param dueDate due date, may be null
 */
public record TaskRef(String taskId, String taskName, String processName, String businessKey, Instant dueDate) {
}
