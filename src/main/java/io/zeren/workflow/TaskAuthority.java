package io.zeren.workflow;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.zeren.identity.SecurityAudit;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * Task authority at the engine, whatever the door (engine REST, the webapps' engine API, Zeren's own API, Java):
 * <ul>
 * <li>a task claimed by someone is completed only by that person, and a task nobody holds must be claimed first
 * (the engine itself lets any candidate complete any task); system work (no authenticated user) is not limited;</li>
 * <li>a personal task never goes to anyone but its owner, as recorded when it was created;</li>
 * <li>whoever held a task before loses the engine's authorization on it once it moves on (the engine grants one to
 * every assignee and never takes it back), unless they are still its owner or a candidate user.</li>
 * </ul>
 * Runs before the deadline listener, so a refused change leaves no deadline trace either.
 */
@Component
@Order(0)
class TaskAuthority {

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final SystemAuthentication system;

	private final PersonalTasks personal;

	private final OrganisationDirectory directory;

	private final SecurityAudit audit;

	private final MessageSource messages;

	TaskAuthority(IdentityService identity, AuthorizationService authorizations, SystemAuthentication system,
			PersonalTasks personal, OrganisationDirectory directory, SecurityAudit audit, MessageSource messages) {
		this.identity = identity;
		this.authorizations = authorizations;
		this.system = system;
		this.personal = personal;
		this.directory = directory;
		this.audit = audit;
		this.messages = messages;
	}

	@EventListener
	@Order(0)
	void on(DelegateTask task) {
		if (task.getProcessDefinitionId() == null) {
			return;
		}
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> {
				if (personal.isPersonal(task)) {
					personal.recordOwner(task);
				}
			}
			case TaskListener.EVENTNAME_ASSIGNMENT -> {
				if (task.getAssignee() == null) {
					refuseUnclaimLeavingNobody(task);
				}
				if (personal.isPersonal(task)) {
					keepWithOwner(task);
				}
				revokeFormerHolders(task);
			}
			case TaskListener.EVENTNAME_COMPLETE -> {
				onlyTheHolderCompletes(task);
				personal.closed(task.getId());
			}
			case TaskListener.EVENTNAME_DELETE -> personal.closed(task.getId());
			default -> {
				// update and timeout events change nobody's authority
			}
		}
	}

	private void keepWithOwner(DelegateTask task) {
		Optional<String> owner = personal.recordOwner(task);
		String assignee = task.getAssignee();
		if (owner.isEmpty() || assignee == null || assignee.equals(owner.get())) {
			return;
		}
		throw refuse(task, "TASK_PERSONAL_MOVE", "assignee " + assignee + ", owner " + owner.get(),
				new Msg("deadline.personal.owner-only", task.getName(), nameOf(owner.get())));
	}

	/**
	 * An assignment event with no assignee is an unclaim (取消认领, or setting the assignee to nobody). A personal task
	 * belongs to its owner and stays with them; any other task that is offered to nobody (no candidate user or
	 * group) would vanish from every list until it escalated. Both are refused, whoever asks: the system too, so no
	 * door leaves a task without a holder. Refusing beats quietly handing it back: the person sees why.
	 */
	private void refuseUnclaimLeavingNobody(DelegateTask task) {
		if (personal.isPersonal(task)) {
			String owner = personal.owner(task.getId()).orElse(null);
			throw refuse(task, "TASK_PERSONAL_UNCLAIM", owner == null ? null : "owner " + owner,
					new Msg("task.unclaim.personal", task.getName()));
		}
		boolean offered = task.getCandidates()
			.stream()
			.anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
					&& (link.getUserId() != null || link.getGroupId() != null));
		if (!offered) {
			throw refuse(task, "TASK_UNCLAIM_NOBODY", null, new Msg("task.unclaim.nobody", task.getName()));
		}
	}

	private void onlyTheHolderCompletes(DelegateTask task) {
		Authentication caller = identity.getCurrentAuthentication();
		if (caller == null || caller.getUserId() == null) {
			return;
		}
		String assignee = task.getAssignee();
		if (assignee == null) {
			throw refuse(task, "TASK_COMPLETE_UNCLAIMED", null, new Msg("task.complete.claim-first", task.getName()));
		}
		if (!assignee.equals(caller.getUserId())) {
			throw refuse(task, "TASK_COMPLETE_NOT_HOLDER", "held by " + assignee,
					new Msg("task.complete.holder-only", task.getName(), nameOf(assignee)));
		}
	}

	/**
	 * The engine's default authorization provider grants every assignee READ and TASK_WORK on the task and keeps
	 * them when the task is reassigned, delegated, handed back or unclaimed. The new assignee's grant is written in
	 * this same command and stays; the task's owner (the person a delegated task returns to) and its candidate
	 * users keep theirs.
	 */
	private void revokeFormerHolders(DelegateTask task) {
		// A task being created has had no holder yet: the engine fires its first assignment event on the way to
		// "created", before any update stamps lastUpdated. Skipping it spares every new task a query.
		if (task instanceof Task created && created.getLastUpdated() == null) {
			return;
		}
		Set<String> keep = new HashSet<>();
		if (task.getAssignee() != null) {
			keep.add(task.getAssignee());
		}
		if (task.getOwner() != null) {
			keep.add(task.getOwner());
		}
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
				keep.add(link.getUserId());
			}
		}
		system.run(() -> {
			List<Authorization> grants = authorizations.createAuthorizationQuery()
				.resourceType(Resources.TASK)
				.resourceId(task.getId())
				.list();
			for (Authorization grant : grants) {
				if (grant.getUserId() != null && !Authorization.ANY.equals(grant.getUserId())
						&& !keep.contains(grant.getUserId())) {
					authorizations.deleteAuthorization(grant.getId());
				}
			}
		});
	}

	private RuntimeException refuse(DelegateTask task, String action, String detail, Msg reason) {
		Authentication caller = identity.getCurrentAuthentication();
		audit.refused(caller == null ? "system" : caller.getUserId(), action, "task " + task.getId(), "engine",
				detail == null ? task.getName() : task.getName() + "; " + detail);
		return new RuleViolationException(List.of(reason), reason.render(messages, Locales.current()));
	}

	private String nameOf(String username) {
		return directory.cachedStaffInfo(username).map(StaffInfo::fullName).orElse(username);
	}

}
