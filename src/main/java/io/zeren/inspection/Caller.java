package io.zeren.inspection;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.zeren.identity.GroupIds;

/** Who calls our API: username and Camunda groups (the Spring Security authorities). */
record Caller(String username, Set<String> groups) {

	static final String INSPECTION = GroupIds.role("INSPECTION");

	static final String POLITICAL = GroupIds.role("POLITICAL");

	static final String LEADERSHIP = GroupIds.role("LEADERSHIP");

	static final String DISCIPLINE = GroupIds.role("DISCIPLINE");

	static Caller of(Authentication authentication) {
		return new Caller(authentication.getName(), authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet()));
	}

	boolean isAdmin() {
		return groups.contains(GroupIds.SYSTEM_ADMINS);
	}

	boolean isInspector() {
		return isAdmin() || groups.contains(INSPECTION);
	}

	/** Sees every inspection and rectification: the inspection team, leadership, discipline office, admins. */
	boolean seesAll() {
		return isInspector() || groups.contains(LEADERSHIP) || groups.contains(DISCIPLINE);
	}

	boolean mayStartSelfReports() {
		return isAdmin() || groups.contains(POLITICAL);
	}

}
