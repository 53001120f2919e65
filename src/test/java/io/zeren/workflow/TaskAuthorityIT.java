package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.identity.GroupIds;
import io.zeren.support.ApiClient;

/**
 * Task authority follows Zeren's rules (issue 16, findings 4, 5, 8, 9 and the deadline statistics of 12), tried
 * the way a staff member would: their own login on the engine REST that Tasklist uses, and Zeren's 督办 API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskAuthorityIT {

	static final List<String> FIXTURES = List.of("AuthorityAssignedFixtureProcess", "AuthorityGroupFixtureProcess",
			"AuthorityPersonalFixtureProcess");

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	static boolean deployed;

	@BeforeEach
	void deployFixture() {
		if (!deployed) {
			repository.createDeployment().addClasspathResource("bpmn/task-authority-fixture.bpmn").addClasspathResource("bpmn/fixture.form").deploy();
			deployed = true;
		}
	}

	@AfterEach
	void cleanUp() {
		identity.clearAuthentication();
		for (String key : FIXTURES) {
			runtime.createProcessInstanceQuery()
				.processDefinitionKey(key)
				.list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
			jdbc.update("delete from zr_task_deadline where process_key = ?", key);
		}
		jdbc.update("delete from zr_delegation");
	}

	// --- finding 4: a former assignee keeps nothing ------------------------------------------------------

	@Test
	void shouldTakeReadAndWorkAwayFromTheFormerAssignee() {
		Task task = start("AuthorityAssignedFixtureProcess", "lina");
		ApiClient lina = ApiClient.as(rest, "lina");
		assertThat(lina.get("/engine-rest/task/" + task.getId() + "/form-variables").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		// The engine's grant is TASK_WORK, not UPDATE: the holder cannot hand the task on by themselves.
		assertThat(lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/delegate",
				"{\"userId\":\"tangliang\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/assignee",
				"{\"userId\":\"tangliang\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		assertThat(ApiClient.as(rest, "chenjing").send(HttpMethod.POST, "/api/tasks/" + task.getId() + "/reassign",
				Map.of("assignee", "tangliang")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(lina.get("/engine-rest/task/" + task.getId() + "/form-variables").getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(lina.get("/engine-rest/task/" + task.getId() + "/variables").getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(lina.get("/engine-rest/task/" + task.getId()).getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", "{}")
			.getStatusCode()
			.is2xxSuccessful()).isFalse();
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("tangliang");
		assertThat(ApiClient.as(rest, "tangliang").get("/engine-rest/task/" + task.getId() + "/form-variables")
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		// Delegated and handed back: the one it was delegated to keeps nothing either.
		tasks.delegateTask(task.getId(), "yuanmeng");
		ApiClient yuanmeng = ApiClient.as(rest, "yuanmeng");
		assertThat(yuanmeng.get("/engine-rest/task/" + task.getId() + "/form-variables").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		tasks.resolveTask(task.getId());
		assertThat(yuanmeng.get("/engine-rest/task/" + task.getId() + "/form-variables").getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(ApiClient.as(rest, "tangliang").get("/engine-rest/task/" + task.getId() + "/variables")
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	// --- finding 8: a claimed task is completed only by its holder ---------------------------------------

	@Test
	void shouldLetOnlyTheHolderCompleteAndMakeCandidatesClaimFirst() {
		Task task = start("AuthorityGroupFixtureProcess", null);
		ApiClient tangliang = ApiClient.as(rest, "tangliang");

		ResponseEntity<String> unclaimed = tangliang.sendRaw(HttpMethod.POST,
				"/engine-rest/task/" + task.getId() + "/complete", "{}");
		assertThat(unclaimed.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(unclaimed.getBody()).contains("请先认领");
		assertThat(tangliang.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/submit-form", "{}")
			.getStatusCode()
			.is2xxSuccessful()).isFalse();

		ApiClient lina = ApiClient.as(rest, "lina");
		assertThat(lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim",
				"{\"userId\":\"lina\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<String> notHolder = tangliang.sendRaw(HttpMethod.POST,
				"/engine-rest/task/" + task.getId() + "/complete", "{}");
		assertThat(notHolder.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(notHolder.getBody()).contains("已由 李娜 认领");
		assertThat(tangliang.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/submit-form", "{}")
			.getStatusCode()
			.is2xxSuccessful()).isFalse();
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("lina");
		assertThat(jdbc.queryForObject(
				"select count(*) from zr_sec_audit where actor = 'tangliang' and outcome = 'REFUSED' and target = ?",
				Integer.class, "task " + task.getId())).isGreaterThanOrEqualTo(3);

		assertThat(lina.sendRaw(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", "{}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		// Every record that names the one who completed a task reads its assignee: now the authenticated holder.
		assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee())
			.isEqualTo("lina");
	}

	// --- finding 9: personal tasks stay with their owner; every move is checked ----------------------------

	@Test
	void shouldRefuseToMoveAPersonalTaskButLetItBeUrgedAndExtended() {
		Task task = start("AuthorityPersonalFixtureProcess", "lina");
		ApiClient chenjing = ApiClient.as(rest, "chenjing");

		ResponseEntity<Map<String, Object>> reassigned = chenjing.send(HttpMethod.POST,
				"/api/tasks/" + task.getId() + "/reassign", Map.of("assignee", "linxiaoyan"));
		assertThat(reassigned.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(reassigned.getBody().toString()).contains("只能由本人办理", "不能改派/接办");
		assertThat(chenjing.send(HttpMethod.POST, "/api/tasks/" + task.getId() + "/take-over", null).getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("lina");

		assertThat(chenjing.send(HttpMethod.POST, "/api/tasks/" + task.getId() + "/urge", Map.of("message", "请尽快"))
			.getBody()).containsEntry("sent", true);
		assertThat(chenjing.send(HttpMethod.POST, "/api/tasks/" + task.getId() + "/extend",
				Map.of("newDue", java.time.OffsetDateTime.now().plusDays(30).toString(), "reason", "出差"))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// Whatever the door: not even the system hands it to anyone else.
		assertThatThrownBy(() -> tasks.setAssignee(task.getId(), "tangliang")).hasMessageContaining("只能由本人");
		assertThatThrownBy(() -> tasks.delegateTask(task.getId(), "tangliang")).hasMessageContaining("只能由本人");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("lina");
	}

	@Test
	void shouldNeverHandAPersonalTaskToAnOutOfOfficeSubstitute() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(ApiClient.as(rest, "lina").send(HttpMethod.POST, "/api/delegations", Map.of("substitute",
				"tangliang", "startsOn", today.toString(), "endsOn", today.plusDays(3).toString(), "reason", "休假"))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		assertThat(start("AuthorityPersonalFixtureProcess", "lina").getAssignee()).isEqualTo("lina");
		assertThat(start("AuthorityAssignedFixtureProcess", "lina").getAssignee()).isEqualTo("tangliang");
	}

	@Test
	void shouldMoveATaskOnlyToSomeoneItMayGoTo() {
		Task group = start("AuthorityGroupFixtureProcess", null);
		ApiClient chenjing = ApiClient.as(rest, "chenjing");

		ResponseEntity<Map<String, Object>> outsider = chenjing.send(HttpMethod.POST,
				"/api/tasks/" + group.getId() + "/reassign", Map.of("assignee", "linxiaoyan"));
		assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(outsider.getBody().toString()).contains("候选办理人");
		assertThat(tasks.createTaskQuery().taskId(group.getId()).singleResult().getAssignee()).isNull();
		assertThat(chenjing.send(HttpMethod.POST, "/api/tasks/" + group.getId() + "/reassign",
				Map.of("assignee", "tangliang")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(tasks.createTaskQuery().taskId(group.getId()).singleResult().getAssignee()).isEqualTo("tangliang");

		// A task drawn for one person: the owner's unit, or units at or below the one the mover heads.
		Task assigned = start("AuthorityAssignedFixtureProcess", "lina");
		assertThat(chenjing.send(HttpMethod.POST, "/api/tasks/" + assigned.getId() + "/reassign",
				Map.of("assignee", "linxiaoyan")).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(tasks.createTaskQuery().taskId(assigned.getId()).singleResult().getAssignee()).isEqualTo("lina");
		assertThat(ApiClient.as(rest, "liuzhiqiang").send(HttpMethod.POST, "/api/tasks/" + assigned.getId() + "/reassign",
				Map.of("assignee", "linxiaoyan")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(tasks.createTaskQuery().taskId(assigned.getId()).singleResult().getAssignee()).isEqualTo("linxiaoyan");
	}

	// --- finding 5: who assigns work is the authenticated user ---------------------------------------------

	@Test
	void shouldTakeTheAssignerFromTheAuthenticatedUserNotFromAVariable() {
		long before = runtime.createProcessInstanceQuery().processDefinitionKey("AssignedWorkProcess").count();
		Map<String, Object> forged = Map.of("initiator", "wangjianguo", "workAssignee", "tangliang", "workTitle",
				"冒名交办", "workDescription", "x");
		identity.setAuthentication("lina", List.of(GroupIds.ALL_STAFF));
		try {
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey("AssignedWorkProcess", forged))
				.hasMessageContaining("李娜")
				.hasMessageContaining("上级链");
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey("AssignedWorkProcess",
					Map.of("initiator", "admin", "workAssignee", "tangliang", "workTitle", "冒名交办", "workDescription", "x")))
				.hasMessageContaining("上级链");
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AssignedWorkProcess").count())
			.isEqualTo(before);

		identity.setAuthentication("chenjing", List.of(GroupIds.ALL_STAFF));
		String started;
		try {
			started = runtime.startProcessInstanceByKey("AssignedWorkProcess", Map.of("initiator", "wangjianguo",
					"workAssignee", "lina", "workTitle", "真实交办", "workDescription", "x")).getId();
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(runtime.getVariable(started, "initiator")).isEqualTo("chenjing");
		assertThat(runtime.getVariable(started, "assignedByName")).isEqualTo("陈静");
		runtime.deleteProcessInstance(started, "test over");
	}

	// --- finding 12: deadline statistics by need-to-know ----------------------------------------------------

	@Test
	void shouldShowDeadlineCountsOnlyToThoseWhoNeedThem() {
		for (String owner : List.of("caojing", "pengdan", "hanxue", "linxiaoyan")) {
			start("AuthorityAssignedFixtureProcess", owner);
		}
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String query = "/api/deadlines/stats?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);

		assertThat(visible("caojing", query)).containsExactly("caojing");
		assertThat(visible("fengxiuying", query)).contains("caojing", "pengdan").doesNotContain("hanxue", "linxiaoyan");
		assertThat(visible("hezhigang", query)).contains("caojing", "pengdan", "hanxue").doesNotContain("linxiaoyan");
		assertThat(visible("wuhao", query)).contains("caojing", "pengdan", "hanxue", "linxiaoyan");
		assertThat(visible("luowenbo", query)).contains("caojing", "pengdan", "hanxue", "linxiaoyan");
		assertThat(visible("caojing", query + "&owner=hanxue")).isEmpty();
	}

	private Set<String> visible(String user, String query) {
		ResponseEntity<List<Map<String, Object>>> answer = ApiClient.as(rest, user).getList(query);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return answer.getBody()
			.stream()
			.map(row -> String.valueOf(row.get("username")))
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	private Task start(String process, String owner) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("note", "内部材料");
		if (owner != null) {
			variables.put("owner", owner);
		}
		String instance = runtime.startProcessInstanceByKey(process, variables).getId();
		return tasks.createTaskQuery().processInstanceId(instance).singleResult();
	}

}
