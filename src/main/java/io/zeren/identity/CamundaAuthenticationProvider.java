package io.zeren.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against Camunda's identity, the same one Tasklist logs in with, behind Zeren's login throttle
 * ({@link LoginThrottle}, applied inside the engine's password check). Authorities are the user's Camunda group ids.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identity;

	CamundaAuthenticationProvider(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		// checkPassword refuses camunda-admin's sentinel whatever its password (IdentityEnginePlugin).
		if (username == null || credentials == null || !identity.checkPassword(username, credentials.toString())) {
			throw new BadCredentialsException("Bad credentials");
		}
		List<SimpleGrantedAuthority> authorities = identity.createGroupQuery()
			.groupMember(username)
			.list()
			.stream()
			.map(Group::getId)
			.map(SimpleGrantedAuthority::new)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
