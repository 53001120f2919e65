package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
import org.camunda.bpm.engine.task.IdentityLink;
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

import io.zeren.support.ApiClient;
import io.zeren.support.EngineTime;

/**
 * Deadlines that never lose a task (issue 22, part D), on the demo agency in June 2115: no unclaim leaves a task
 * with nobody, the top leader keeps an escalation, a moved task gets a new clock, an extension ends with the working
 * day, a group task is announced to each of its people once, and an out-of-office substitute covers group work for
 * the period only. The engine clock is moved and due jobs run by hand, as the job executor would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NeverLoseATaskIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 3 June 2115, 09:00 in Beijing: the catch-all policy makes a task due five working days later. */
	static final ZonedDateTime MONDAY = ZonedDateTime.of(2115, 6, 3, 9, 0, 0, 0, ZONE);

	static final List<String> FIXTURES = List.of("NeverLoseHeadFixtureProcess", "NeverLoseUnitFixtureProcess",
			"NeverLoseAssignedFixtureProcess", "NeverLosePersonalFixtureProcess");

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
	DelegationCover cover;

	static boolean deployed;

	@BeforeEach
	void deployFixtureAndSetClock() {
		if (!deployed) {
			repository.createDeployment()
				.addClasspathResource("bpmn/never-lose-fixture.bpmn")
				.addClasspathResource("bpmn/fixture.form")
				.deploy();
			deployed = true;
		}
		ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
	}

	@AfterEach
	void cleanUp() {
		identity.clearAuthentication();
		for (String key : FIXTURES) {
			runtime.createProcessInstanceQuery()
				.processDefinitionKey(key)
				.list()
				.forEach(instance -> {
					runtime.createProcessInstanceQuery()
						.processDefinitionKey(TaskDeadlineProcess.KEY)
						.list()
						.stream()
						.filter(watch -> tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
							.anyMatch(task -> task.getId().equals(watch.getBusinessKey())))
						.forEach(watch -> runtime.deleteProcessInstance(watch.getId(), "test over"));
					runtime.deleteProcessInstance(instance.getId(), "test over");
				});
			jdbc.update("delete from zr_task_deadline where process_key = ?", key);
		}
		jdbc.update("delete from zr_delegation_cover");
		jdbc.update("delete from zr_delegation where starts_on >= ?", java.sql.Date.valueOf("2115-01-01"));
		jdbc.update("delete from zr_mail_pref where username = 'lina'");
		ClockUtil.reset();
	}

	// --- 1. unclaiming never leaves a task with nobody ---------------------------------------------------------

	@Test
	void shouldRefuseToUnclaimAPersonalTaskWhateverTheDoor() {
		Task personal = start("NeverLosePersonalFixtureProcess", "lina");

		// Tasklist's 取消认领 as the staff member: a Chinese sentence, the task stays.
		ResponseEntity<String> unclaimed = ApiClient.as(rest, "lina")
			.sendRaw(HttpMethod.POST, "/engine-rest/task/" + personal.getId() + "/unclaim", null);
		assertThat(unclaimed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(unclaimed.getBody()).contains("不能取消认领").doesNotContain("Exception", "ENGINE-", "null");
		ResponseEntity<String> webapp = ApiClient.as(rest, "lina")
			.sendRaw(HttpMethod.POST, "/camunda/api/engine/engine/default/task/" + personal.getId() + "/unclaim", null);
		assertThat(webapp.getStatusCode().is2xxSuccessful()).isFalse();

		// The Java API (and so every other door), the system included.
		assertThatThrownBy(() -> tasks.setAssignee(personal.getId(), null)).hasMessageContaining("只能由本人办理")
			.hasMessageContaining("不能取消认领");
		assertThatThrownBy(() -> tasks.claim(personal.getId(), null)).hasMessageContaining("不能取消认领");
		assertThat(tasks.createTaskQuery().taskId(personal.getId()).singleResult().getAssignee()).isEqualTo("lina");
		assertThat(jdbc.queryForObject("select count(*) from zr_sec_audit where action = 'TASK_PERSONAL_UNCLAIM'"
				+ " and target = ?", Long.class, "task " + personal.getId())).isGreaterThanOrEqualTo(1);
	}

	@Test
	void shouldRefuseToUnclaimATaskOfferedToNobodyElseButLetAGroupTaskGoBack() {
		Task drawn = start("NeverLoseAssignedFixtureProcess", "lina");
		assertThatThrownBy(() -> tasks.setAssignee(drawn.getId(), null)).hasMessageContaining("没有其他可以认领的人");
		assertThat(tasks.createTaskQuery().taskId(drawn.getId()).singleResult().getAssignee()).isEqualTo("lina");

		Task group = start("NeverLoseUnitFixtureProcess", null);
		tasks.claim(group.getId(), "lina");
		tasks.setAssignee(group.getId(), null);
		assertThat(tasks.createTaskQuery().taskId(group.getId()).taskCandidateUser("tangliang").count()).isOne();
	}

	// --- 2. the top of the chain keeps the escalation ------------------------------------------------------------

	@Test
	void shouldKeepTheEscalationWithTheTopLeaderUntilActedOn() {
		// chenjing heads her unit: her chain is liuzhiqiang, then wangjianguo — shorter than the cap of three.
		Task task = start("NeverLoseAssignedFixtureProcess", "chenjing");
		EngineTime.moveTo(management, MONDAY.plusDays(7).plusMinutes(1));
		assertThat(escalationFor(task, "liuzhiqiang")).isNotNull();

		EngineTime.moveTo(management, MONDAY.plusDays(9).plusMinutes(2));
		Task top = escalationFor(task, "wangjianguo");
		assertThat(top.getTaskDefinitionKey()).isEqualTo(TaskDeadlineProcess.TASK_HANDLE_FINAL_ESCALATION);

		// Weeks pass: it stays with him, and the watch is still on.
		EngineTime.moveTo(management, MONDAY.plusDays(30));
		assertThat(escalationFor(task, "wangjianguo").getId()).isEqualTo(top.getId());
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(task.getId()).count()).isOne();

		// He only acknowledges; the task is still open, so it comes back to him after the interval.
		tasks.complete(top.getId(), Map.of("escalationAction", "acknowledge"));
		assertThat(escalationFor(task, "wangjianguo")).isNull();
		EngineTime.moveTo(management, MONDAY.plusDays(35));
		Task again = escalationFor(task, "wangjianguo");
		assertThat(again).isNotNull();
		assertThat(again.getId()).isNotEqualTo(top.getId());
		assertThat(jdbc.queryForList("select supervisor from zr_task_escalation where task_id = ? order by escalated_at",
				String.class, task.getId())).containsExactly("liuzhiqiang", "wangjianguo", "wangjianguo");
	}

	// --- 3. a moved task gets a new clock; an extension ends with the working day --------------------------------

	@Test
	void shouldRestartTheClockForTheNewHolderWhenReassignedAndTakenOver() {
		Task task = start("NeverLoseAssignedFixtureProcess", "lina");
		EngineTime.moveTo(management, MONDAY.plusDays(7).plusMinutes(1));
		Task escalation = escalationFor(task, "chenjing");

		// Monday 10 June 09:01: tangliang gets five working days from now, and the watch starts over at level 0.
		tasks.complete(escalation.getId(), Map.of("escalationAction", "reassign", "newAssignee", "tangliang"));
		Task moved = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(moved.getAssignee()).isEqualTo("tangliang");
		assertThat(moved.getDueDate().toInstant()).isEqualTo(MONDAY.plusDays(14).plusMinutes(1).toInstant());
		String watch = runtime.createProcessInstanceQuery().processInstanceBusinessKey(task.getId()).singleResult().getId();
		assertThat(runtime.getVariable(watch, "level")).isEqualTo(0);
		assertThat(escalationFor(task, "chenjing")).isNull();
		EngineTime.moveTo(management, MONDAY.plusDays(14));
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(task.getId()).count()).isZero();

		// Overdue again, chenjing takes it over over REST: a new deadline from policy for her, a new clock.
		EngineTime.moveTo(management, MONDAY.plusDays(15).plusMinutes(2));
		assertThat(escalationFor(task, "chenjing")).isNotNull();
		assertThat(ApiClient.as(rest, "chenjing").send(HttpMethod.POST, "/api/tasks/" + task.getId() + "/take-over", null)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Task taken = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(taken.getAssignee()).isEqualTo("chenjing");
		assertThat(taken.getDueDate().toInstant()).isEqualTo(MONDAY.plusDays(22).plusMinutes(2).toInstant());
		assertThat(escalationFor(task, "chenjing")).isNull();
		assertThat(runtime.getVariable(
				runtime.createProcessInstanceQuery().processInstanceBusinessKey(task.getId()).singleResult().getId(),
				"level")).isEqualTo(0);
	}

	@Test
	void shouldEndAnExtensionAtTheEndOfAWorkingDay() {
		Task task = start("NeverLoseAssignedFixtureProcess", "lina");
		EngineTime.moveTo(management, MONDAY.plusDays(7).plusMinutes(1));
		Task escalation = escalationFor(task, "chenjing");

		// Saturday 15 June 2115: the next working day, Monday 17 June, at 18:00 — not the old 09:00.
		tasks.complete(escalation.getId(),
				Map.of("escalationAction", "extend", "newDueDate", "2115-06-15", "actionNote", "等待材料"));

		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getDueDate().toInstant())
			.isEqualTo(ZonedDateTime.of(2115, 6, 17, 18, 0, 0, 0, ZONE).toInstant());
		String watch = runtime.createProcessInstanceQuery().processInstanceBusinessKey(task.getId()).singleResult().getId();
		assertThat(runtime.getVariable(watch, "dueAtText")).isEqualTo("2115-06-17 18:00");
	}

	// --- 4. every group task is announced to each of its people once ---------------------------------------------

	@Test
	void shouldMailEveryPersonAGroupTaskIsOfferedToOnceAndHoldItForDigestReaders() {
		assertThat(ApiClient.as(rest, "lina").send(HttpMethod.PUT, "/api/notifications/preferences/me",
				Map.of("digest", true)).getStatusCode().is2xxSuccessful()).isTrue();
		Task task = start("NeverLoseUnitFixtureProcess", null);

		List<Map<String, Object>> mails = jdbc.queryForList(
				"select recipient, status, template, subject from zr_mail_outbox where dedup_key like ?",
				"offered:" + task.getId() + "|%");
		List<String> members = identity.createUserQuery().memberOfGroup("unit-pol-org").list().stream()
			.map(org.camunda.bpm.engine.identity.User::getId)
			.toList();
		assertThat(mails).extracting(row -> (String) row.get("RECIPIENT"))
			.containsExactlyInAnyOrderElementsOf(members)
			.doesNotHaveDuplicates();
		assertThat(mails).allSatisfy(row -> assertThat(row.get("SUBJECT")).isEqualTo("【待认领】填写科室责任清单"));
		assertThat(mails).filteredOn(row -> "lina".equals(row.get("RECIPIENT")))
			.singleElement()
			.satisfies(row -> assertThat(row.get("STATUS")).isEqualTo("HELD"));
		assertThat(mails).filteredOn(row -> "chenjing".equals(row.get("RECIPIENT")))
			.singleElement()
			.satisfies(row -> assertThat(row.get("STATUS")).isEqualTo("PENDING"));

		// Claimed and returned to the group: nobody is mailed a second time about the same task.
		tasks.claim(task.getId(), "tangliang");
		tasks.setAssignee(task.getId(), null);
		assertThat(jdbc.queryForObject("select count(*) from zr_mail_outbox where dedup_key like ?", Long.class,
				"offered:" + task.getId() + "|%")).isEqualTo(members.size());
	}

	// --- 5. out of office covers group work, for the period only -------------------------------------------------

	@Test
	void shouldLetTheSubstituteSeeAndClaimTheAbsentHeadsGroupTasksDuringThePeriodOnly() {
		Task before = start("NeverLoseHeadFixtureProcess", null);
		ApiClient chenjing = ApiClient.as(rest, "chenjing");
		Map<String, Object> delegation = chenjing.send(HttpMethod.POST, "/api/delegations", Map.of("substitute",
				"xiezhenhua", "startsOn", "2115-06-03", "endsOn", "2115-06-05", "reason", "出差")).getBody();
		assertThat(delegation).containsEntry("owner", "chenjing");

		// The task waiting before the delegation and one created during it: both offered to the deputy.
		Task during = start("NeverLoseHeadFixtureProcess", null);
		assertThat(candidateUsers(before)).containsExactly("xiezhenhua");
		assertThat(candidateUsers(during)).containsExactly("xiezhenhua");
		assertThat(jdbc.queryForObject("select template from zr_mail_outbox where dedup_key = ?", String.class,
				"offered:" + before.getId() + "|xiezhenhua")).isEqualTo("task-offered");

		ApiClient xiezhenhua = ApiClient.as(rest, "xiezhenhua");
		List<Map<String, Object>> listed = xiezhenhua.getList("/engine-rest/task?candidateUser=xiezhenhua").getBody();
		assertThat(listed).extracting(row -> row.get("id")).contains(before.getId(), during.getId());
		assertThat(xiezhenhua.sendRaw(HttpMethod.POST, "/engine-rest/task/" + before.getId() + "/claim",
				"{\"userId\":\"xiezhenhua\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// The head is back early: what the deputy did not take goes back to waiting for her.
		assertThat(chenjing.send(HttpMethod.POST, "/api/delegations/" + delegation.get("id") + "/end", null)
			.getStatusCode().is2xxSuccessful()).isTrue();
		assertThat(candidateUsers(during)).isEmpty();
		assertThat(xiezhenhua.sendRaw(HttpMethod.POST, "/engine-rest/task/" + during.getId() + "/claim",
				"{\"userId\":\"xiezhenhua\"}").getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(tasks.createTaskQuery().taskId(before.getId()).singleResult().getAssignee()).isEqualTo("xiezhenhua");

		// A delegation that runs out: the sweep takes the cover away after its last day.
		chenjing.send(HttpMethod.POST, "/api/delegations", Map.of("substitute", "xiezhenhua", "startsOn", "2115-06-03",
				"endsOn", "2115-06-04", "reason", "出差"));
		assertThat(candidateUsers(during)).containsExactly("xiezhenhua");
		ClockUtil.setCurrentTime(Date.from(MONDAY.plusDays(2).toInstant()));
		cover.sweep();
		assertThat(candidateUsers(during)).isEmpty();
		assertThat(xiezhenhua.getList("/engine-rest/task?candidateUser=xiezhenhua").getBody())
			.extracting(row -> row.get("id"))
			.doesNotContain(during.getId());
	}

	@Test
	void shouldNeverCoverAPersonalOrAHeldTask() {
		Task personal = start("NeverLosePersonalFixtureProcess", "chenjing");
		assertThat(ApiClient.as(rest, "chenjing").send(HttpMethod.POST, "/api/delegations", Map.of("substitute",
				"xiezhenhua", "startsOn", "2115-06-03", "endsOn", "2115-06-05")).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		// A unit's task has people present (the unit's members): nobody needs covering.
		Task unit = start("NeverLoseUnitFixtureProcess", null);
		assertThat(candidateUsers(unit)).isEmpty();
		assertThat(candidateUsers(personal)).isEmpty();
		assertThat(tasks.createTaskQuery().taskId(personal.getId()).singleResult().getAssignee()).isEqualTo("chenjing");
	}

	// ---------------------------------------------------------------------------------------------------------------

	private Task start(String key, String owner) {
		String instance = runtime.startProcessInstanceByKey(key, owner == null ? Map.of() : Map.of("owner", owner))
			.getId();
		return tasks.createTaskQuery().processInstanceId(instance).singleResult();
	}

	private List<String> candidateUsers(Task task) {
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
			.map(IdentityLink::getUserId)
			.toList();
	}

	private Task escalationFor(Task watched, String supervisor) {
		return tasks.createTaskQuery()
			.processDefinitionKey(TaskDeadlineProcess.KEY)
			.processInstanceBusinessKey(watched.getId())
			.taskAssignee(supervisor)
			.singleResult();
	}

	static LocalDate day(int dayOfMonth) {
		return LocalDate.of(2115, 6, dayOfMonth);
	}

}
