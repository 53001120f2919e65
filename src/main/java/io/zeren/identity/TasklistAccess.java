package io.zeren.identity;


import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What every staff member needs to work in Tasklist: the application itself, read access to process
 * definitions (forms and diagrams). The shared filters are workflow's TasklistFilters. Task visibility itself comes from Camunda's
 * default authorizations for assignees and candidates, so nobody sees tasks that are not theirs.
 * Idempotent: safe on every start.
 */
@Component
class TasklistAccess {

	static final java.util.List<String> STARTABLE_BY_STAFF = java.util.List.of("AssignedWorkProcess");

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	TasklistAccess(IdentityService identity, AuthorizationService authorizations) {
		this.identity = identity;
		this.authorizations = authorizations;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void grant() {
		if (identity.createGroupQuery().groupId(GroupIds.ALL_STAFF).count() == 0) {
			Group staff = identity.newGroup(GroupIds.ALL_STAFF);
			staff.setName("全体干警");
			staff.setType(GroupIds.TYPE_STAFF);
			identity.saveGroup(staff);
		}
		grantToStaff(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grantToStaff(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
		// Processes any staff member may start from Tasklist; each checks who may do what when it starts.
		grantToStaff(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
		for (String startable : STARTABLE_BY_STAFF) {
			grantToStaff(Resources.PROCESS_DEFINITION, startable, Permissions.CREATE_INSTANCE);
		}
	}

	private void grantToStaff(Resource resource, String resourceId, Permission permission) {
		long existing = authorizations.createAuthorizationQuery()
			.groupIdIn(GroupIds.ALL_STAFF)
			.resourceType(resource)
			.resourceId(resourceId)
			.hasPermission(permission)
			.count();
		if (existing == 0) {
			Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(GroupIds.ALL_STAFF);
			grant.setResource(resource);
			grant.setResourceId(resourceId);
			grant.addPermission(permission);
			authorizations.saveAuthorization(grant);
		}
	}

}
