package io.zeren.workflow;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine additions measured in docs/performance.md; the Camunda starter picks up plugin beans. */
@Configuration(proxyBeanMethods = false)
class EngineTuning {

	@Bean
	@ConditionalOnProperty(name = "zeren.engine.extra-indexes", havingValue = "true", matchIfMissing = true)
	EngineIndexes engineIndexes() {
		return new EngineIndexes();
	}

	@Bean
	@ConditionalOnProperty(name = "zeren.engine.skip-authorized-group-scan", havingValue = "true", matchIfMissing = true)
	EngineAuthorizationGroups engineAuthorizationGroups() {
		return new EngineAuthorizationGroups();
	}

	/** Task names from the zeren.name property, so diagrams keep plain names (TaskNameExpressions). */
	@Bean
	TaskNameExpressions taskNameExpressions() {
		return new TaskNameExpressions();
	}

	/** Registers the deadline job handler (one timer job per user task, see TaskDeadlineJob). */
	@Bean
	TaskDeadlineJob taskDeadlineJob(org.springframework.beans.factory.ObjectProvider<TaskDeadlines> deadlines) {
		return new TaskDeadlineJob(deadlines);
	}

}
