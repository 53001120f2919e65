package io.zeren.identity;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused login goes back to the login page with the reason and the login name typed (never the password): the
 * throttle's wait when {@link LoginThrottle} refused the check, else one sentence for every other refusal (wrong
 * password, unknown login, an account no door lets in), so that the page tells an attacker nothing about accounts.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	static final String REFUSAL = LoginFailureHandler.class.getName() + ".refusal";

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		Duration wait = LoginAttempt.currentThrottle();
		String username = request.getParameter("username");
		request.getSession().setAttribute(REFUSAL,
				new LoginPage.Refusal(wait == null ? null : LoginThrottle.minutes(wait), username));
		if (wait != null) {
			response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
		}
		response.sendRedirect(request.getContextPath() + LoginPage.PATH + "?error");
	}

}
