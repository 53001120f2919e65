package io.zeren.discipline;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;
import io.zeren.workflow.ConfidentialProcesses;

/**
 * Watches every task of a discipline process (task events from the Camunda starter, inside the engine's
 * transaction): whoever is given or offered the task becomes a participant of the lead (what the API's
 * access check reads); an assignment to someone who was not offered the task is checked — they must be in the
 * discipline office, case review or the leadership, free of conflicts for that duty — and refused with the
 * reason otherwise, so an administrator cannot hand a case to the subject's supervisor by mistake; completions
 * go to the audit trail.
 */
@Component
class DisciplineTaskListener {

	private final DisciplineAccess access;

	private final DisciplineAudit audit;

	private final MessageSource messages;

	DisciplineTaskListener(DisciplineAccess access, DisciplineAudit audit, MessageSource messages) {
		this.access = access;
		this.audit = audit;
		this.messages = messages;
	}

	@EventListener
	void on(DelegateTask task) {
		String processKey = ConfidentialProcesses.keyOf(task.getProcessDefinitionId());
		if (processKey == null || !DisciplineProcesses.CONFIDENTIAL.contains(processKey)) {
			return;
		}
		Object lead = task.getVariable(DisciplineProcesses.VAR_LEAD_ID);
		Long leadId = lead instanceof Number number ? number.longValue() : null;
		String subject = (String) task.getVariable(DisciplineProcesses.VAR_SUBJECT);
		boolean subjectTask = DisciplineProcesses.SUBJECT_TASK.equals(processKey);
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> record(task, leadId, subject, subjectTask);
			case TaskListener.EVENTNAME_ASSIGNMENT -> {
				String assignee = task.getAssignee();
				if (assignee != null && leadId != null && !subjectTask && !offered(task, assignee)) {
					try {
						Duty duty = access.dutyByRole(assignee).orElseThrow(
								() -> new RuleViolationException(new Msg("discipline.assignee.not-eligible", assignee)));
						access.checkAssignable(leadId, assignee, duty);
					}
					catch (RuleViolationException refused) {
						throw new RuleViolationException(refused.violations(), String.join("；", refused.violations()
							.stream().map(msg -> msg.render(messages, Locales.current())).toList()));
					}
				}
				record(task, leadId, subject, subjectTask);
			}
			case TaskListener.EVENTNAME_COMPLETE -> audit.changed(task.getAssignee(), "TASK_COMPLETED", leadId,
					(String) task.getVariable(DisciplineProcesses.VAR_CASE_NUMBER),
					task.getTaskDefinitionKey() + " " + task.getName());
			default -> {
			}
		}
	}

	/** Candidates were computed free of conflicts for this very task: taking it is fine. */
	private static boolean offered(DelegateTask task, String assignee) {
		return task.getCandidates().stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
				&& assignee.equals(link.getUserId()));
	}

	private void record(DelegateTask task, Long leadId, String subject, boolean subjectTask) {
		if (leadId == null) {
			return;
		}
		Set<String> people = new LinkedHashSet<>();
		if (task.getAssignee() != null) {
			people.add(task.getAssignee());
		}
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
				people.add(link.getUserId());
			}
		}
		for (String person : people) {
			access.participate(leadId, person, subjectTask && person.equals(subject) ? Duty.SUBJECT
					: access.dutyByRole(person).orElse(Duty.APPROVER));
		}
	}

}
