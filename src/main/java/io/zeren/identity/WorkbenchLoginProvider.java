package io.zeren.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Camunda webapps' side of the one login (container-based authentication): the user is whoever logged in on
 * Zeren's login page, read from Spring Security's session context; their groups are the authorities that login
 * found in Camunda's identity. Camunda's ContainerBasedAuthenticationFilter instantiates this class by name and
 * builds the webapps' session authentication (authorized apps included) from the answer.
 */
public class WorkbenchLoginProvider extends ContainerBasedAuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null
				|| authentication.getName().isBlank()) {
			return AuthenticationResult.unsuccessful();
		}
		String username = authentication.getName();
		AuthenticationResult result = new AuthenticationResult(username, true);
		result.setGroups(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		List<String> tenants = engine.getIdentityService()
			.createTenantQuery()
			.userMember(username)
			.includingGroupsOfUser(true)
			.list()
			.stream()
			.map(Tenant::getId)
			.toList();
		result.setTenants(tenants);
		return result;
	}

}
