package io.zeren.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.zeren.support.EngineTime;
import io.zeren.support.ApiClient;

/**
 * The mid-year inspection on the demo agency: zhoumin inspects OPS-1 and records a unit finding (head zhengyang
 * answers for it) and a personal one for huangxin; huangxin's evidence is rejected once, then accepted; the unit
 * finding's deadline passes and RectificationOverdue is published; who sees which rectification over REST.
 * The engine clock is moved and due jobs run by hand, as the job executor would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class InspectionIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 1 June 2026, 09:00 in Beijing. */
	static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZONE);

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	io.zeren.assessment.RectificationRecord rectificationRecord;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void setClock() {
		ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
	}

	@AfterEach
	void cleanUp() {
		for (String key : List.of(MidYearInspectionProcess.KEY, RectificationProcess.KEY, ProgressSelfReportProcess.KEY)) {
			runtime.createProcessInstanceQuery()
				.processDefinitionKey(key)
				.list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		}
		ClockUtil.reset();
	}

	@Test
	void shouldInspectRectifyAndReportOverdue() {
		ApiClient zhoumin = ApiClient.as(rest, "zhoumin");

		// Wrong role, bad input: refused, nothing created.
		assertThat(ApiClient.as(rest, "huangxin").send(HttpMethod.POST, "/api/inspections", inspection()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map<String, Object>> bad = zhoumin.send(HttpMethod.POST, "/api/inspections",
				Map.of("year", 2026, "unitCode", "NOPE", "startsOn", "2026-06-05", "endsOn", "2026-06-01", "inspectors",
						List.of("lina")));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat((List<?>) bad.getBody().get("violations")).hasSize(3);

		Map<String, Object> opened = zhoumin.send(HttpMethod.POST, "/api/inspections", inspection()).getBody();
		assertThat(opened).containsEntry("status", "RECORDING").containsEntry("unitCode", "OPS-1");
		long inspectionId = ((Number) opened.get("id")).longValue();
		String path = "/api/inspections/" + inspectionId + "/findings";

		// The unit finding over REST: its head answers for it and is notified.
		assertThat(ApiClient.as(rest, "lina").send(HttpMethod.POST, path, unitFinding()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map<String, Object>> invalid = zhoumin.send(HttpMethod.POST, path,
				Map.of("target", "TEAM", "severity", "HUGE", "deadline", "2026-05-01"));
		assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat((List<?>) invalid.getBody().get("violations")).hasSize(5);
		Map<String, Object> unitFinding = zhoumin.send(HttpMethod.POST, path, unitFinding()).getBody();
		assertThat(unitFinding).containsEntry("responsible", "zhengyang").containsEntry("rectificationState", "PLANNING");
		long unitFindingId = ((Number) unitFinding.get("id")).longValue();

		// The personal finding in Tasklist; a person outside the unit is refused and the task stays.
		Task record = tasks.createTaskQuery()
			.processDefinitionKey(MidYearInspectionProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.taskCandidateUser("zhoumin")
			.singleResult();
		assertThatThrownBy(() -> tasks.complete(record.getId(), personFinding("lina"))).hasMessageContaining("不属于");
		tasks.complete(record.getId(), personFinding("huangxin"));

		Map<String, Object> detail = zhoumin.get("/api/inspections/" + inspectionId).getBody();
		assertThat(detail).containsEntry("status", "RECTIFYING");
		assertThat((List<Map<String, Object>>) detail.get("findings")).hasSize(2);
		long personFindingId = ((List<Map<String, Object>>) detail.get("findings")).stream()
			.filter(finding -> "PERSON".equals(finding.get("target")))
			.mapToLong(finding -> ((Number) finding.get("id")).longValue())
			.findFirst()
			.orElseThrow();
		assertThat(jdbc.queryForObject(
				"select count(*) from zr_mail_outbox where template = 'notice' and recipient in ('zhengyang', 'huangxin')",
				Integer.class)).isEqualTo(2);

		// Who sees what.
		assertThat(ApiClient.as(rest, "huangxin").getList("/api/rectifications").getBody())
			.extracting(row -> ((Number) row.get("findingId")).longValue())
			.containsExactly(personFindingId);
		assertThat(ApiClient.as(rest, "zhengyang").getList("/api/rectifications").getBody())
			.extracting(row -> ((Number) row.get("findingId")).longValue())
			.containsExactlyInAnyOrder(unitFindingId, personFindingId);
		assertThat(ApiClient.as(rest, "lina").getList("/api/rectifications").getBody()).isEmpty();
		assertThat(ApiClient.as(rest, "lina").get("/api/rectifications/" + unitFindingId).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// The political department (lina's through POL) follows inspections; a staff member of the unit does not.
		assertThat(ApiClient.as(rest, "wangfang").get("/api/inspections/" + inspectionId).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		// huangxin: plan, evidence, rejected once with a reason, more evidence, accepted.
		complete(taskOf(personFindingId, "huangxin"), Map.of("rectificationPlan", "本月内补开谈心谈话并建立台账"));
		complete(taskOf(personFindingId, "huangxin"), Map.of("evidenceNote", "已谈心谈话 3 次"));
		Task verify = verifyTask(personFindingId);
		assertThatThrownBy(() -> tasks.complete(verify.getId(), Map.of("verdict", "reject")))
			.hasMessageContaining("理由");
		complete(verify, Map.of("verdict", "reject", "verdictReason", "缺少谈话记录"));
		complete(taskOf(personFindingId, "huangxin"), Map.of("evidenceNote", "补充了谈话记录表"));
		complete(verifyTask(personFindingId), Map.of("verdict", "accept"));

		Map<String, Object> huangxins = ApiClient.as(rest, "huangxin").get("/api/rectifications/" + personFindingId).getBody();
		assertThat(huangxins).containsEntry("state", "CLOSED").containsEntry("rejections", 1).containsEntry("overdue", false);
		assertThat((List<Map<String, Object>>) huangxins.get("verifications"))
			.extracting(row -> row.get("verdict") + "/" + row.get("reason") + "/" + row.get("verifiedBy"))
			.containsExactly("REJECTED/缺少谈话记录/zhoumin", "ACCEPTED/null/zhoumin");

		// The unit's plan is in, but no evidence by Wednesday 10 June: overdue, published once.
		complete(taskOf(unitFindingId, "zhengyang"), Map.of("rectificationPlan", "支部集中学习并整改"));
		EngineTime.moveTo(management, MONDAY.plusDays(10));
		assertThat(events.stream(RectificationOverdue.class)).singleElement().satisfies(overdue -> {
			assertThat(overdue.findingId()).isEqualTo(unitFindingId);
			assertThat(overdue.unitCode()).isEqualTo("OPS-1");
			assertThat(overdue.responsible()).isEqualTo("zhengyang");
			assertThat(overdue.year()).isEqualTo(2026);
			assertThat(overdue.reason()).contains("2026-06-10");
		});
		assertThat(events.stream(RectificationFailed.class)).isEmpty();

		// zhengyang still has to finish; the inspector closes it as failed, which closes the inspection.
		complete(taskOf(unitFindingId, "zhengyang"), Map.of("evidenceNote", "逾期提交的学习记录"));
		complete(verifyTask(unitFindingId), Map.of("verdict", "closeFailed", "verdictReason", "整改不到位"));
		assertThat(events.stream(RectificationFailed.class)).singleElement()
			.satisfies(failed -> assertThat(failed.responsible()).isEqualTo("zhengyang"));
		assertThat(zhoumin.get("/api/inspections/" + inspectionId).getBody()).containsEntry("status", "CLOSED");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(inspectionId))
			.processDefinitionKey(MidYearInspectionProcess.KEY).count()).isZero();
		// The year-end assessment sees the failed rectification as an input of the grade decision.
		assertThat(rectificationRecord.failedOrOverdue("zhengyang", 2026)).isEqualTo(1);
		assertThat(rectificationRecord.failedOrOverdue("huangxin", 2026)).isZero();
	}

	@Test
	void shouldStartSelfReportsOnceAndLoopUntilTheHeadAccepts() {
		ApiClient political = ApiClient.as(rest, "liuzhiqiang");
		assertThat(ApiClient.as(rest, "huangxin").send(HttpMethod.POST, "/api/inspections/self-reports/2026",
				Map.of("unitCode", "OPS-1")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		assertThat(political.send(HttpMethod.POST, "/api/inspections/self-reports/2026", Map.of("unitCode", "OPS-1"))
			.getBody()).containsEntry("staff", 6).containsEntry("started", 6).containsEntry("existing", 0);
		assertThat(political.send(HttpMethod.POST, "/api/inspections/self-reports/2026", Map.of("unitCode", "OPS-1"))
			.getBody()).containsEntry("started", 0).containsEntry("existing", 6);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProgressSelfReportProcess.KEY).count())
			.isEqualTo(6);

		Task write = tasks.createTaskQuery().processInstanceBusinessKey("2026:huangxin").taskAssignee("huangxin")
			.singleResult();
		assertThatThrownBy(() -> tasks.complete(write.getId(), Map.of("progressText", " "))).hasMessageContaining("自评");
		tasks.complete(write.getId(), Map.of("progressText", "上半年完成学习 12 次"));
		Task review = tasks.createTaskQuery().processInstanceBusinessKey("2026:huangxin").taskCandidateUser("zhengyang")
			.singleResult();
		tasks.claim(review.getId(), "zhengyang");
		tasks.complete(review.getId(), Map.of("reviewOutcome", "return", "reviewComment", "请补充谈心谈话情况"));
		tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey("2026:huangxin").taskAssignee("huangxin")
			.singleResult().getId(), Map.of("progressText", "补充：谈心谈话 3 次"));
		Task again = tasks.createTaskQuery().processInstanceBusinessKey("2026:huangxin").taskCandidateUser("zhengyang")
			.singleResult();
		tasks.claim(again.getId(), "zhengyang");
		tasks.complete(again.getId(), Map.of("reviewOutcome", "accept"));

		assertThat(ApiClient.as(rest, "huangxin").getList("/api/inspections/self-reports/2026").getBody())
			.singleElement()
			.satisfies(report -> {
				assertThat(report).containsEntry("state", "ACCEPTED");
				assertThat((List<?>) report.get("rounds")).hasSize(2);
			});
		assertThat(ApiClient.as(rest, "zhengyang").getList("/api/inspections/self-reports/2026").getBody()).hasSize(6);
		// A head's own report goes to the head of the unit above.
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey("2026:zhengyang").taskAssignee("zhengyang").count())
			.isOne();
	}

	private static Map<String, Object> inspection() {
		return Map.of("year", 2026, "unitCode", "OPS-1", "startsOn", "2026-06-01", "endsOn", "2026-06-05", "inspectors",
				List.of("zhoumin"));
	}

	private static Map<String, Object> unitFinding() {
		return Map.of("target", "UNIT", "description", "一大队理论学习制度落实不到位", "severity", "MAJOR", "requirement",
				"建立学习台账，按月集中学习", "deadline", "2026-06-10");
	}

	private static Map<String, Object> personFinding(String username) {
		return Map.of("findingTarget", "PERSON", "findingPerson", username, "findingDescription", "未按要求开展谈心谈话",
				"findingSeverity", "MINOR", "findingRequirement", "补开谈心谈话", "findingDeadline", "2026-06-30", "next",
				"finish");
	}

	private Task taskOf(long findingId, String assignee) {
		return tasks.createTaskQuery()
			.processDefinitionKey(RectificationProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(findingId))
			.taskAssignee(assignee)
			.singleResult();
	}

	/** The inspector claims the verification, as in Tasklist. */
	private Task verifyTask(long findingId) {
		Task task = tasks.createTaskQuery()
			.processDefinitionKey(RectificationProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(findingId))
			.taskDefinitionKey(RectificationProcess.TASK_VERIFY)
			.taskCandidateUser("zhoumin")
			.singleResult();
		tasks.claim(task.getId(), "zhoumin");
		return task;
	}

	private void complete(Task task, Map<String, Object> variables) {
		assertThat(task).isNotNull();
		tasks.complete(task.getId(), variables);
	}



}
