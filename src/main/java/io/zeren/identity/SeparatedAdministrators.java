package io.zeren.identity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The separation of duties (三员分立) that classified systems in China require: three administrators, each with one
 * power and none with two, and nobody in Camunda's {@code camunda-admin} group, whose members bypass every
 * authorization check of the engine (an IT administrator would read every discipline case in Cockpit).
 * <ul>
 * <li>系统管理员 ({@link GroupIds#SYSTEM_ADMINS}, login {@code admin}): deployments, process and decision definitions,
 * jobs, incidents, batches, users' accounts, the organisation, the calendar and the mail outbox. The instances, tasks,
 * history and variables of confidential processes are revoked from this group (see the workflow module's
 * ConfidentialProcessGrants), so running the system reads no case content.</li>
 * <li>安全保密管理员 ({@link GroupIds#SECURITY_ADMINS}, login {@code secadmin}): authorizations, groups and
 * memberships, and the organisation's role assignments.</li>
 * <li>安全审计员 ({@link GroupIds#AUDIT_ADMINS}, login {@code auditadmin}): the audit trails (Zeren's security and
 * discipline trails, the engine's user operation log), nothing else.</li>
 * </ul>
 * Runs on every start (idempotent): creates the groups, the three accounts with their configured passwords (only when
 * an account does not exist yet), the grants, and takes every account out of {@code camunda-admin}; an account found
 * holding two of the three duties loses all of them (the security administrator grants one again) and the finding is
 * on the security audit trail. New memberships that would give an account two duties are refused by the engine
 * (ZerenIdentityProvider).
 */
@Component
class SeparatedAdministrators {

	private static final Logger log = LoggerFactory.getLogger(SeparatedAdministrators.class);

	static final String TYPE_ADMIN = "zeren-admin";

	/** One of the three administrators: group, built-in login, Chinese name, and where its password is configured. */
	enum Duty {

		SYSTEM(GroupIds.SYSTEM_ADMINS, "admin", "系统管理员", "zeren.security.admin-password"),
		SECURITY(GroupIds.SECURITY_ADMINS, "secadmin", "安全保密管理员", "zeren.security.security-admin-password"),
		AUDIT(GroupIds.AUDIT_ADMINS, "auditadmin", "安全审计员", "zeren.security.audit-admin-password");

		final String group;

		final String login;

		final String title;

		final String passwordProperty;

		Duty(String group, String login, String title, String passwordProperty) {
			this.group = group;
			this.login = login;
			this.title = title;
			this.passwordProperty = passwordProperty;
		}

		static final Set<String> GROUPS = Set.of(SYSTEM.group, SECURITY.group, AUDIT.group);

		static final Set<String> LOGINS = Set.of(SYSTEM.login, SECURITY.login, AUDIT.login);

	}

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final Environment environment;

	private final SecurityAudit audit;

	SeparatedAdministrators(IdentityService identity, AuthorizationService authorizations, Environment environment,
			SecurityAudit audit) {
		this.identity = identity;
		this.authorizations = authorizations;
		this.environment = environment;
		this.audit = audit;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(-100)
	void establish() {
		for (Duty duty : Duty.values()) {
			group(duty);
			account(duty);
		}
		leaveBypassGroup();
		separate();
		grants();
	}

	private void group(Duty duty) {
		Group group = identity.createGroupQuery().groupId(duty.group).singleResult();
		if (group == null) {
			group = identity.newGroup(duty.group);
		}
		else if (duty.title.equals(group.getName()) && TYPE_ADMIN.equals(group.getType())) {
			return;
		}
		group.setName(duty.title);
		group.setType(TYPE_ADMIN);
		identity.saveGroup(group);
	}

	private void account(Duty duty) {
		User user = identity.createUserQuery().userId(duty.login).singleResult();
		if (user == null) {
			String password = environment.getProperty(duty.passwordProperty, "");
			if (password.isBlank()) {
				// AdminPasswordGuard refuses to start without one outside the demo; the demo always has one.
				throw new IllegalStateException("No password configured for " + duty.login + " (" + duty.passwordProperty + ")");
			}
			user = identity.newUser(duty.login);
			user.setFirstName(duty.title);
			user.setLastName("");
			user.setEmail(duty.login + "@zeren.example");
			user.setPassword(password);
			// The configured password is the operator's to choose; the policy binds what people choose later.
			SystemPasswords.save(identity, user);
			log.info("Created the {} account '{}'", duty.title, duty.login);
		}
		Set<String> held = groupsOf(duty.login);
		if (!held.contains(duty.group)) {
			identity.createMembership(duty.login, duty.group);
		}
		// A built-in administrator holds its own duty and nothing else of the three.
		for (Duty other : Duty.values()) {
			if (other != duty && held.contains(other.group)) {
				identity.deleteMembership(duty.login, other.group);
				finding(duty.login, "removed from " + other.group + ": " + duty.login + " is the " + duty.title);
			}
		}
	}

	/**
	 * Empties camunda-admin but for the sentinel. Camunda's webapps send every visitor to their setup page ("create the
	 * first administrator") while camunda-admin has no member; the setup page and API are closed
	 * (SecurityConfiguration), so the group keeps one member that no door lets log in: the sentinel, with a random
	 * password nobody ever sees, refused by Zeren's password check whatever its password is (CamundaAuthenticationProvider
	 * and the engine's identity provider).
	 */
	private void leaveBypassGroup() {
		if (identity.createGroupQuery().groupId(GroupIds.ADMINS).count() == 0) {
			Group bypass = identity.newGroup(GroupIds.ADMINS);
			bypass.setName("Camunda 内置超级管理员组（仅占位，不可登录）");
			bypass.setType("SYSTEM");
			identity.saveGroup(bypass);
		}
		if (identity.createUserQuery().userId(GroupIds.SENTINEL).count() == 0) {
			User sentinel = identity.newUser(GroupIds.SENTINEL);
			sentinel.setFirstName("占位账号（不可登录）");
			sentinel.setLastName("");
			sentinel.setPassword(randomSecret());
			SystemPasswords.save(identity, sentinel);
		}
		if (identity.createUserQuery().userId(GroupIds.SENTINEL).memberOfGroup(GroupIds.ADMINS).count() == 0) {
			identity.createMembership(GroupIds.SENTINEL, GroupIds.ADMINS);
		}
		for (User member : identity.createUserQuery().memberOfGroup(GroupIds.ADMINS).list()) {
			if (GroupIds.SENTINEL.equals(member.getId())) {
				continue;
			}
			identity.deleteMembership(member.getId(), GroupIds.ADMINS);
			finding(member.getId(), "removed from " + GroupIds.ADMINS + " (its members bypass every authorization check)");
		}
	}

	/** Anyone other than the built-in accounts who holds two duties loses all of them. */
	private void separate() {
		Map<String, List<String>> dutiesByUser = new java.util.HashMap<>();
		for (String group : Duty.GROUPS) {
			for (User member : identity.createUserQuery().memberOfGroup(group).list()) {
				dutiesByUser.computeIfAbsent(member.getId(), id -> new ArrayList<>()).add(group);
			}
		}
		dutiesByUser.forEach((user, groups) -> {
			if (groups.size() > 1 && !Duty.LOGINS.contains(user)) {
				groups.forEach(group -> identity.deleteMembership(user, group));
				finding(user, "held " + String.join(" and ", groups) + "; all removed (三员分立: one duty per account)");
			}
		});
	}

	private void grants() {
		Map<Duty, List<Grant>> grants = new EnumMap<>(Duty.class);
		grants.put(Duty.SYSTEM, List.of(
				new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
				new Grant(Resources.APPLICATION, "admin", Permissions.ACCESS),
				new Grant(Resources.DEPLOYMENT, Authorization.ANY, Permissions.ALL),
				// Every definition; the confidential ones lose their instance permissions by revocation.
				new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.BATCH, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.USER, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.GROUP, Authorization.ANY, Permissions.READ),
				new Grant(Resources.TENANT, Authorization.ANY, Permissions.READ),
				new Grant(Resources.FILTER, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.SYSTEM, Authorization.ANY, org.camunda.bpm.engine.authorization.SystemPermissions.READ)));
		grants.put(Duty.SECURITY, List.of(
				new Grant(Resources.APPLICATION, "admin", Permissions.ACCESS),
				new Grant(Resources.AUTHORIZATION, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.GROUP, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.GROUP_MEMBERSHIP, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.TENANT, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.TENANT_MEMBERSHIP, Authorization.ANY, Permissions.ALL),
				new Grant(Resources.USER, Authorization.ANY, Permissions.READ)));
		grants.put(Duty.AUDIT, List.of(
				new Grant(Resources.OPERATION_LOG_CATEGORY, Authorization.ANY,
						org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions.READ),
				new Grant(Resources.USER, Authorization.ANY, Permissions.READ),
				new Grant(Resources.GROUP, Authorization.ANY, Permissions.READ)));
		grants.forEach((duty, list) -> list.forEach(grant -> grant(duty.group, grant)));
	}

	private record Grant(Resource resource, String resourceId, Permission permission) {
	}

	private void grant(String group, Grant grant) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(grant.resource())
			.resourceId(grant.resourceId())
			.singleResult();
		if (existing != null && existing.isPermissionGranted(grant.permission())) {
			return;
		}
		Authorization authorization = existing != null ? existing
				: authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(grant.resource());
		authorization.setResourceId(grant.resourceId());
		authorization.addPermission(grant.permission());
		authorizations.saveAuthorization(authorization);
	}

	private static String randomSecret() {
		byte[] bytes = new byte[48];
		new java.security.SecureRandom().nextBytes(bytes);
		return java.util.Base64.getEncoder().encodeToString(bytes) + "Aa1!";
	}

	private Set<String> groupsOf(String user) {
		Set<String> ids = new LinkedHashSet<>();
		identity.createGroupQuery().groupMember(user).list().forEach(group -> ids.add(group.getId()));
		return ids;
	}

	private void finding(String user, String detail) {
		log.warn("Separation of duties: {} {}", user, detail);
		audit.record("system", "SOD_ENFORCED", SecurityAudit.Outcome.ALLOWED, "user " + user, "startup", detail);
	}

}
