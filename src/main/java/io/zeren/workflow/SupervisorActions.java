package io.zeren.workflow;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.zeren.identity.CallerGroups;
import io.zeren.identity.GroupIds;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Msg;

/**
 * The 督办 actions a supervisor takes outside the escalation task — over REST ({@link DeadlineController}) and on the
 * unit head's page ({@link UnitPage}) — with the one check both doors share: only a supervisor in the task owner's
 * chain (for a confidential process: the chain its module gives) or a system administrator may act on a task.
 */
@Component
class SupervisorActions {

	private final TaskDeadlines deadlines;

	SupervisorActions(TaskDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	/** Refuses (403, with the reason) anyone who is neither in the owner's supervisor chain nor a system administrator. */
	void requireSupervisor(String taskId, Authentication caller) {
		boolean admin = CallerGroups.inAny(caller, GroupIds.SYSTEM_ADMINS, GroupIds.ADMINS);
		if (!admin && !deadlines.isSupervisorOf(taskId, caller.getName())) {
			throw new ForbiddenException(new Msg("deadline.supervisor-only"));
		}
	}

	/**
	 * 催办: mails the task's owners; false when this supervisor urged the same task less than
	 * {@code zeren.deadline.urge-min-interval} ago (nothing sent).
	 */
	boolean urge(String taskId, String message, Authentication caller) {
		requireSupervisor(taskId, caller);
		return deadlines.urge(taskId, caller.getName(), message);
	}

}
