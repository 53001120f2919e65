package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.zeren.support.ApiClient;
import io.zeren.support.WebappSession;

/** The security baseline of an unpatched Camunda 7 CE, checked from the outside. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Test
	void shouldRequireAuthenticationOnEngineRestAndApplyCamundaAuthorizations() {
		assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/engine-rest/user", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		ResponseEntity<String> asStaff = rest.withBasicAuth("lina", ApiClient.DEMO_PASSWORD)
			.getForEntity("/engine-rest/filter", String.class);
		assertThat(asStaff.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(asStaff.getBody()).contains("我的待办").contains("待认领");

		// Staff may read the directory of users, but not create one.
		ResponseEntity<String> create = ApiClient.as(rest, "lina").sendRaw(HttpMethod.POST, "/engine-rest/user/create",
				"{\"profile\":{\"id\":\"sneaky\",\"firstName\":\"s\",\"lastName\":\"s\",\"email\":\"s@x.y\"},"
						+ "\"credentials\":{\"password\":\"sneaky-pass\"}}");
		assertThat(create.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(identity.createUserQuery().userId("sneaky").count()).isZero();
	}

	@Test
	void shouldNeverLetTheAdminSetupPageCreateAnAdministrator() {
		// Under the separation of duties camunda-admin holds only the sentinel, which cannot log in; the setup page
		// must stay shut whatever the group holds.
		assertThat(identity.createUserQuery().memberOfGroup(GroupIds.ADMINS).list()).extracting(User::getId)
			.containsExactly(GroupIds.SENTINEL);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"i\",\"lastName\":\"i\",\"email\":\"i@x.y\"},"
				+ "\"credentials\":{\"password\":\"intruder-pass\"}}";

		ResponseEntity<String> setup = rest.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
				new HttpEntity<>(body, headers), String.class);

		// Anonymous: log in first (401); logged in on Zeren's page: refused (403).
		assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		io.zeren.support.WebappSession admin = io.zeren.support.WebappSession.login(rest, "admin", "admin");
		assertThat(admin.send(HttpMethod.POST, "/camunda/api/admin/setup/default/user/create", body).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
	}

	@Test
	void shouldRefuseQueryExpressionsIncludingInsideOrQueries() {
		ApiClient lina = ApiClient.as(rest, "lina");

		ResponseEntity<String> nested = lina.sendRaw(HttpMethod.POST, "/engine-rest/task",
				"{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}");
		assertThat(nested.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(nested.getBody()).contains("Expressions are not allowed");

		ResponseEntity<String> topLevel = lina.sendRaw(HttpMethod.POST, "/engine-rest/task/count",
				"{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}");
		assertThat(topLevel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		ResponseEntity<String> inUrl = rest.withBasicAuth("lina", ApiClient.DEMO_PASSWORD)
			.getForEntity("/engine-rest/task?assigneeExpression={e}", String.class, "${currentUser()}");
		assertThat(inUrl.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		ResponseEntity<String> webappCopy = lina.sendRaw(HttpMethod.POST, "/camunda/api/engine/engine/default/task",
				"{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}");
		assertThat(webappCopy.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		// Ordinary queries still work.
		assertThat(lina.sendRaw(HttpMethod.POST, "/engine-rest/task",
				"{\"orQueries\":[{\"assignee\":\"lina\"},{\"candidateGroup\":\"unit-pol-org\"}]}").getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldLetStaffLogInToTasklistButNotToCockpitOrAdmin() {
		assertThat(WebappSession.login(rest, "lina", "tasklist").response().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(WebappSession.login(rest, "huangxin", "cockpit").response().getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
		assertThat(WebappSession.login(rest, "admin", "cockpit").response().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rest.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldPublishTheApiDescription() {
		ResponseEntity<Map> openApi = rest.getForEntity("/api/openapi", Map.class);
		assertThat(openApi.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((Map<String, Object>) openApi.getBody().get("paths")).containsKeys("/api/units",
				"/api/staff/{username}/supervisors/{levels}", "/api/organisation/import");
	}

}
