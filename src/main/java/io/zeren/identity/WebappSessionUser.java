package io.zeren.identity;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is logged in on the Camunda webapps' door ({@code /camunda/api/...}): their own session login, which neither
 * Spring Security nor the engine knows of. Read from the request's thread once Camunda's AuthenticationFilter has run,
 * else from the session it keeps.
 */
public record WebappSessionUser(String id, List<String> groups) {

	public static Optional<WebappSessionUser> of(HttpServletRequest request) {
		Authentications authentications = Authentications.getCurrent();
		HttpSession session = request.getSession(false);
		if (authentications == null && session != null) {
			authentications = AuthenticationUtil.getAuthsFromSession(session);
		}
		if (authentications == null) {
			return Optional.empty();
		}
		for (UserAuthentication user : authentications.getAuthentications()) {
			if (user.getName() != null) {
				return Optional.of(new WebappSessionUser(user.getName(),
						user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds())));
			}
		}
		return Optional.empty();
	}

}
