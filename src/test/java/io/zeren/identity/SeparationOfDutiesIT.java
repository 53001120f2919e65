package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
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
 * 三员分立 from the outside: three administrators, one duty each, nobody in camunda-admin; the system administrator
 * runs the system but reads no discipline case, the security administrator grants but runs nothing, the audit
 * administrator reads the trails and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeparationOfDutiesIT {

	static final ZonedDateTime NOW = ZonedDateTime.of(2054, 3, 2, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	RuntimeService runtime;

	@AfterEach
	void cleanUp() {
		for (String key : List.of("DisciplineSubjectProcess", "LeadDisposalProcess", "AssignedWorkProcess")) {
			runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true));
		}
		ClockUtil.reset();
	}

	@Test
	void shouldGiveEachAdministratorOneDutyAndNobodyTheEngineBypass() {
		// camunda-admin bypasses every authorization: it holds only the sentinel, which no door lets log in.
		assertThat(members(GroupIds.ADMINS)).containsExactly(GroupIds.SENTINEL);
		setPassword(GroupIds.SENTINEL, "Known-Passw0rd!");
		try {
			assertThat(rest.withBasicAuth(GroupIds.SENTINEL, "Known-Passw0rd!").getForEntity("/engine-rest/deployment",
					String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		finally {
			setPassword(GroupIds.SENTINEL, java.util.UUID.randomUUID() + "Aa1!");
		}
		assertThat(members(GroupIds.SYSTEM_ADMINS)).containsExactly("admin");
		assertThat(members(GroupIds.SECURITY_ADMINS)).containsExactly("secadmin");
		assertThat(members(GroupIds.AUDIT_ADMINS)).containsExactly("auditadmin");
		for (String login : List.of("admin", "secadmin", "auditadmin")) {
			assertThat(identity.createGroupQuery().groupMember(login).list())
				.filteredOn(group -> List.of(GroupIds.SYSTEM_ADMINS, GroupIds.SECURITY_ADMINS, GroupIds.AUDIT_ADMINS)
					.contains(group.getId()))
				.as(login)
				.hasSize(1);
		}
	}

	@Test
	void shouldRefuseAnyMembershipThatWouldBreakTheSeparation() {
		assertThatThrownBy(() -> identity.createMembership("admin", GroupIds.SECURITY_ADMINS))
			.hasMessageContaining("每个账号只能担任一种管理员");
		assertThatThrownBy(() -> identity.createMembership("lina", GroupIds.ADMINS))
			.hasMessageContaining("camunda-admin");
		// Through the Admin webapp's API as the security administrator, who may grant memberships otherwise.
		ResponseEntity<String> viaRest = ApiClient.as(rest, "secadmin").sendRaw(HttpMethod.PUT,
				"/engine-rest/group/" + GroupIds.AUDIT_ADMINS + "/members/admin", null);
		assertThat(viaRest.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(viaRest.getBody()).contains("三员分立");
		assertThat(members(GroupIds.AUDIT_ADMINS)).containsExactly("auditadmin");
		ApiClient.as(rest, "secadmin").sendRaw(HttpMethod.PUT, "/engine-rest/group/" + GroupIds.AUDIT_ADMINS
				+ "/members/zhaolei", null);
		assertThat(members(GroupIds.AUDIT_ADMINS)).contains("zhaolei");
		identity.deleteMembership("zhaolei", GroupIds.AUDIT_ADMINS);
	}

	@Test
	void shouldLetTheSystemAdministratorRunTheSystemWithoutReadingACase() {
		ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
		ApiClient zhaolei = ApiClient.as(rest, "zhaolei");
		Map<String, Object> lead = zhaolei.send(HttpMethod.POST, "/api/discipline/leads", letter()).getBody();
		long leadId = ((Number) lead.get("id")).longValue();
		ApiClient admin = ApiClient.as(rest, "admin");

		// Runs the system: definitions, deployments, the organisation, Cockpit.
		assertThat(admin.getList("/engine-rest/process-definition?key=LeadDisposalProcess").getBody()).isNotEmpty();
		ResponseEntity<String> deployments = admin.sendRaw(HttpMethod.GET, "/engine-rest/deployment", null);
		assertThat(deployments.getStatusCode()).as(deployments.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(admin.getList("/api/units").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(WebappSession.login(rest, "admin", "cockpit").response().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(authorizations.isUserAuthorized("admin", List.of(GroupIds.SYSTEM_ADMINS), Permissions.ALL,
				Resources.DEPLOYMENT, "*")).isTrue();

		// ... but sees nothing of the case: no instance, no task, no history, no variable, not through our API.
		assertThat(countOf(admin, "/engine-rest/process-instance/count?processDefinitionKey=LeadDisposalProcess")).isZero();
		assertThat(countOf(admin, "/engine-rest/task/count?processDefinitionKey=LeadDisposalProcess")).isZero();
		assertThat(countOf(admin, "/engine-rest/history/process-instance/count?processDefinitionKey=LeadDisposalProcess"))
			.isZero();
		assertThat(countOf(admin, "/engine-rest/variable-instance/count?variableName=leadId")).isZero();
		String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey("LeadDisposalProcess")
			.singleResult().getId();
		assertThat(admin.get("/engine-rest/process-instance/" + instanceId + "/variables").getStatusCode().is2xxSuccessful())
			.isFalse();
		assertThat(admin.get("/api/discipline/leads/" + leadId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(admin.get("/api/discipline/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(admin.get("/api/audit/security").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// Nor can it hand itself a duty: granting is the security administrator's.
		ResponseEntity<String> grant = admin.sendRaw(HttpMethod.POST, "/engine-rest/authorization/create",
				"{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"admin\",\"groupId\":null,\"resourceType\":6,"
						+ "\"resourceId\":\"*\"}");
		assertThat(grant.getStatusCode().is2xxSuccessful()).isFalse();
	}

	@Test
	void shouldLetTheSecurityAdministratorGrantButNotOperateOrAudit() {
		ApiClient secadmin = ApiClient.as(rest, "secadmin");
		ResponseEntity<String> grants = secadmin.sendRaw(HttpMethod.GET, "/engine-rest/authorization?groupIdIn="
				+ GroupIds.ALL_STAFF, null);
		assertThat(grants.getStatusCode()).as(grants.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(WebappSession.login(rest, "secadmin", "admin").response().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(secadmin.sendRaw(HttpMethod.GET, "/engine-rest/deployment", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(secadmin.get("/api/audit/security").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(secadmin.send(HttpMethod.POST, "/api/units", Map.of("code", "X-1", "name", "某处")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldLetTheAuditAdministratorReadTheTrailsAndNothingElse() {
		// A refused look at the outbox by a staff member is on the trail the audit administrator reads.
		ApiClient.as(rest, "lina").sendRaw(HttpMethod.GET, "/api/notifications/outbox", null);
		ApiClient auditadmin = ApiClient.as(rest, "auditadmin");

		ResponseEntity<Map<String, Object>> trail = auditadmin.get("/api/audit/security?actor=lina&action=API_REFUSED");
		assertThat(trail.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((List<Map<String, Object>>) trail.getBody().get("content"))
			.anySatisfy(line -> assertThat(line).containsEntry("outcome", "REFUSED")
				.containsEntry("target", "GET /api/notifications/outbox"));
		assertThat(auditadmin.get("/api/discipline/audit").getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(auditadmin.send(HttpMethod.POST, "/api/units", Map.of("code", "X-2", "name", "某处")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(auditadmin.sendRaw(HttpMethod.GET, "/api/notifications/outbox", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(auditadmin.sendRaw(HttpMethod.GET, "/engine-rest/deployment", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(WebappSession.login(rest, "auditadmin", "cockpit").response().getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
		assertThat(WebappSession.login(rest, "auditadmin", "admin").response().getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
	}

	private void setPassword(String user, String password) {
		User account = identity.createUserQuery().userId(user).singleResult();
		account.setPassword(password);
		identity.saveUser(account);
	}

	private List<String> members(String group) {
		return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
	}

	private static long countOf(ApiClient client, String path) {
		ResponseEntity<Map<String, Object>> answer = client.get(path);
		if (!answer.getStatusCode().is2xxSuccessful()) {
			return 0;
		}
		return ((Number) answer.getBody().get("count")).longValue();
	}

	private static Map<String, Object> letter() {
		Map<String, Object> body = new HashMap<>();
		body.put("source", "LETTER_REPORT");
		body.put("subject", "huangxin");
		body.put("title", "反映收受礼品问题");
		body.put("summary", "春节期间收受管理对象礼品");
		body.put("receivedOn", "2054-02-27");
		body.put("informantName", "王某某");
		body.put("informantUsername", "lina");
		return body;
	}

}
