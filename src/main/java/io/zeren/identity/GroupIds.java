package io.zeren.identity;

import java.util.Locale;

/**
 * How organisation concepts are named as Camunda groups. Processes use these ids as candidate groups,
 * e.g. {@code head-pol-org} for the head of unit POL-ORG or {@code role-political} for the political department.
 */
public final class GroupIds {

	/** Every active staff member; carries the Tasklist permission. */
	public static final String ALL_STAFF = "zeren-staff";

	/**
	 * Camunda's built-in administrators group: its members bypass every authorization check of the engine. Under
	 * the separation of duties (三员分立) nobody is a member; kept to refuse it wherever a group is granted.
	 */
	public static final String ADMINS = "camunda-admin";

	/**
	 * The one member of {@link #ADMINS}: an account no door lets log in (see SeparatedAdministrators), there only because
	 * Camunda's webapps send everyone to their setup page while {@code camunda-admin} is empty.
	 */
	public static final String SENTINEL = "zeren-sentinel";

	/** System administrator (系统管理员): runs the system (deployments, jobs, incidents, accounts), reads no case content. */
	public static final String SYSTEM_ADMINS = "zeren-sysadmin";

	/** Security administrator (安全保密管理员): grants roles and authorizations. */
	public static final String SECURITY_ADMINS = "zeren-secadmin";

	/** Audit administrator (安全审计员): reads the audit trails, nothing else. */
	public static final String AUDIT_ADMINS = "zeren-auditadmin";

	/** Integration clients (technical accounts): more of the engine API, by configuration. */
	public static final String INTEGRATION = "zeren-integration";

	static final String TYPE_STAFF = "zeren-staff";

	static final String TYPE_UNIT = "zeren-unit";

	static final String TYPE_HEAD = "zeren-head";

	static final String TYPE_ROLE = "zeren-role";

	private GroupIds() {
	}

	/** Members of a unit (own unit only). */
	public static String unit(String unitCode) {
		return "unit-" + unitCode.toLowerCase(Locale.ROOT);
	}

	/** The head of a unit. */
	public static String head(String unitCode) {
		return "head-" + unitCode.toLowerCase(Locale.ROOT);
	}

	/** Holders of a functional role, e.g. POLITICAL → role-political. */
	public static String role(String roleCode) {
		return "role-" + roleCode.toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
