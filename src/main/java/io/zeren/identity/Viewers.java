package io.zeren.identity;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;

/** Who is logged in on this request, as a {@link Viewer}; empty on the login page. */
@Component
public class Viewers {

	private final OrganisationDirectory directory;

	private final org.camunda.bpm.engine.IdentityService identity;

	Viewers(OrganisationDirectory directory, org.camunda.bpm.engine.IdentityService identity) {
		this.directory = directory;
		this.identity = identity;
	}

	public Optional<Viewer> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		String username = authentication.getName();
		Set<String> groups = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet());
		Optional<StaffInfo> staff = directory.cachedStaffInfo(username);
		// The three administrators have no staff record: their name (系统管理员 …) is their Camunda user's.
		String name = staff.map(StaffInfo::fullName).orElseGet(() -> accountName(username));
		return Optional.of(new Viewer(username, name,
				staff.map(StaffInfo::unitCode).orElse(null), staff.map(StaffInfo::unitName).orElse(null),
				staff.map(StaffInfo::post).orElse(null), groups));
	}

	private String accountName(String username) {
		org.camunda.bpm.engine.identity.User user = identity.createUserQuery().userId(username).singleResult();
		if (user == null) {
			return null;
		}
		String name = ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName())).strip();
		return name.isEmpty() ? null : name;
	}

	/** The viewer of a page behind the login (the security chain guarantees one). */
	public Viewer require() {
		return current().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no login"));
	}

}
