package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.zeren.support.ApiClient;
import io.zeren.support.WebappSession;

/**
 * Findings 3, 5, 6, 7, 11 (profile) and 12 (statistics) of issue 16, and the submission guard, as a hostile staff
 * member with their own login would try them, on both doors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineApiGateIT {

	private static final String WEBAPP = "/camunda/api/engine/engine/default";

	@Autowired
	TestRestTemplate rest;

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	SecurityAuditRepository auditEntries;

	private Set<String> runningBefore;

	@BeforeEach
	void rememberRunningWork() {
		runningBefore = runtime.createProcessInstanceQuery()
			.processDefinitionKey("AssignedWorkProcess")
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.collect(Collectors.toSet());
	}

	/** Other ITs share this application and its database: leave no assigned work of ours behind. */
	@AfterEach
	void removeOurWork() {
		runtime.createProcessInstanceQuery()
			.processDefinitionKey("AssignedWorkProcess")
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.filter(id -> !runningBefore.contains(id))
			.forEach(id -> runtime.deleteProcessInstance(id, "test clean-up"));
	}

	// Finding 3 -------------------------------------------------------------------------------------------------

	@Test
	void shouldRefuseACrossSiteDeploymentRidingOnTheAdminsBasicCredentials() {
		long before = repository.createDeploymentQuery().count();

		assertThat(deploy("https://evil.example", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deploy(null, "cross-site").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deploy("null", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);

		assertThat(deploy("http://localhost:" + port, "same-origin").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(deploy(null, null).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 2);
	}

	@Test
	void shouldRefuseCrossSiteStateChangesOnOurApiButLetPlainClientsThrough() {
		HttpHeaders evil = new HttpHeaders();
		evil.set(HttpHeaders.ORIGIN, "https://evil.example");
		ResponseEntity<String> forged = rest.withBasicAuth("admin", ApiClient.ADMIN_PASSWORD)
			.exchange("/api/identity/sync", HttpMethod.POST, new HttpEntity<>(evil), String.class);

		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forged.getBody()).contains("其他网站");
		assertThat(rest.withBasicAuth("admin", ApiClient.ADMIN_PASSWORD)
			.exchange("/api/identity/sync", HttpMethod.POST, HttpEntity.EMPTY, String.class)
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		// Reads are not state changes: a cross-origin GET still needs the engine's and our own checks only.
		assertThat(rest.withBasicAuth("lina", ApiClient.DEMO_PASSWORD)
			.exchange("/engine-rest/task/count", HttpMethod.GET, new HttpEntity<>(evil), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldAnswerAMissingLoginWithoutABasicChallenge() {
		ResponseEntity<String> anonymous = rest.getForEntity("/engine-rest/task", String.class);
		ResponseEntity<String> wrong = rest.withBasicAuth("no-such-user", "wrong-password")
			.getForEntity("/api/discipline/leads", String.class);

		for (ResponseEntity<String> answer : List.of(anonymous, wrong)) {
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(answer.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
			assertThat(answer.getBody()).contains("请先登录");
		}
	}

	// Finding 5 -------------------------------------------------------------------------------------------------

	@Test
	void shouldRefuseStartingAssignedWorkAtAnActivityOrInAnothersName() {
		long before = runtime.createProcessInstanceQuery().processDefinitionKey("AssignedWorkProcess").count();
		ApiClient chenjing = ApiClient.as(rest, "chenjing");
		String instructions = "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_DoAssignedWork\"}],"
				+ "\"variables\":" + work("lina", "") + "}";

		ResponseEntity<String> skipped = chenjing.sendRaw(HttpMethod.POST,
				"/engine-rest/process-definition/key/AssignedWorkProcess/start", instructions);
		ResponseEntity<String> impersonated = chenjing.sendRaw(HttpMethod.POST,
				"/engine-rest/process-definition/key/AssignedWorkProcess/submit-form",
				"{\"variables\":" + work("lina", ",\"initiator\":{\"value\":\"wangjianguo\"}") + "}");
		ResponseEntity<String> webappImpersonated = WebappSession.login(rest, "chenjing", "tasklist")
			.send(HttpMethod.POST, WEBAPP + "/process-definition/key/AssignedWorkProcess/start",
					"{\"variables\":" + work("lina", ",\"initiator\":{\"value\":\"admin\"}") + "}");

		assertThat(skipped.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(skipped.getBody()).contains("不能指定从哪一步开始");
		assertThat(impersonated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(impersonated.getBody()).contains("“initiator”").doesNotContain("Exception\",\"message\":\"org.");
		assertThat(webappImpersonated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AssignedWorkProcess").count())
			.isEqualTo(before);
		// The form's own fields still start it, the initiator being the caller.
		assertThat(chenjing.sendRaw(HttpMethod.POST, "/engine-rest/process-definition/key/AssignedWorkProcess/submit-form",
				"{\"variables\":" + work("lina", "") + "}").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	// Finding 6 -------------------------------------------------------------------------------------------------

	@Test
	void shouldKeepStaffAwayFromDeadlineJobsOnBothDoors() {
		Task task = assignWork("lina");
		Job found = management.createJobQuery().jobId("zr-dl-" + task.getId()).singleResult();
		Job deadline = found != null ? found
				: management.createJobQuery().jobId("zr-dd-" + task.getId()).singleResult();
		assertThat(deadline).isNotNull();
		ApiClient lina = ApiClient.as(rest, "lina");
		WebappSession tasklist = WebappSession.login(rest, "lina", "tasklist");

		for (String door : List.of("/engine-rest", WEBAPP)) {
			assertThat(status(lina, tasklist, door, HttpMethod.GET, "/job", null)).isEqualTo(403);
			assertThat(status(lina, tasklist, door, HttpMethod.POST, "/job", "{}")).isEqualTo(403);
			assertThat(status(lina, tasklist, door, HttpMethod.PUT, "/job/" + deadline.getId() + "/duedate",
					"{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}")).isEqualTo(403);
			assertThat(status(lina, tasklist, door, HttpMethod.PUT, "/job/" + deadline.getId() + "/suspended",
					"{\"suspended\":true}")).isEqualTo(403);
			assertThat(status(lina, tasklist, door, HttpMethod.POST, "/job/" + deadline.getId() + "/execute", null))
				.isEqualTo(403);
			assertThat(status(lina, tasklist, door, HttpMethod.DELETE, "/job/" + deadline.getId(), null)).isEqualTo(403);
			// The named-engine path is the same resource.
			assertThat(status(lina, tasklist, "/engine-rest/engine/default", HttpMethod.GET, "/job", null)).isEqualTo(403);
		}
		Job after = management.createJobQuery().jobId(deadline.getId()).singleResult();
		assertThat(after).isNotNull();
		assertThat(after.isSuspended()).isFalse();
		assertThat(after.getDuedate()).isEqualTo(deadline.getDuedate());
		assertThat(auditEntries.findAll()).anySatisfy(entry -> {
			assertThat(entry.getActor()).isEqualTo("lina");
			assertThat(entry.getTarget()).isEqualTo("DELETE /job/" + deadline.getId());
			assertThat(entry.getSource()).startsWith("webapp");
		});
	}

	// Finding 7 -------------------------------------------------------------------------------------------------

	@Test
	void shouldRefuseMessageCorrelationToStaffOnBothDoors() {
		ApiClient lina = ApiClient.as(rest, "lina");
		WebappSession tasklist = WebappSession.login(rest, "lina", "tasklist");
		String correlate = "{\"messageName\":\"LeadNewInformation\",\"correlationKeys\":{\"subjectName\":{\"value\":\"张伟\"}}}";

		for (String door : List.of("/engine-rest", WEBAPP)) {
			ResponseEntity<String> answer = door.startsWith("/engine-rest")
					? lina.sendRaw(HttpMethod.POST, door + "/message", correlate)
					: tasklist.send(HttpMethod.POST, door + "/message", correlate);
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(answer.getBody()).contains("无权使用这项功能");
			assertThat(status(lina, tasklist, door, HttpMethod.POST, "/signal", "{\"name\":\"x\"}")).isEqualTo(403);
			assertThat(status(lina, tasklist, door, HttpMethod.POST, "/message",
					"{\"messageName\":\"SanctionTermCancelled\",\"businessKey\":\"1\"}")).isEqualTo(403);
		}
	}

	// Finding 11 (profile) --------------------------------------------------------------------------------------

	@Test
	void shouldLetStaffChangeOnlyTheirOwnPasswordAndNotTheirNameOrMail() {
		User tester = identity.newUser("gate-tester");
		tester.setFirstName("门");
		tester.setLastName("测");
		tester.setPassword(ApiClient.DEMO_PASSWORD);
		SystemPasswords.save(identity, tester);
		identity.createMembership("gate-tester", GroupIds.ALL_STAFF);
		ApiClient self = ApiClient.as(rest, "gate-tester");

		ResponseEntity<String> profile = self.sendRaw(HttpMethod.PUT, "/engine-rest/user/gate-tester/profile",
				"{\"id\":\"gate-tester\",\"firstName\":\"领导\",\"lastName\":\"王\",\"email\":\"boss@zeren.example\"}");
		ResponseEntity<String> others = self.sendRaw(HttpMethod.PUT, "/engine-rest/user/lina/credentials",
				"{\"password\":\"Another-Strong-Pass-9\",\"authenticatedUserPassword\":\"" + ApiClient.DEMO_PASSWORD + "\"}");
		ResponseEntity<String> own = self.sendRaw(HttpMethod.PUT, "/engine-rest/user/gate-tester/credentials",
				"{\"password\":\"Blue-Harbour-Strong-7\",\"authenticatedUserPassword\":\"" + ApiClient.DEMO_PASSWORD + "\"}");

		assertThat(profile.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(identity.createUserQuery().userId("gate-tester").singleResult().getFirstName()).isEqualTo("门");
		assertThat(others.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(identity.checkPassword("lina", ApiClient.DEMO_PASSWORD)).isTrue();
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(identity.checkPassword("gate-tester", "Blue-Harbour-Strong-7")).isTrue();
		assertThat(ApiClient.as(rest, "lina").get("/engine-rest/user/lina/profile").getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	// Finding 12 (statistics) -----------------------------------------------------------------------------------

	@Test
	void shouldRefuseProcessStatisticsToStaffOnEveryDoor() {
		ApiClient lina = ApiClient.as(rest, "lina");
		WebappSession tasklist = WebappSession.login(rest, "lina", "tasklist");
		String definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey("DisciplineCaseProcess")
			.latestVersion()
			.singleResult()
			.getId();

		for (String door : List.of("/engine-rest", WEBAPP)) {
			assertThat(status(lina, tasklist, door, HttpMethod.GET, "/process-definition/statistics", null)).isEqualTo(403);
			assertThat(status(lina, tasklist, door, HttpMethod.GET, "/process-definition/" + definition + "/statistics",
					null)).isEqualTo(403);
			assertThat(status(lina, tasklist, door, HttpMethod.GET,
					"/process-definition/key/DisciplineCaseProcess/statistics", null)).isEqualTo(403);
		}
		assertThat(tasklist.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(tasklist.get("/camunda/api/cockpit/plugin/base/default/process-instance/count").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// Still readable for what Tasklist shows.
		assertThat(lina.get("/engine-rest/process-definition/" + definition).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	// A submission carries only the fields its form declares ---------------------------------------------------

	@Test
	void shouldRefuseAnUndeclaredFieldInACompletionAndChangeNothing() {
		Task task = assignWork("lina");
		ApiClient lina = ApiClient.as(rest, "lina");
		WebappSession tasklist = WebappSession.login(rest, "lina", "tasklist");

		ResponseEntity<String> complete = lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
				"{\"variables\":{\"workResult\":{\"value\":\"办完\"},\"leadId\":{\"value\":1}}}");
		ResponseEntity<String> submit = tasklist.send(HttpMethod.POST, WEBAPP + "/task/" + task.getId() + "/submit-form",
				"{\"variables\":{\"workResult\":{\"value\":\"办完\"},\"subject\":{\"value\":\"lina\"}}}");

		assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(complete.getBody()).contains("表单中没有“leadId”这一项");
		assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(submit.getBody()).contains("“subject”");
		// However the body spells it.
		assertThat(lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
				"{\"Variables\":{\"leadId\":{\"value\":1}}}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
		assertThat(runtime.getVariable(task.getProcessInstanceId(), "leadId")).isNull();
		assertThat(runtime.getVariable(task.getProcessInstanceId(), "subject")).isNull();

		// What Tasklist sends for the Camunda Form (its fields' values) completes the task through the webapp door.
		ResponseEntity<String> tasklistSubmit = tasklist.send(HttpMethod.POST,
				WEBAPP + "/task/" + task.getId() + "/submit-form", "{\"variables\":{\"workResult\":{\"value\":\"已办结\"},"
						+ "\"workTitle\":{\"value\":\"测试交办\"},\"workDescription\":{\"value\":\"说明\"}}}");
		assertThat(tasklistSubmit.getStatusCode()).as(tasklistSubmit.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
	}

	@Test
	void shouldRefuseStaffClaimingForSomeoneElseAndChangingTaskAuthority() {
		Task task = assignWork("lina");
		ApiClient lina = ApiClient.as(rest, "lina");

		for (String call : List.of("/assignee", "/delegate", "/resolve", "/identity-links")) {
			assertThat(lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + call,
					"{\"userId\":\"zhengyang\",\"type\":\"candidate\"}").getStatusCode()).as(call)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(lina.sendRaw(HttpMethod.PUT, "/engine-rest/task/" + task.getId(), "{\"due\":\"2099-01-01T00:00:00.000+0000\"}")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(lina.sendRaw(HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/variables/workResult",
				"{\"value\":\"x\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// Unclaiming would leave a task drawn for one person with nobody (TaskAuthority takes the former holder's
		// grant away): a task that must go elsewhere goes through 改派.
		ResponseEntity<String> unclaim = lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/unclaim",
				null);
		assertThat(unclaim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(unclaim.getBody()).contains("不能取消认领");
		// Offered to lina first: a task offered to nobody may not be left without a holder (TaskAuthority).
		tasks.addCandidateUser(task.getId(), "lina");
		tasks.setAssignee(task.getId(), null);
		ResponseEntity<String> forOther = lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim",
				"{\"userId\":\"zhengyang\"}");
		assertThat(forOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forOther.getBody()).contains("只能为自己认领");
		assertThat(lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"lina\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("lina");
	}

	// ---------------------------------------------------------------------------------------------------------------

	private Task assignWork(String assignee) {
		ResponseEntity<String> started = ApiClient.as(rest, "chenjing")
			.sendRaw(HttpMethod.POST, "/engine-rest/process-definition/key/AssignedWorkProcess/submit-form",
					"{\"variables\":" + work(assignee, "") + "}");
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String instance = (String) new org.springframework.boot.json.JacksonJsonParser().parseMap(started.getBody())
			.get("id");
		return tasks.createTaskQuery().processInstanceId(instance).singleResult();
	}

	private static String work(String assignee, String extra) {
		return "{\"workTitle\":{\"value\":\"测试交办\",\"type\":\"String\"},"
				+ "\"workDescription\":{\"value\":\"说明\",\"type\":\"String\"},"
				+ "\"workAssignee\":{\"value\":\"" + assignee + "\",\"type\":\"String\"}" + extra + "}";
	}

	private static int status(ApiClient client, WebappSession session, String door, HttpMethod method, String path,
			String body) {
		ResponseEntity<String> answer = door.startsWith("/engine-rest") ? client.sendRaw(method, door + path, body)
				: session.send(method, door + path, body);
		return answer.getStatusCode().value();
	}

	private ResponseEntity<String> deploy(String origin, String fetchSite) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		if (origin != null) {
			headers.set(HttpHeaders.ORIGIN, origin);
		}
		if (fetchSite != null) {
			headers.set("Sec-Fetch-Site", fetchSite);
		}
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", "gate-test");
		parts.add("note.txt", new ByteArrayResource("harmless".getBytes()) {
			@Override
			public String getFilename() {
				return "note.txt";
			}
		});
		return rest.withBasicAuth("admin", ApiClient.ADMIN_PASSWORD)
			.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
	}

}
