package io.zeren.workflow;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.zeren.identity.GroupIds;

/**
 * The system administrator holds every process and decision definition (deploy, suspend, jobs, incidents), but the
 * instances of confidential processes are not theirs to read or steer: for each confidential definition key a
 * revocation takes away instance, task, history and variable permissions from the system administrators' group.
 * Camunda resolves a group's revocation on a specific key before its grant on all keys, so this holds for definitions
 * deployed later too, as long as their key is declared confidential. Idempotent: runs on every start.
 */
@Component
class ConfidentialProcessGrants {

	/** What reading or steering an instance takes; the definition itself (READ, its XML) stays readable. */
	static final List<Permission> PROCESS_CONTENT = List.of(Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE,
			Permissions.DELETE_INSTANCE, Permissions.CREATE_INSTANCE, Permissions.MIGRATE_INSTANCE, Permissions.READ_TASK,
			Permissions.UPDATE_TASK, Permissions.TASK_WORK, Permissions.TASK_ASSIGN, Permissions.READ_HISTORY,
			Permissions.DELETE_HISTORY, Permissions.DELETE,
			org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
			org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
			org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE,
			org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
			org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE,
			org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_HISTORY,
			org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.RETRY_JOB,
			org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.SUSPEND_INSTANCE);

	/** A decision's evaluations hold the case facts it decided on. */
	static final List<Permission> DECISION_CONTENT = List.of(Permissions.READ_HISTORY, Permissions.DELETE_HISTORY);

	private final AuthorizationService authorizations;

	private final List<ConfidentialProcesses> confidential;

	ConfidentialProcessGrants(AuthorizationService authorizations, List<ConfidentialProcesses> confidential) {
		this.authorizations = authorizations;
		this.confidential = confidential;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(-90)
	void revoke() {
		Set<String> processKeys = new TreeSet<>();
		Set<String> decisionKeys = new TreeSet<>();
		confidential.forEach(processes -> {
			processKeys.addAll(processes.processKeys());
			decisionKeys.addAll(processes.decisionKeys());
		});
		processKeys.forEach(key -> revoke(Resources.PROCESS_DEFINITION, key, PROCESS_CONTENT));
		decisionKeys.forEach(key -> revoke(Resources.DECISION_DEFINITION, key, DECISION_CONTENT));
	}

	private void revoke(Resource resource, String key, List<Permission> permissions) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_REVOKE)
			.groupIdIn(GroupIds.SYSTEM_ADMINS)
			.resourceType(resource)
			.resourceId(key)
			.singleResult();
		if (existing != null && permissions.stream().allMatch(existing::isPermissionRevoked)) {
			return;
		}
		Authorization revocation = existing != null ? existing
				: authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revocation.setGroupId(GroupIds.SYSTEM_ADMINS);
		revocation.setResource(resource);
		revocation.setResourceId(key);
		permissions.forEach(revocation::removePermission);
		authorizations.saveAuthorization(revocation);
	}

}
