package io.zeren.identity;

import java.util.Locale;
import java.util.Set;

/**
 * The person looking at a workbench page: their login, name and unit from the organisation, and the Camunda groups
 * their login carried (which decide what the navigation offers). Pages decide access with the organisation's and the
 * use cases' own checks; the groups only choose what to show.
 */
public record Viewer(String username, String fullName, String unitCode, String unitName, String post,
		Set<String> groups) {

	public boolean inGroup(String group) {
		return groups.contains(group);
	}

	/** A member of the organisation (not one of the three administrators). */
	public boolean isStaff() {
		return inGroup(GroupIds.ALL_STAFF);
	}

	/** Head of at least one unit. */
	public boolean isUnitHead() {
		return groups.stream().anyMatch(group -> group.startsWith("head-"));
	}

	/** Holder of a functional role, e.g. {@code POLITICAL}, {@code DISCIPLINE}. */
	public boolean hasRole(String roleCode) {
		return inGroup(GroupIds.role(roleCode));
	}

	public boolean isSystemAdmin() {
		return inGroup(GroupIds.SYSTEM_ADMINS);
	}

	public boolean isSecurityAdmin() {
		return inGroup(GroupIds.SECURITY_ADMINS);
	}

	public boolean isAuditAdmin() {
		return inGroup(GroupIds.AUDIT_ADMINS);
	}

	/** Name to greet with: the person's name, else the login. */
	public String displayName() {
		return fullName == null || fullName.isBlank() ? username : fullName;
	}

	/** The first character of the name, for the avatar. */
	public String initial() {
		return displayName().substring(0, 1).toUpperCase(Locale.ROOT);
	}

}
