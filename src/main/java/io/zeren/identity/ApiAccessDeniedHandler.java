package io.zeren.identity;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.shared.Locales;

/**
 * A request our security rules refuse before it reaches a controller (e.g. a staff member at an administrator's
 * endpoint): 403 with a sentence a person can read, in the problem shape our API answers with, and a line on the
 * security audit trail with the real actor.
 */
@Component
class ApiAccessDeniedHandler implements AccessDeniedHandler {

	private final SecurityAudit audit;

	private final MessageSource messages;

	private final ObjectMapper json;

	ApiAccessDeniedHandler(SecurityAudit audit, MessageSource messages, ObjectMapper json) {
		this.audit = audit;
		this.messages = messages;
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		var caller = SecurityContextHolder.getContext().getAuthentication();
		audit.refused(caller == null ? null : caller.getName(), "API_REFUSED",
				request.getMethod() + " " + request.getRequestURI(), request.getRemoteAddr(), denied.getMessage());
		String detail = messages.getMessage("error.access-denied", null, Locales.current());
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getWriter(),
				Map.of("status", 403, "title", messages.getMessage("error.title.forbidden", null, Locales.current()),
						"detail", detail, "violations", List.of(detail)));
	}

}
