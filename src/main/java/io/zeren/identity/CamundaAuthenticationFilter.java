package io.zeren.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user to the engine for the length of the request, so Camunda's authorization
 * checks apply to engine REST and to engine calls made by our API (what Camunda's own
 * ProcessEngineAuthenticationFilter does, fed by Spring Security instead of its own Basic parser).
 */
class CamundaAuthenticationFilter extends OncePerRequestFilter {

	private final IdentityService identity;

	CamundaAuthenticationFilter(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		String username = authentication.getName();
		List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		List<String> tenants = identity.createTenantQuery()
			.userMember(username)
			.includingGroupsOfUser(true)
			.list()
			.stream()
			.map(Tenant::getId)
			.toList();
		identity.setAuthentication(username, groups, tenants);
		try {
			chain.doFilter(request, response);
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
