package io.zeren.identity;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Whether the caller of our API belongs to a Camunda group: their authorities are their group ids. */
public final class CallerGroups {

	private CallerGroups() {
	}

	public static boolean inAny(Authentication caller, String... groups) {
		Set<String> wanted = Set.of(groups);
		return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(wanted::contains);
	}

}
