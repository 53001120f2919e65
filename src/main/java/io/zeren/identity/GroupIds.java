package io.zeren.identity;

import java.util.Locale;

/**
 * How organisation concepts are named as Camunda groups. Processes use these ids as candidate groups,
 * e.g. {@code head-pol-org} for the head of unit POL-ORG or {@code role-political} for the political department.
 */
public final class GroupIds {

	/** Every active staff member; carries the Tasklist permission. */
	public static final String ALL_STAFF = "zeren-staff";

	/** Camunda's administrators group. */
	public static final String ADMINS = "camunda-admin";

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
