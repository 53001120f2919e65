package io.zeren.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The written allow-list of the engine API, per role, for both doors ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/...}), as data. docs/security.md carries the same table (EngineApiRulesTests checks that
 * they agree). Paths are normalised resource paths: {@code /engine-rest/engine/default/task/1} and
 * {@code /camunda/api/engine/engine/default/task/1} are both {@code /task/1}; the webapps' plugin APIs keep their
 * application ({@code /cockpit/plugin/base/default/...}). A request no line allows is refused.
 *
 * <p>
 * Pattern segments: a literal; {@code {id}} any one segment that is not one of the engine's literal sub-resource
 * names ({@link #RESERVED}, so {@code /process-definition/{id}} never matches {@code /process-definition/statistics});
 * {@code {self}} the authenticated user's own id; {@code **} the rest of the path (also nothing). HEAD and OPTIONS
 * count as GET. Conditions: {@code query-self} = a {@code userId} query parameter, if any, names the caller;
 * {@code query-task} = a {@code taskId} query parameter is present; {@code body-self} = the JSON body's
 * {@code userId} names the caller.
 */
final class EngineApiRules {

	/** Who a rule is for: Zeren's roles, each from a group (see {@link #rolesOf}). */
	enum Role {
		/** Every authenticated user. */
		ANY,
		/** zeren-staff: what Tasklist needs. */
		STAFF,
		/** zeren-sysadmin (and camunda-admin until the separation of duties lands): operations. */
		SYSTEM,
		/** zeren-secadmin: authorizations, groups and memberships, user reads. */
		SECURITY,
		/** zeren-auditadmin: the user operation log. */
		AUDIT,
		/** zeren-integration: the families named in zeren.security.integration-resources. */
		INTEGRATION
	}

	/**
	 * The engine's literal sub-resource names that sit where an id could: a wildcard segment never matches them,
	 * so a rule for one id cannot open a collection-wide operation of the same shape.
	 */
	static final Set<String> RESERVED = Set.of("count", "create", "statistics", "key", "suspended", "report", "delete",
			"delete-historic-query-based", "job-retries", "job-retries-historic-query-based", "suspended-async",
			"variables-async", "message-async", "set-removal-time", "correlate", "retries", "tenant-id", "fetchAndLock",
			"candidate-group-count", "definition-id", "history-time-to-live", "restart", "singleResult");

	/** One line of the allow-list. */
	record Rule(Role role, Set<String> methods, String pattern, String condition) {

		boolean matches(String method, List<String> path, String actor) {
			if (!methods.contains(method)) {
				return false;
			}
			List<String> parts = segments(pattern);
			for (int i = 0; i < parts.size(); i++) {
				String part = parts.get(i);
				if ("**".equals(part)) {
					return true;
				}
				if (i >= path.size()) {
					return false;
				}
				String segment = path.get(i);
				boolean ok = switch (part) {
					case "{id}" -> !RESERVED.contains(segment);
					case "{self}" -> segment.equals(actor);
					default -> part.equals(segment);
				};
				if (!ok) {
					return false;
				}
			}
			return parts.size() == path.size();
		}

		/** As the line reads in docs/security.md. */
		String line() {
			return role.name().toLowerCase(Locale.ROOT) + " " + String.join(",", methods.stream().sorted().toList()) + " "
					+ pattern + (condition == null ? "" : " " + condition);
		}

	}

	/**
	 * The table. One line: role, methods, pattern, optional condition. Keep it in step with docs/security.md.
	 * Administrators' families are whole path trees; staff get single operations.
	 */
	static final String TABLE = """
			any GET /engine
			any GET /version
			any GET /identity/password-policy
			any POST /identity/password-policy
			any GET /identity/groups query-self
			any GET /authorization/check query-self
			any GET /user/{self}/profile
			any PUT /user/{self}/credentials
			staff GET,POST /task
			staff GET,POST /task/count
			staff GET /task/{id}
			staff GET /task/{id}/form
			staff GET /task/{id}/deployed-form
			staff GET /task/{id}/rendered-form
			staff GET /task/{id}/form-variables
			staff GET /task/{id}/variables
			staff GET /task/{id}/variables/{id}
			staff GET /task/{id}/variables/{id}/data
			staff GET /task/{id}/localVariables
			staff GET /task/{id}/localVariables/{id}
			staff GET /task/{id}/localVariables/{id}/data
			staff POST /task/{id}/claim body-self
			staff POST /task/{id}/submit-form
			staff POST /task/{id}/complete
			staff GET /task/{id}/comment
			staff GET /task/{id}/comment/{id}
			staff POST /task/{id}/comment/create
			staff GET /task/{id}/identity-links
			staff GET /filter
			staff GET /filter/count
			staff GET /filter/{id}
			staff GET,POST /filter/{id}/list
			staff GET,POST /filter/{id}/count
			staff GET,POST /filter/{id}/singleResult
			staff GET /process-definition
			staff GET /process-definition/count
			staff GET /process-definition/{id}
			staff GET /process-definition/{id}/xml
			staff GET /process-definition/{id}/startForm
			staff GET /process-definition/{id}/deployed-start-form
			staff GET /process-definition/{id}/rendered-form
			staff GET /process-definition/{id}/form-variables
			staff POST /process-definition/{id}/start
			staff POST /process-definition/{id}/submit-form
			staff GET /process-definition/key/{id}
			staff GET /process-definition/key/{id}/xml
			staff GET /process-definition/key/{id}/startForm
			staff GET /process-definition/key/{id}/deployed-start-form
			staff GET /process-definition/key/{id}/rendered-form
			staff GET /process-definition/key/{id}/form-variables
			staff POST /process-definition/key/{id}/start
			staff POST /process-definition/key/{id}/submit-form
			staff GET /process-definition/key/{id}/tenant-id/{id}
			staff GET /process-definition/key/{id}/tenant-id/{id}/xml
			staff GET /process-definition/key/{id}/tenant-id/{id}/startForm
			staff GET /process-definition/key/{id}/tenant-id/{id}/deployed-start-form
			staff GET /process-definition/key/{id}/tenant-id/{id}/rendered-form
			staff GET /process-definition/key/{id}/tenant-id/{id}/form-variables
			staff POST /process-definition/key/{id}/tenant-id/{id}/start
			staff POST /process-definition/key/{id}/tenant-id/{id}/submit-form
			staff GET /history/user-operation query-task
			staff GET /history/user-operation/count query-task
			staff GET /user
			staff GET /user/count
			staff GET /user/{id}/profile
			staff GET /group
			staff GET /group/count
			staff GET /group/{id}
			system GET,POST,PUT,DELETE /deployment/**
			system GET,POST,PUT,DELETE /job/**
			system GET,POST,PUT,DELETE /job-definition/**
			system GET,POST,PUT,DELETE /incident/**
			system GET,POST,PUT,DELETE /process-definition/**
			system GET,POST,PUT,DELETE /process-instance/**
			system GET,POST,PUT,DELETE /execution/**
			system GET,POST,PUT,DELETE /variable-instance/**
			system GET,POST,PUT,DELETE /history/**
			system GET,POST,PUT,DELETE /batch/**
			system GET,POST,PUT,DELETE /external-task/**
			system GET,POST,PUT,DELETE /metrics/**
			system GET,POST,PUT,DELETE /migration/**
			system GET,POST,PUT,DELETE /modification/**
			system GET,POST,PUT,DELETE /decision-definition/**
			system GET,POST,PUT,DELETE /decision-requirements-definition/**
			system GET /case-definition/**
			system GET /case-instance/**
			system GET /case-execution/**
			system GET /event-subscription/**
			system GET,POST,PUT,DELETE /filter/**
			system GET,POST,PUT,DELETE /tenant/**
			system GET,POST,PUT,DELETE /user/**
			system GET,POST,PUT,DELETE /schema/**
			system GET,POST,PUT,DELETE /telemetry/**
			system GET /group/**
			system GET /identity/groups
			system GET,POST /task
			system GET,POST /task/count
			system GET /task/{id}
			system GET /task/{id}/identity-links
			system GET,POST,PUT,DELETE /cockpit/**
			system GET,POST,PUT,DELETE /admin/**
			security GET,POST,PUT,DELETE /authorization/**
			security GET,POST,PUT,DELETE /group/**
			security GET /user/**
			security GET /identity/groups
			audit GET /history/user-operation
			audit GET /history/user-operation/count
			""";

	static final List<Rule> RULES = parse(TABLE);

	private EngineApiRules() {
	}

	static List<Rule> parse(String table) {
		List<Rule> rules = new ArrayList<>();
		for (String raw : table.split("\n")) {
			String line = raw.strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] fields = line.split("\\s+");
			rules.add(new Rule(Role.valueOf(fields[0].toUpperCase(Locale.ROOT)), Set.of(fields[1].split(",")), fields[2],
					fields.length > 3 ? fields[3] : null));
		}
		return List.copyOf(rules);
	}

	/** The integration role's extra rules: every method on each configured family, e.g. "message", "signal". */
	static List<Rule> integrationRules(Collection<String> families) {
		return families.stream()
			.filter(family -> family != null && !family.isBlank())
			.map(family -> new Rule(Role.INTEGRATION, Set.of("GET", "POST", "PUT", "DELETE"),
					"/" + family.strip().replaceAll("^/+|/+$", "") + "/**", null))
			.toList();
	}

	/** The roles a user's groups give. */
	static Set<Role> rolesOf(Collection<String> groups) {
		Set<Role> roles = EnumSet.of(Role.ANY);
		if (groups.contains(GroupIds.ALL_STAFF)) {
			roles.add(Role.STAFF);
		}
		if (groups.contains(GroupIds.SYSTEM_ADMINS) || groups.contains(GroupIds.ADMINS)) {
			roles.add(Role.SYSTEM);
		}
		if (groups.contains(GroupIds.SECURITY_ADMINS)) {
			roles.add(Role.SECURITY);
		}
		if (groups.contains(GroupIds.AUDIT_ADMINS)) {
			roles.add(Role.AUDIT);
		}
		if (groups.contains(GroupIds.INTEGRATION)) {
			roles.add(Role.INTEGRATION);
		}
		return roles;
	}

	static List<String> segments(String path) {
		return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
	}

}
