package io.zeren.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	@Bean
	TaskListener escalationActionValidator(TaskDeadlines deadlines) {
		return deadlines::validateAction;
	}

}
