package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.zeren.support.ApiClient;
import io.zeren.support.WebappSession;

/**
 * The role × door matrix of issue 16: every demo role against every engine REST resource family, on both doors
 * ({@code /engine-rest} with Basic, {@code /camunda/api/engine} with a webapp session), the webapps' plugin APIs
 * and a few of our /api endpoints, on a confidential (discipline) and a non-confidential process. Exactly the
 * allowed cells succeed (2xx); every other cell is refused (403). The expectations are written here, by hand,
 * from docs/security.md — not derived from the gate's table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineDoorMatrixIT {

	private static final String STAFF = "staff";

	private static final String SYSTEM = "system";

	private static final String SECURITY = "security";

	private static final String AUDIT = "audit";

	private static final Set<String> ALL = Set.of(STAFF, SYSTEM, SECURITY, AUDIT);

	private static final Set<String> NOBODY = Set.of();

	/** Demo logins and their role (the leader and the discipline office are staff on the engine API). */
	private static final Map<String, String> USERS = new LinkedHashMap<>();

	static {
		USERS.put("lina", STAFF);
		USERS.put("zhengyang", STAFF);
		USERS.put("zhaolei", STAFF);
		USERS.put("wangjianguo", STAFF);
		USERS.put("admin", SYSTEM);
		USERS.put("matrix-secadmin", SECURITY);
		USERS.put("matrix-auditadmin", AUDIT);
	}

	/** The confidential and the non-confidential process. */
	private static final List<String> PROCESSES = List.of("DisciplineCaseProcess", "AssignedWorkProcess");

	record Cell(HttpMethod method, String path, String body, Set<String> allowed) {
	}

	/** Engine API cells: {K} is each process key, {self} the caller. Both doors. */
	private static final List<Cell> ENGINE = List.of(
			cell("GET", "/engine", ALL), cell("GET", "/version", ALL),
			cell("GET", "/user/{self}/profile", ALL), cell("GET", "/identity/groups?userId={self}", ALL),
			// task
			cell("GET", "/task?processDefinitionKey={K}", Set.of(STAFF, SYSTEM)),
			cell("POST", "/task/count", "{\"processDefinitionKey\":\"{K}\"}", Set.of(STAFF, SYSTEM)),
			cell("GET", "/task/report/candidate-group-count", Set.of()),
			cell("POST", "/task/create", "{\"name\":\"x\"}", NOBODY),
			// filter
			cell("GET", "/filter", Set.of(STAFF, SYSTEM)),
			cell("POST", "/filter/create", "{\"resourceType\":\"Task\",\"name\":\"矩阵\",\"query\":{}}", Set.of(SYSTEM)),
			// process definition
			cell("GET", "/process-definition?key={K}", Set.of(STAFF, SYSTEM)),
			cell("GET", "/process-definition/key/{K}", Set.of(STAFF, SYSTEM)),
			cell("GET", "/process-definition/key/{K}/xml", Set.of(STAFF, SYSTEM)),
			cell("GET", "/process-definition/key/{K}/statistics", Set.of(SYSTEM)),
			cell("GET", "/process-definition/statistics", Set.of(SYSTEM)),
			cell("PUT", "/process-definition/key/{K}/suspended", "{\"suspended\":false}", Set.of(SYSTEM)),
			// process instance, execution, variables
			cell("GET", "/process-instance?processDefinitionKey={K}", Set.of(SYSTEM)),
			cell("GET", "/process-instance/count", Set.of(SYSTEM)),
			cell("GET", "/execution?processDefinitionKey={K}", Set.of(SYSTEM)),
			cell("GET", "/variable-instance?variableName=workTitle", Set.of(SYSTEM)),
			// jobs, incidents, deployments, batches, external tasks, metrics
			cell("GET", "/job", Set.of(SYSTEM)), cell("GET", "/job/count", Set.of(SYSTEM)),
			cell("GET", "/job-definition?processDefinitionKey={K}", Set.of(SYSTEM)),
			cell("GET", "/incident", Set.of(SYSTEM)), cell("GET", "/deployment", Set.of(SYSTEM)),
			cell("GET", "/batch", Set.of(SYSTEM)), cell("GET", "/external-task", Set.of(SYSTEM)),
			cell("GET", "/metrics/activity-instance/sum", Set.of(SYSTEM)),
			cell("GET", "/decision-definition", Set.of(SYSTEM)), cell("GET", "/tenant", Set.of(SYSTEM)),
			cell("GET", "/case-definition", Set.of(SYSTEM)), cell("GET", "/event-subscription", Set.of(SYSTEM)),
			// history
			cell("GET", "/history/process-instance?processDefinitionKey={K}", Set.of(SYSTEM)),
			cell("GET", "/history/task?processDefinitionKey={K}", Set.of(SYSTEM)),
			cell("GET", "/history/variable-instance?variableName=workTitle", Set.of(SYSTEM)),
			cell("GET", "/history/user-operation", Set.of(SYSTEM, AUDIT)),
			cell("GET", "/history/user-operation/count", Set.of(SYSTEM, AUDIT)),
			// messages, signals, conditions: nobody over HTTP by default
			cell("POST", "/message", "{\"messageName\":\"LeadNewInformation\",\"all\":true}", NOBODY),
			cell("POST", "/signal", "{\"name\":\"matrix\"}", NOBODY),
			cell("POST", "/condition", "{\"variables\":{}}", NOBODY),
			// identity administration
			cell("GET", "/authorization", Set.of(SECURITY)), cell("GET", "/authorization/count", Set.of(SECURITY)),
			cell("GET", "/group", Set.of(STAFF, SYSTEM, SECURITY)), cell("GET", "/user", Set.of(STAFF, SYSTEM, SECURITY)),
			cell("GET", "/group/count", Set.of(STAFF, SYSTEM, SECURITY)),
			cell("POST", "/identity/verify", "{\"username\":\"lina\",\"password\":\"x\"}", NOBODY));

	/** The webapps' plugin APIs: the webapp door only. */
	private static final List<Cell> PLUGINS = List.of(
			cell("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", Set.of(SYSTEM)),
			cell("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count", Set.of(SYSTEM)),
			cell("GET", "/camunda/api/admin/auth/user/default", ALL));

	/** Our API (Basic). */
	private static final List<Cell> API = List.of(cell("GET", "/api/units", ALL),
			cell("GET", "/api/notifications/outbox", Set.of(SYSTEM)));

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Test
	void shouldLetEachRoleThroughExactlyTheAllowedCellsOnBothDoors() {
		ensureUser("matrix-secadmin", GroupIds.SECURITY_ADMINS);
		ensureUser("matrix-auditadmin", GroupIds.AUDIT_ADMINS);
		SoftAssertions softly = new SoftAssertions();
		int cells = 0;
		for (Map.Entry<String, String> user : USERS.entrySet()) {
			String name = user.getKey();
			String role = user.getValue();
			ApiClient basic = ApiClient.as(rest, name);
			WebappSession session = WebappSession.login(rest, name, SYSTEM.equals(role) ? "cockpit" : "welcome");
			assertThat(session.response().getStatusCode()).as("webapp login of " + name).isEqualTo(HttpStatus.OK);
			for (Cell cell : ENGINE) {
				for (String process : cell.path().contains("{K}") || String.valueOf(cell.body()).contains("{K}")
						? PROCESSES : List.of("-")) {
					String path = cell.path().replace("{K}", process).replace("{self}", name);
					String body = cell.body() == null ? null : cell.body().replace("{K}", process);
					check(softly, name, role, cell, "/engine-rest" + path,
							basic.sendRaw(cell.method(), "/engine-rest" + path, body));
					// The webapps list their engines at /camunda/api/engine/engine/, not under an engine.
					String webappPath = "/engine".equals(path) ? "/camunda/api/engine/engine/"
							: "/camunda/api/engine/engine/default" + path;
					check(softly, name, role, cell, "webapp " + path, session.send(cell.method(), webappPath, body));
					cells += 2;
				}
			}
			for (Cell cell : PLUGINS) {
				check(softly, name, role, cell, cell.path(), session.send(cell.method(), cell.path(), cell.body()));
				cells++;
			}
			for (Cell cell : API) {
				check(softly, name, role, cell, cell.path(), basic.sendRaw(cell.method(), cell.path(), cell.body()));
				cells++;
			}
		}
		softly.assertAll();
		assertThat(cells).isGreaterThan(700);
	}

	private static void check(SoftAssertions softly, String user, String role, Cell cell, String where,
			ResponseEntity<String> answer) {
		String label = user + " (" + role + ") " + cell.method() + " " + where + " -> " + answer.getStatusCode() + " "
				+ abbreviate(answer.getBody());
		if (cell.allowed().contains(role)) {
			softly.assertThat(answer.getStatusCode().is2xxSuccessful()).as(label).isTrue();
		}
		else {
			softly.assertThat(answer.getStatusCode().value()).as(label).isEqualTo(403);
		}
	}

	private static String abbreviate(String body) {
		return body == null ? "" : body.length() > 160 ? body.substring(0, 160) : body;
	}

	private void ensureUser(String id, String group) {
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setFirstName(id);
			user.setLastName("matrix");
			user.setPassword(ApiClient.DEMO_PASSWORD);
			SystemPasswords.save(identity, user);
		}
		if (identity.createGroupQuery().groupId(group).count() == 0) {
			var created = identity.newGroup(group);
			created.setName(group);
			identity.saveGroup(created);
		}
		if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
			identity.createMembership(id, group);
		}
	}

	private static Cell cell(String method, String path, Set<String> allowed) {
		return new Cell(HttpMethod.valueOf(method), path, null, allowed);
	}

	private static Cell cell(String method, String path, String body, Set<String> allowed) {
		return new Cell(HttpMethod.valueOf(method), path, body, allowed);
	}

	static List<Cell> all() {
		List<Cell> all = new ArrayList<>(ENGINE);
		all.addAll(PLUGINS);
		all.addAll(API);
		return all;
	}

}
