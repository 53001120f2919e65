package io.zeren.responsibility;

import org.camunda.bpm.engine.RepositoryService;

/** The process definition every start in this module uses: the latest deployed version, without tenant. */
final class LatestDefinition {

	private LatestDefinition() {
	}

	/** Read once per batch of starts, so each start skips the engine's own lookup by key. */
	static String idOf(RepositoryService repository, String processKey) {
		return repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.withoutTenantId()
			.singleResult()
			.getId();
	}

}
