package io.zeren.shared;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Someone was refused at our API or on a page (a rule, Spring Security, or the engine's authorizations): what the
 * security audit trail records. {@code actor} is the authenticated user (null: anonymous), {@code target} the request.
 */
public record AccessRefused(String actor, String target, String source, String reason) {

	/** A refusal of {@code request}, by the user Spring Security authenticated for it (null when anonymous). */
	public static AccessRefused of(HttpServletRequest request, String reason) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		String actor = caller == null || caller instanceof AnonymousAuthenticationToken ? null : caller.getName();
		return new AccessRefused(actor, request.getMethod() + " " + request.getRequestURI(), request.getRemoteAddr(),
				reason);
	}

}
