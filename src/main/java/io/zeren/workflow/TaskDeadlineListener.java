package io.zeren.workflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every process its deadline watch, without timers drawn by hand: the Camunda
 * Spring Boot starter publishes each task event to Spring (camunda.bpm.eventing.task), inside the
 * engine's transaction. Tasks of the watch process itself are left alone.
 */
@Component
class TaskDeadlineListener {

	private final TaskDeadlines deadlines;

	private final Delegations delegations;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final DelegationCover cover;

	private final TaskOffers offers;

	TaskDeadlineListener(TaskDeadlines deadlines, Delegations delegations,
			org.springframework.context.ApplicationEventPublisher events, DelegationCover cover, TaskOffers offers) {
		this.deadlines = deadlines;
		this.delegations = delegations;
		this.events = events;
		this.cover = cover;
		this.offers = offers;
	}

	@EventListener
	void on(DelegateTask task) {
		if (task.getProcessDefinitionId() == null) {
			return;
		}
		boolean watchTask = task.getProcessDefinitionId().startsWith(TaskDeadlineProcess.KEY + ":");
		// Confidential tasks stay with the person chosen for them: no out-of-office substitute.
		boolean confidential = deadlines.confidentialFor(ConfidentialProcesses.keyOf(task.getProcessDefinitionId()))
			.isPresent();
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> {
				// The assignment event of a task drawn with an assignee comes before create and may already
				// have handed it to a substitute; the absent owner is then the task's owner.
				String delegatedFrom = confidential ? null : delegations.substitute(task);
				if (delegatedFrom == null && task.getOwner() != null && !task.getOwner().equals(task.getAssignee())) {
					delegatedFrom = task.getOwner();
				}
				if (!watchTask) {
					deadlines.watch(task, delegatedFrom);
					if (task.getAssignee() == null) {
						// Offered to a group: substitutes of the absent join it, then everyone who may claim it hears.
						offers.announce(task, confidential, confidential ? List.of() : cover.onCreate(task));
					}
				}
			}
			case TaskListener.EVENTNAME_ASSIGNMENT -> {
				String delegatedFrom = confidential ? null : delegations.substitute(task);
				// An escalation task is announced by its TaskEscalated mail, not by a second "new task" mail.
				if (task.getAssignee() != null && delegatedFrom == null && !watchTask) {
					events.publishEvent(new TaskAssigned(new TaskRef(task.getId(), task.getName(), null, null,
							task.getDueDate() == null ? null : task.getDueDate().toInstant()), task.getAssignee(),
							task.getOwner()));
				}
			}
			case TaskListener.EVENTNAME_COMPLETE -> {
				if (!watchTask) {
					deadlines.closed(task.getId(), TaskDeadline.CloseReason.COMPLETED);
				}
			}
			case TaskListener.EVENTNAME_DELETE -> {
				if (!watchTask) {
					deadlines.closed(task.getId(), TaskDeadline.CloseReason.DELETED);
				}
			}
			default -> {
				// update and timeout events change nothing about deadlines
			}
		}
	}

}
