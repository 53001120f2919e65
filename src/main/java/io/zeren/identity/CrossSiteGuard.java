package io.zeren.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.shared.Msg;

/**
 * Browsers cannot be made to act. Browsers cache HTTP Basic credentials and replay them like cookies, so a page
 * on any site could POST a deployment (code) to /engine-rest with an administrator's cached login. A state change
 * (POST, PUT, PATCH, DELETE) on /api or /engine-rest is therefore refused when the browser says it comes from
 * elsewhere: {@code Sec-Fetch-Site} other than same-origin or none, or an {@code Origin} that is neither this
 * request's own origin nor zeren.base-url. Browsers send one of them on every cross-origin state change and
 * cannot be made to omit or forge them from a page; clients that send neither (curl, scripts, our tests) are not
 * browsers and carry their credentials on purpose, so they pass. Runs before authentication: a forged request
 * is refused before its credentials are even looked at.
 */
class CrossSiteGuard extends OncePerRequestFilter {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final String baseOrigin;

	private final SecurityAudit audit;

	private final MessageSource messages;

	private final ObjectMapper json;

	CrossSiteGuard(String baseUrl, SecurityAudit audit, MessageSource messages, ObjectMapper json) {
		this.baseOrigin = origin(baseUrl);
		this.audit = audit;
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT)) || sameOrigin(request)) {
			chain.doFilter(request, response);
			return;
		}
		audit.refused(null, "cross-site", request.getMethod() + " " + request.getRequestURI(), request.getRemoteAddr(),
				"Origin=" + request.getHeader("Origin") + " Sec-Fetch-Site=" + request.getHeader("Sec-Fetch-Site"));
		ErrorAnswer.write(response, json, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
				new Msg("security.cross-site").render(messages, ErrorAnswer.localeOf(request)));
	}

	boolean sameOrigin(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && !"same-origin".equalsIgnoreCase(site) && !"none".equalsIgnoreCase(site)) {
			return false;
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return true;
		}
		String claimed = origin(origin);
		if (claimed == null) {
			// "null" (sandboxed frames, file:) or garbage: not one of ours.
			return false;
		}
		return claimed.equals(baseOrigin) || claimed.equals(ownOrigin(request));
	}

	private static String ownOrigin(HttpServletRequest request) {
		return origin(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
	}

	/** scheme://host:port, lower case, default ports explicit; null when it is not an http(s) origin. */
	static String origin(String url) {
		try {
			URI uri = URI.create(url.strip());
			String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
			if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
				return null;
			}
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
	}

}
