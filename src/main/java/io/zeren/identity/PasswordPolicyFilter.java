package io.zeren.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a password a person chooses against the policy before the engine does, so that the refusal is a Chinese
 * sentence naming the rules missed, not the engine's "Password does not match policy". Both doors: the engine REST
 * and the webapps' copy of it (Welcome's "change password", Admin's user creation and password reset):
 * {@code PUT .../user/{id}/credentials} and {@code POST .../user/create}. Runs after the doors' authentication;
 * the engine's own check stays behind it.
 */
class PasswordPolicyFilter extends OncePerRequestFilter {

	private static final Pattern CREDENTIALS = Pattern
		.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/([^/]+)/credentials/?$");

	private static final Pattern CREATE = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/create/?$");

	/** Far above any credentials body; a bigger one is left to the engine REST (which refuses what it cannot read). */
	private static final int MAX_BODY = 64 * 1024;

	private final IdentityService identity;

	private final ProcessEngineConfiguration engine;

	private final AuthorizationService authorizations;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final SecurityAudit audit;

	private final SystemAuthentication system;

	PasswordPolicyFilter(ProcessEngine engine, MessageSource messages, ObjectMapper json, SecurityAudit audit,
			SystemAuthentication system) {
		this.system = system;
		this.identity = engine.getIdentityService();
		this.engine = engine.getProcessEngineConfiguration();
		this.authorizations = engine.getAuthorizationService();
		this.messages = messages;
		this.json = json;
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return !("PUT".equals(request.getMethod()) && CREDENTIALS.matcher(path).matches()
				|| "POST".equals(request.getMethod()) && CREATE.matcher(path).matches());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		HttpServletRequest replay = new QueryExpressionGuard.CachedBodyRequest(request, body);
		if (body.length > MAX_BODY || !engine.isEnablePasswordPolicy()) {
			chain.doFilter(replay, response);
			return;
		}
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (IOException ex) {
			chain.doFilter(replay, response);
			return;
		}
		String password;
		User user;
		Matcher credentials = CREDENTIALS.matcher(path(request));
		if (credentials.matches()) {
			password = text(root, "password");
			String userId = URLDecoder.decode(credentials.group(1), StandardCharsets.UTF_8);
			if (!authorized(Permissions.UPDATE, userId)) {
				forbid(request, response, userId, new Object[] { userId }, "password.forbidden-credentials");
				return;
			}
			user = identity.createUserQuery().userId(userId).singleResult();
		}
		else {
			if (!authorized(Permissions.CREATE, null)) {
				forbid(request, response, text(root.path("profile"), "id"), null, "password.forbidden-create");
				return;
			}
			password = text(root.path("credentials"), "password");
			JsonNode profile = root.path("profile");
			user = identity.newUser(text(profile, "id"));
			user.setFirstName(text(profile, "firstName"));
			user.setLastName(text(profile, "lastName"));
			user.setEmail(text(profile, "email"));
		}
		if (password == null || user == null) {
			chain.doFilter(replay, response);
			return;
		}
		PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password, user);
		if (result.isValid()) {
			chain.doFilter(replay, response);
			return;
		}
		refuse(request, response, user, result.getViolatedRules());
	}

	/**
	 * Whether the caller may make the change at all: if not, the engine refuses it (403) as before, and the caller
	 * learns nothing about the policy's view of the password.
	 */
	private boolean authorized(Permissions permission, String userId) {
		var caller = identity.getCurrentAuthentication();
		if (caller == null) {
			return false;
		}
		// The engine lets only administrators ask about authorizations; the question is asked by the system.
		return system.call(() -> userId == null
				? authorizations.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), permission, Resources.USER)
				: authorizations.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), permission, Resources.USER,
						userId));
	}

	/**
	 * The caller may not make this change at all. Answered here, because the engine checks the password policy
	 * before the caller's authorization and would answer a stranger's weak password with the policy (500).
	 */
	private void forbid(HttpServletRequest request, HttpServletResponse response, String target, Object[] args,
			String key) throws IOException {
		Locale locale = ErrorAnswer.localeOf(request);
		var actor = identity.getCurrentAuthentication();
		audit.refused(actor == null ? null : actor.getUserId(), "USER_ACCOUNT_CHANGE", target, request.getRemoteAddr(),
				request.getMethod() + " " + path(request) + ": no " + (args == null ? "CREATE" : "UPDATE")
						+ " permission on users");
		ErrorAnswer.write(response, json, HttpStatus.FORBIDDEN.value(), "AuthorizationException",
				messages.getMessage(key, args, locale));
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, User user,
			List<PasswordPolicyRule> violated) throws IOException {
		Locale locale = ErrorAnswer.localeOf(request);
		String rules = String.join(messages.getMessage("password.rule.separator", null, "；", locale),
				violated.stream().map(rule -> rule(rule, locale)).toList());
		String sentence = messages.getMessage("password.policy-violated", new Object[] { rules }, locale);
		var actor = identity.getCurrentAuthentication();
		audit.refused(actor == null ? null : actor.getUserId(), "PASSWORD_POLICY", user == null ? null : user.getId(),
				request.getRemoteAddr(), request.getMethod() + " " + path(request) + ": "
						+ String.join(", ", violated.stream().map(PasswordPolicyRule::getPlaceholder).toList()));
		ErrorAnswer.write(response, json, HttpStatus.BAD_REQUEST.value(), "PasswordPolicyViolation", sentence);
	}

	private String rule(PasswordPolicyRule rule, Locale locale) {
		Object[] args = rule.getParameters().values().toArray();
		return messages.getMessage("password.rule." + rule.getPlaceholder(), args, rule.getPlaceholder(), locale);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isTextual() ? value.asText() : null;
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
