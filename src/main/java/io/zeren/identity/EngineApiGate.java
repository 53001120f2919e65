package io.zeren.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.identity.EngineApiRules.Role;
import io.zeren.identity.EngineApiRules.Rule;
import io.zeren.shared.Msg;

/**
 * The engine API gate, on both doors: {@code /engine-rest} (HTTP Basic, through Spring Security) and the webapps'
 * {@code /camunda/api/{engine,cockpit,tasklist,admin}} (Camunda's session login). Camunda's authorizations say
 * which tasks and instances a user may touch, not which operations: a staff member may list, change and delete
 * every deadline job (they carry no process definition), correlate messages, read statistics, start a process
 * at any activity. So each request's method and normalised path is checked against the written allow-list of the
 * caller's roles ({@link EngineApiRules}); the rest is refused with 403 and a line in the security audit. Task
 * completions and process starts then pass the {@link SubmissionGuard}.
 *
 * <p>
 * Who the caller is: on the engine REST door Spring Security's authentication (this filter runs inside its
 * chain's scope); on the webapp door the Camunda webapp's own session authentication, read from the session
 * (Camunda's AuthenticationFilter, registered later, reads the same object). Without an authenticated caller the
 * request goes on unchanged: Spring Security and Camunda's SecurityFilter refuse it themselves.
 */
class EngineApiGate extends OncePerRequestFilter {

	private static final Set<String> WEBAPPS = Set.of("cockpit", "tasklist", "admin");

	private static final Set<String> METHOD_OVERRIDES = Set.of("X-HTTP-Method-Override", "X-HTTP-Method",
			"X-Method-Override");

	private final List<Rule> rules;

	private final String webappApi;

	private final SubmissionGuard submissions;

	private final SecurityAudit audit;

	private final MessageSource messages;

	private final ObjectMapper json;

	EngineApiGate(List<Rule> rules, String webappPath, SubmissionGuard submissions, SecurityAudit audit,
			MessageSource messages, ObjectMapper json) {
		this.rules = rules;
		this.webappApi = webappPath.replaceAll("/+$", "") + "/api";
		this.submissions = submissions;
		this.audit = audit;
		this.messages = messages;
		this.json = json;
	}

	/** Who is asking and in which groups. */
	record Caller(String id, List<String> groups, String door) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		boolean webapp = uri.startsWith(webappApi + "/");
		List<String> path = normalise(uri, webappApi);
		if (path == null) {
			// Not a path Jersey would route the way we read it (encoded slashes, dot segments): nobody's.
			refuse(request, response, caller(request, webapp), uri, "unreadable path", 400,
					new Msg("security.engine.unreadable"));
			return;
		}
		if (isOpen(request.getMethod(), path)) {
			chain.doFilter(request, response);
			return;
		}
		Caller caller = caller(request, webapp);
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		for (String header : METHOD_OVERRIDES) {
			if (request.getHeader(header) != null) {
				refuse(request, response, caller, "/" + String.join("/", path), "method override header", 403,
						new Msg("security.engine.refused"));
				return;
			}
		}
		String method = switch (request.getMethod().toUpperCase(Locale.ROOT)) {
			case "HEAD", "OPTIONS" -> "GET";
			default -> request.getMethod().toUpperCase(Locale.ROOT);
		};
		Set<Role> roles = EngineApiRules.rolesOf(caller.groups());
		HttpServletRequest forward = request;
		byte[] body = (byte[]) request.getAttribute(QueryExpressionGuard.BODY);
		boolean needsBody = SubmissionGuard.isSubmission(method, path) || rules.stream()
			.anyMatch(rule -> "body-self".equals(rule.condition()) && roles.contains(rule.role())
					&& rule.matches(method, path, caller.id()));
		if (needsBody && body == null) {
			body = request.getInputStream().readAllBytes();
			forward = new QueryExpressionGuard.CachedBodyRequest(request, body);
		}
		String target = request.getMethod() + " /" + String.join("/", path);
		Rule allowing = allowing(request, method, path, caller, roles, body);
		if (allowing == null) {
			refuse(request, response, caller, target, "not in the allow-list of " + roles, 403,
					new Msg(refusalKey(path)));
			return;
		}
		if (SubmissionGuard.isSubmission(method, path)) {
			boolean staffOnly = roles.stream()
				.noneMatch(role -> role == Role.SYSTEM || role == Role.INTEGRATION);
			SubmissionGuard.Refusal refusal = submissions.check(caller.id(), caller.groups(), staffOnly, path, body);
			if (refusal != null) {
				refuse(request, response, caller, target, "submission: " + refusal.message(), refusal.status(),
						refusal.message());
				return;
			}
		}
		chain.doFilter(forward, response);
	}

	/** The sentence for a refused request: claims for someone else and unclaims get their own. */
	private static String refusalKey(List<String> path) {
		if (path.size() >= 3 && "task".equals(path.get(0)) && "claim".equals(path.get(2))) {
			return "security.engine.claim-other";
		}
		// Staff never unclaim: a personal task would have no holder, a group task goes on through 改派.
		if (path.size() >= 3 && "task".equals(path.get(0)) && "unclaim".equals(path.get(2))) {
			return "security.engine.unclaim";
		}
		return "security.engine.refused";
	}

	private Rule allowing(HttpServletRequest request, String method, List<String> path, Caller caller, Set<Role> roles,
			byte[] body) {
		for (Rule rule : rules) {
			if (roles.contains(rule.role()) && rule.matches(method, path, caller.id())
					&& holds(rule.condition(), request, caller, body)) {
				return rule;
			}
		}
		return null;
	}

	private boolean holds(String condition, HttpServletRequest request, Caller caller, byte[] body) {
		if (condition == null) {
			return true;
		}
		return switch (condition) {
			case "query-self" -> {
				String[] users = request.getParameterValues("userId");
				yield users == null || (users.length == 1 && caller.id().equals(users[0]));
			}
			case "query-task" -> {
				String task = request.getParameter("taskId");
				yield task != null && !task.isBlank();
			}
			case "body-self" -> caller.id().equals(bodyUserId(body));
			default -> false;
		};
	}

	private String bodyUserId(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			JsonNode root = json.readTree(body);
			return root != null && root.path("userId").isTextual() ? root.path("userId").asText() : null;
		}
		catch (IOException malformed) {
			return null;
		}
	}

	/** What the webapps need before or without a login, and plugin scripts: not engine operations. */
	private static boolean isOpen(String method, List<String> path) {
		if (path.size() >= 2 && "admin".equals(path.get(0)) && "auth".equals(path.get(1))) {
			return true;
		}
		return ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) && path.size() >= 4
				&& WEBAPPS.contains(path.get(0)) && "plugin".equals(path.get(1)) && "static".equals(path.get(3));
	}

	/**
	 * The door-independent resource path as segments, e.g. [task, 1, claim]; null when it cannot be read safely.
	 * {@code /engine-rest/engine/{name}/x} and {@code /camunda/api/engine/engine/{name}/x} are both {@code /x}; the
	 * engine list is {@code /engine}; the webapps' plugin APIs keep their application name.
	 */
	static List<String> normalise(String uri, String webappApi) {
		List<String> segments = new ArrayList<>();
		for (String raw : uri.split("/")) {
			String segment = raw;
			int matrix = segment.indexOf(';');
			if (matrix >= 0) {
				segment = segment.substring(0, matrix);
			}
			if (segment.isEmpty()) {
				continue;
			}
			try {
				segment = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException malformed) {
				return null;
			}
			if (segment.contains("/") || segment.contains("\\") || ".".equals(segment) || "..".equals(segment)) {
				return null;
			}
			segments.add(segment);
		}
		List<String> prefix = EngineApiRules.segments(webappApi);
		List<String> rest;
		if (!segments.isEmpty() && "engine-rest".equals(segments.get(0))) {
			rest = segments.subList(1, segments.size());
		}
		else if (segments.size() > prefix.size() && segments.subList(0, prefix.size()).equals(prefix)) {
			List<String> app = segments.subList(prefix.size(), segments.size());
			if (!"engine".equals(app.get(0))) {
				return List.copyOf(app);
			}
			rest = app.subList(1, app.size());
		}
		else {
			return List.copyOf(segments);
		}
		if (!rest.isEmpty() && "engine".equals(rest.get(0))) {
			// /engine lists the engines; /engine/{name}/x is x on that engine.
			return rest.size() == 1 ? List.of("engine") : List.copyOf(rest.subList(2, rest.size()));
		}
		return List.copyOf(rest);
	}

	private static Caller caller(HttpServletRequest request, boolean webapp) {
		if (!webapp) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !authentication.isAuthenticated()
					|| authentication instanceof AnonymousAuthenticationToken) {
				return null;
			}
			return new Caller(authentication.getName(),
					authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(), "engine-rest");
		}
		return WebappSessionUser.of(request).map(user -> new Caller(user.id(), user.groups(), "webapp")).orElse(null);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Caller caller, String target,
			String detail, int status, Msg message) throws IOException {
		audit.refused(caller == null ? null : caller.id(), "engine-api", target,
				(caller == null ? "" : caller.door() + " ") + request.getRemoteAddr(), detail);
		ErrorAnswer.write(response, json, status, status == 403 ? "Forbidden" : "InvalidRequestException",
				message.render(messages, ErrorAnswer.localeOf(request)));
	}

}
