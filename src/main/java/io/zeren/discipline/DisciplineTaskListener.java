package io.zeren.discipline;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.zeren.identity.SecurityAudit;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;
import io.zeren.workflow.ConfidentialProcesses;

/**
 * Watches every task of a discipline process (task events from the Camunda starter, inside the engine's
 * transaction), whatever door changed it (Tasklist, the engine REST API, a supervisor's 改派, an administrator):
 * <ul>
 * <li>the lead and the subject come from the system's record of the instance ({@link DisciplineInstances}),
 * never from the task's variables, which its holder can write;</li>
 * <li>a subject task (书面说明, 陈述申辩, 签收决定/申诉) is personal: only the person it is addressed to may hold
 * it; assigning, delegating or offering it to anyone else is refused with the reason;</li>
 * <li>on any other task every holder — assignee, owner (delegation) and every offered candidate, injected ones
 * too — must be in the discipline office, case review or the leadership and free of conflicts for that duty;
 * candidate groups are refused (discipline tasks go to named people only);</li>
 * <li>whoever holds or is offered the task participates in the lead on the basis of this task; whoever loses it
 * before working it loses that participation; whoever completes it keeps it (they worked on the case); the
 * subject participates only as SUBJECT, which never opens the case file;</li>
 * <li>completions go to the audit trail with the true lead.</li>
 * </ul>
 */
@Component
class DisciplineTaskListener {

	private final DisciplineAccess access;

	private final DisciplineInstances instances;

	private final DisciplineAudit audit;

	private final MessageSource messages;

	private final SecurityAudit security;

	DisciplineTaskListener(DisciplineAccess access, DisciplineInstances instances, DisciplineAudit audit,
			MessageSource messages, SecurityAudit security) {
		this.security = security;
		this.access = access;
		this.instances = instances;
		this.audit = audit;
		this.messages = messages;
	}

	@EventListener
	void on(DelegateTask task) {
		String processKey = ConfidentialProcesses.keyOf(task.getProcessDefinitionId());
		if (processKey == null || !DisciplineProcesses.CONFIDENTIAL.contains(processKey)) {
			return;
		}
		String event = task.getEventName();
		if (TaskListener.EVENTNAME_TIMEOUT.equals(event)) {
			return;
		}
		Optional<DisciplineInstance> instance = instances.of(task);
		boolean subjectTask = DisciplineProcesses.SUBJECT_TASK.equals(processKey);
		switch (event) {
			case TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE -> {
				refusing(task, () -> guard(task, instance, subjectTask));
				instance.map(DisciplineInstance::leadId).ifPresent(lead -> record(task, lead, instance.get(), subjectTask));
			}
			case TaskListener.EVENTNAME_COMPLETE -> {
				Long leadId = instance.map(DisciplineInstance::leadId).orElse(null);
				String worker = worker(task);
				if (leadId != null) {
					access.taskWorked(leadId, task.getId(), worker);
				}
				audit.changed(worker, "TASK_COMPLETED", leadId, task.getExecution().getProcessBusinessKey(),
						task.getTaskDefinitionKey() + " " + task.getName());
			}
			case TaskListener.EVENTNAME_DELETE -> access.taskHeldOnlyBy(task.getId(), Set.of());
			default -> {
			}
		}
	}

	/** Refuses a holder the task may not have; throws with the reason rendered (Tasklist shows it). */
	private void guard(DelegateTask task, Optional<DisciplineInstance> instance, boolean subjectTask) {
		Set<String> holders = holders(task);
		boolean groups = task.getCandidates().stream().anyMatch(link -> link.getGroupId() != null);
		if (holders.isEmpty() && !groups) {
			return;
		}
		if (instance.isEmpty()) {
			throw new RuleViolationException(new Msg("discipline.instance.unknown"));
		}
		if (subjectTask) {
			String addressee = instance.get().addressee();
			for (String person : holders) {
				if (!person.equals(addressee)) {
					throw new RuleViolationException(new Msg("discipline.subject-task.personal", task.getName(), person));
				}
			}
			if (groups) {
				throw new RuleViolationException(new Msg("discipline.subject-task.personal", task.getName(),
						task.getCandidates().stream().filter(link -> link.getGroupId() != null).findFirst().get()
							.getGroupId()));
			}
			return;
		}
		if (groups) {
			throw new RuleViolationException(new Msg("discipline.task.no-groups", task.getName()));
		}
		CaseParties.Parties parties = access.partiesOf(instance.get());
		for (String person : holders) {
			Duty duty = access.dutyByRole(person)
				.orElseThrow(() -> new RuleViolationException(new Msg("discipline.assignee.not-eligible", person)));
			access.checkAssignable(parties, person, duty);
		}
	}

	private void record(DelegateTask task, long leadId, DisciplineInstance instance, boolean subjectTask) {
		Set<String> holders = holders(task);
		for (String person : holders) {
			Duty duty = subjectTask ? Duty.SUBJECT : access.dutyByRole(person).orElse(Duty.APPROVER);
			access.participate(leadId, person, duty, task.getId());
		}
		// Whoever held or was offered this task and no longer does loses what rested on it (never worked it).
		access.taskHeldOnlyBy(task.getId(), holders);
	}

	/** Assignee, owner (a delegated task's) and offered candidate users. */
	private static Set<String> holders(DelegateTask task) {
		Set<String> people = new LinkedHashSet<>();
		if (task.getAssignee() != null) {
			people.add(task.getAssignee());
		}
		if (task.getOwner() != null) {
			people.add(task.getOwner());
		}
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
				people.add(link.getUserId());
			}
		}
		return people;
	}

	/** Who completed the task: its holder, else the authenticated caller of the engine. */
	private static String worker(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return current == null ? null : current.getUserId();
	}

	/**
	 * Runs the check; a refusal goes to the security audit trail (its own transaction: the engine's work is
	 * rolled back) with the real actor, and is re-thrown with its reason rendered.
	 */
	private void refusing(DelegateTask task, Runnable check) {
		try {
			check.run();
		}
		catch (RuleViolationException refused) {
			String reason = String.join("；", refused.violations()
				.stream().map(msg -> msg.render(messages, Locales.current())).toList());
			security.refused(actor(task), "DISCIPLINE_TASK_MOVE", "task " + task.getId() + " " + task.getName(),
					"engine " + task.getEventName(), reason);
			throw new RuleViolationException(refused.violations(), reason);
		}
	}

	/**
	 * Who is acting: the signed-in caller of our API or the engine REST API (also when Zeren then acts as the
	 * system on their behalf, as a supervisor's 改派 does), else the engine's authenticated user.
	 */
	private static String actor(DelegateTask task) {
		var caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller != null && caller.isAuthenticated() && caller.getName() != null) {
			return caller.getName();
		}
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return current == null ? null : current.getUserId();
	}

}
