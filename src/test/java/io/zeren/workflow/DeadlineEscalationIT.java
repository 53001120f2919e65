package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.zeren.support.EngineTime;
import io.zeren.support.ApiClient;

/**
 * A task left alone on the demo agency: due date from policy in working days, reminder, then up the
 * supervisor chain lina → chenjing → liuzhiqiang → wangjianguo (cap 3), with supervisors acting in
 * Tasklist and over REST. The engine clock is moved and due jobs run by hand, as the job executor would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class DeadlineEscalationIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 1 June 2026, 09:00 in Beijing: five working days later is Monday 8 June. */
	static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZONE);

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ApplicationEvents events;

	static boolean deployed;

	@BeforeEach
	void deployFixtureAndSetClock() {
		if (!deployed) {
			repository.createDeployment().addClasspathResource("bpmn/deadline-fixture.bpmn").addClasspathResource("bpmn/fixture.form").deploy();
			deployed = true;
		}
		ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
	}

	@AfterEach
	void cleanUp() {
		runtime.createProcessInstanceQuery()
			.processDefinitionKey("DeadlineFixtureProcess")
			.list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		jdbc.update("delete from zr_task_deadline where process_key = 'DeadlineFixtureProcess'");
		jdbc.update("delete from zr_delegation");
		ClockUtil.reset();
	}

	@Test
	void shouldRemindThenEscalateLevelByLevelUpToTheCap() {
		Task task = startFor("lina");

		assertThat(task.getDueDate().toInstant()).isEqualTo(MONDAY.plusDays(7).toInstant());
		assertThat(task.getFollowUpDate().toInstant()).isEqualTo(MONDAY.plusDays(4).toInstant());

		EngineTime.moveTo(management, MONDAY.plusDays(4).plusMinutes(1));
		assertThat(events.stream(TaskReminderDue.class)).singleElement()
			.satisfies(reminder -> assertThat(reminder.recipients()).containsExactly("lina"));

		EngineTime.moveTo(management, MONDAY.plusDays(7).plusMinutes(1));
		assertThat(escalationTaskFor(task, "chenjing")).isNotNull();
		assertThat(events.stream(TaskEscalated.class)).singleElement().satisfies(escalated -> {
			assertThat(escalated.level()).isEqualTo(1);
			assertThat(escalated.supervisor()).isEqualTo("chenjing");
			assertThat(escalated.owners()).containsExactly("lina");
		});

		// chenjing does nothing for two working days: it climbs to the head of the political department.
		EngineTime.moveTo(management, MONDAY.plusDays(9).plusMinutes(2));
		assertThat(escalationTaskFor(task, "chenjing")).isNull();
		Task level2 = escalationTaskFor(task, "liuzhiqiang");
		assertThat(level2.getName()).isEqualTo("督办：李娜 填写述职报告");

		tasks.complete(level2.getId(), Map.of("escalationAction", "urge", "actionNote", "请今天内完成"));
		assertThat(events.stream(TaskUrged.class)).singleElement()
			.satisfies(urged -> assertThat(urged.owners()).containsExactly("lina"));
		// A second urge right away is rate-limited and logged, not mailed.
		assertThat(ApiClient.as(rest, "liuzhiqiang").send(HttpMethod.POST, "/api/tasks/" + task.getId() + "/urge",
				Map.of("message", "再催")).getBody()).containsEntry("sent", false);

		EngineTime.moveTo(management, MONDAY.plusDays(11).plusMinutes(3));
		Task level3 = escalationTaskFor(task, "wangjianguo");
		assertThat(level3.getTaskDefinitionKey()).isEqualTo(TaskDeadlineProcess.TASK_HANDLE_FINAL_ESCALATION);
		tasks.complete(level3.getId(), Map.of("escalationAction", "acknowledge"));
		// The top of the chain only acknowledged: the overdue task stays watched, and comes back to him.
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(task.getId()).count()).isOne();

		assertThat(jdbc.queryForList(
				"select escalation_level, supervisor, action_taken from zr_task_escalation where task_id = ? order by escalation_level",
				task.getId()))
			.extracting(row -> row.get("SUPERVISOR") + "/" + row.get("ACTION_TAKEN"))
			.containsExactly("chenjing/null", "liuzhiqiang/urge", "wangjianguo/acknowledge");

		tasks.complete(task.getId());
		List<Map<String, Object>> stats = ApiClient.as(rest, "chenjing")
			.getList("/api/deadlines/stats?owner=lina&from=2026-06-01&to=2026-06-30")
			.getBody();
		assertThat(stats).singleElement().satisfies(row -> {
			assertThat(row).containsEntry("overdue", 1).containsEntry("escalated", 1).containsEntry("unitCode", "POL-ORG");
		});
	}

	@Test
	void shouldStopWatchingATaskDoneInTime() {
		Task task = startFor("huangxin");
		EngineTime.moveTo(management, MONDAY.plusDays(2));

		tasks.complete(task.getId());

		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(task.getId()).count()).isZero();
		assertThat(jdbc.queryForObject("select overdue from zr_task_deadline where task_id = ?", String.class,
				task.getId())).isEqualTo("N");
		assertThat(management.createJobQuery().processDefinitionKey(TaskDeadlineProcess.KEY).active().list())
			.noneMatch(job -> task.getId().equals(runtime.createProcessInstanceQuery()
				.processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()));
	}

	@Test
	void shouldLetOnlySupervisorsExtendAndRestartTheWatch() {
		Task task = startFor("lina");
		String newDue = MONDAY.plusDays(14).toOffsetDateTime().toString();

		assertThat(ApiClient.as(rest, "huangxin").send(HttpMethod.POST, "/api/tasks/" + task.getId() + "/extend",
				Map.of("newDue", newDue, "reason", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(ApiClient.as(rest, "chenjing").send(HttpMethod.POST, "/api/tasks/" + task.getId() + "/extend",
				Map.of("newDue", newDue)).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

		assertThat(ApiClient.as(rest, "chenjing").send(HttpMethod.POST, "/api/tasks/" + task.getId() + "/extend",
				Map.of("newDue", newDue, "reason", "等待审计结果")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getDueDate().toInstant())
			.isEqualTo(MONDAY.plusDays(14).toInstant());
		String watch = runtime.createProcessInstanceQuery().processInstanceBusinessKey(task.getId()).singleResult().getId();
		assertThat(runtime.getVariable(watch, "dueAtText")).isEqualTo("2026-06-15 09:00");
		assertThat(runtime.getVariable(watch, "level")).isEqualTo(0);
		EngineTime.moveTo(management, MONDAY.plusDays(8));
		assertThat(escalationTaskFor(task, "chenjing")).isNull();
	}

	@Test
	void shouldRefuseAnIncompleteEscalationFormAndKeepTheTask() {
		Task task = startFor("lina");
		EngineTime.moveTo(management, MONDAY.plusDays(7).plusMinutes(1));
		Task escalation = escalationTaskFor(task, "chenjing");

		assertThatThrownBy(() -> tasks.complete(escalation.getId(), Map.of("escalationAction", "extend")))
			.hasMessageContaining("延期须");
		assertThatThrownBy(() -> tasks.complete(escalation.getId(),
				Map.of("escalationAction", "reassign", "newAssignee", "nobody")))
			.hasMessageContaining("nobody");

		assertThat(tasks.createTaskQuery().taskId(escalation.getId()).count()).isOne();
		tasks.complete(escalation.getId(), Map.of("escalationAction", "takeOver"));
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("chenjing");
	}

	@Test
	void shouldSendTasksToTheSubstituteWhileTheOwnerIsAway() {
		ApiClient lina = ApiClient.as(rest, "lina");
		// Read before the delegation: the node's set of people away (zeren.deadline.delegation-cache-ttl) must
		// take in the delegation made here at once, and let go of it when it ends.
		assertThat(startFor("lina").getAssignee()).isEqualTo("lina");
		Map<String, Object> delegation = lina.send(HttpMethod.POST, "/api/delegations",
				Map.of("substitute", "tangliang", "startsOn", "2026-06-01", "endsOn", "2026-06-05", "reason", "休假"))
			.getBody();
		assertThat(delegation).containsEntry("owner", "lina");

		Task task = startFor("lina");

		assertThat(task.getAssignee()).isEqualTo("tangliang");
		assertThat(task.getOwner()).isEqualTo("lina");
		assertThat(jdbc.queryForObject("select delegated_from from zr_task_deadline where task_id = ?", String.class,
				task.getId())).isEqualTo("lina");

		assertThat(lina.send(HttpMethod.POST, "/api/delegations/" + delegation.get("id") + "/end", null).getBody())
			.containsKey("endedAt");
		assertThat(startFor("lina").getAssignee()).isEqualTo("lina");
		assertThat(ApiClient.as(rest, "huangxin").send(HttpMethod.POST, "/api/delegations",
				Map.of("owner", "lina", "substitute", "huangxin", "startsOn", "2026-06-01", "endsOn", "2026-06-02"))
			.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
	}

	private Task startFor(String owner) {
		String instance = runtime.startProcessInstanceByKey("DeadlineFixtureProcess", Map.of("owner", owner)).getId();
		return tasks.createTaskQuery().processInstanceId(instance).singleResult();
	}

	private Task escalationTaskFor(Task watched, String supervisor) {
		return tasks.createTaskQuery()
			.processDefinitionKey(TaskDeadlineProcess.KEY)
			.processInstanceBusinessKey(watched.getId())
			.taskAssignee(supervisor)
			.singleResult();
	}



}
