package io.zeren.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.SystemAuthentication;

/**
 * Personal tasks: user tasks marked {@code zeren.personal=true} in the BPMN (a person's own signature, summary,
 * statement, acknowledgement or appeal). Their owner is recorded by the system when the task is created and is
 * the only person who may ever hold the task.
 */
@Component
class PersonalTasks {

	private final PersonalTaskRepository owners;

	private final RepositoryService repository;

	private final SystemAuthentication system;

	PersonalTasks(PersonalTaskRepository owners, RepositoryService repository, SystemAuthentication system) {
		this.owners = owners;
		this.repository = repository;
		this.system = system;
	}

	/** Whether the BPMN marks the task personal. */
	static boolean isPersonalElement(ModelElementInstance taskElement) {
		return taskElement != null
				&& "true".equalsIgnoreCase(String.valueOf(TaskDeadlines.overrides(taskElement)
					.get(TaskDeadlineProcess.PROPERTY_PERSONAL)).trim());
	}

	boolean isPersonal(DelegateTask task) {
		return task.getProcessDefinitionId() != null && isPersonalElement(task.getBpmnModelElementInstance());
	}

	boolean isPersonal(Task task) {
		if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
			return false;
		}
		// The deployment cache holds the model: no database read per call.
		BpmnModelInstance model = system.call(() -> repository.getBpmnModelInstance(task.getProcessDefinitionId()));
		return model != null && isPersonalElement(model.getModelElementById(task.getTaskDefinitionKey()));
	}

	/** The owner the system recorded for an open personal task. */
	@Transactional(readOnly = true)
	Optional<String> owner(String taskId) {
		return owners.findByTaskId(taskId).map(PersonalTask::getOwnerUsername);
	}

	/**
	 * Records the owner of a personal task once: its assignee when the task is drawn with one (the assignment event
	 * comes before create), else its single candidate user, else the first person to claim it.
	 */
	@Transactional
	Optional<String> recordOwner(DelegateTask task) {
		Optional<String> known = owner(task.getId());
		if (known.isPresent()) {
			return known;
		}
		String owner = task.getAssignee();
		if (owner == null) {
			String single = null;
			int users = 0;
			for (IdentityLink link : task.getCandidates()) {
				if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
					single = link.getUserId();
					users++;
				}
			}
			owner = users == 1 ? single : null;
		}
		if (owner == null) {
			return Optional.empty();
		}
		owners.save(new PersonalTask(task.getId(), owner, EngineClock.now()));
		return Optional.of(owner);
	}

	@Transactional
	void closed(String taskId) {
		owners.deleteByTaskId(taskId);
	}

}
