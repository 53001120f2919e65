package io.zeren.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.zeren.shared.FormRows;

/** The beans task-deadline.bpmn calls: thin glue to {@link TaskDeadlines}. */
@Configuration(proxyBeanMethods = false)
class DeadlineDelegates {

	@Bean
	JavaDelegate sendTaskReminderDelegate(TaskDeadlines deadlines) {
		return deadlines::remind;
	}

	@Bean
	JavaDelegate escalateTaskDelegate(TaskDeadlines deadlines) {
		return deadlines::escalate;
	}

	@Bean
	JavaDelegate applyEscalationActionDelegate(TaskDeadlines deadlines) {
		return deadlines::applyAction;
	}

	/**
	 * Create: the people the watched task may be moved to, offered by name for 改派给; an earlier level's choice is
	 * not offered again as this one's.
	 */
	@Bean
	TaskListener reassignChoicesListener(TaskDeadlines deadlines) {
		return task -> {
			task.getExecution().removeVariable(TaskDeadlineProcess.VAR_NEW_ASSIGNEE);
			task.setVariableLocal(TaskDeadlineProcess.VAR_NEW_ASSIGNEE_CHOICES,
					FormRows.json(deadlines.reassignChoices((String) task.getVariable(TaskDeadlineProcess.VAR_TASK_ID),
							(String) task.getVariable(TaskDeadlineProcess.VAR_SUPERVISOR))));
		};
	}

	@Bean
	TaskListener escalationActionValidator(TaskDeadlines deadlines) {
		return deadlines::validateAction;
	}

}
