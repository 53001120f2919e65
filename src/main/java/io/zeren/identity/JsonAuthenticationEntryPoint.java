package io.zeren.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.shared.Msg;

/**
 * 401 without a {@code WWW-Authenticate: Basic} challenge. The challenge makes a browser show its login prompt and
 * then cache what was typed for the whole origin, to be replayed by any page that sends it a request (the Swagger UI
 * at /api/docs taught browsers the admin's password that way). Clients that send Basic credentials up front (curl
 * -u, scripts, the Swagger UI's own Authorize button) work as before.
 */
class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final MessageSource messages;

	private final ObjectMapper json;

	JsonAuthenticationEntryPoint(MessageSource messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		ErrorAnswer.write(response, json, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
				new Msg("security.unauthenticated").render(messages, ErrorAnswer.localeOf(request)));
	}

}
