package io.zeren.workflow;

import java.util.List;

/**
 * A user task is offered to people who may claim it (candidate users and the members of its candidate groups) and
 * nobody holds it yet; or an out-of-office substitute may now claim it for the absent person.
 *
 * @param candidates who may claim it (each gets one mail per task, however often it is offered)
 * @param confidential the task belongs to a confidential process (discipline): a mail must not tell what it is about
 * @param onBehalfOf the absent person a substitute covers, or null
 */
public record TaskOffered(TaskRef task, List<String> candidates, boolean confidential, String onBehalfOf) {

	/** Once per task and person: the outbox adds the recipient to this key. */
	public String dedupKey() {
		return "offered:" + task.taskId();
	}

}
