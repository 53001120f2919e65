package io.zeren;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.responsibility.TestRows;
import io.zeren.support.ApiClient;

/**
 * One year of the demo agency, played for unit POL-ORG (5 people: chenjing heads it, lina, tangliang, xiezhenhua,
 * yuanmeng) the way its people would: Tasklist tasks claimed and completed as the assignee or a candidate, our REST
 * API for what has no task. The engine clock walks through 2027 (a year no other IT uses) and only the jobs of this
 * year's own process instances are run by hand; the deadline watches of the tasks are left alone (they would only
 * raise escalations) and removed at the end.
 *
 * <ol>
 * <li>Deploy (年初, January): cycle opened, catalogue drafted and approved, every unit list confirmed, kick-off, the
 * unit signs its letters; lina objects once and chenjing answers.</li>
 * <li>Daily (平时, March): lina records evidence.</li>
 * <li>Inspect (年中, June): zhoumin inspects POL-ORG, a finding for yuanmeng, evidence rejected once then accepted.</li>
 * <li>Assess (年尾, December): self-summaries, peer votes, proposals, the committee within quota, leadership,
 * five working days of publicity, notices acknowledged, archive; results per person, unit and year.</li>
 * </ol>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearIT {

	static final int YEAR = 2027;

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final String UNIT_CODE = "POL-ORG";

	static final List<String> UNIT = List.of("chenjing", "lina", "tangliang", "xiezhenhua", "yuanmeng");

	/** Our process definitions; everything else (the deadline watches) is never run here. */
	static final Set<String> OWN_PROCESSES = Set.of("AnnualCycleProcess", "UnitListProcess", "KickOffBatchProcess",
			"PersonalResponsibilityProcess", "MidYearInspectionProcess", "RectificationProcess", "AnnualAssessmentProcess", "AssessmentCommitteeProcess");

	/** Business keys of this year's inspection and findings (ids, not year-prefixed). */
	final Set<String> ownKeys = new HashSet<>();

	final Instant started = Instant.now();

	long linaListId;

	long inspectionId;

	long findingId;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@AfterAll
	void cleanUp() {
		for (String key : OWN_PROCESSES) {
			runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream().filter(this::own)
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "year over"));
		}
		history.createHistoricProcessInstanceQuery().processDefinitionKey("TaskDeadlineProcess")
			.startedAfter(Date.from(started.minusSeconds(5))).unfinished().list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "year over"));
		// Other ITs count the assessment notices in the outbox; this year's are ours.
		jdbc.queryForList("select id from zr_assessment where asmt_year = ?", Long.class, YEAR)
			.forEach(id -> {
				String dedupKey = "assessment-notice:" + id + "|%"; // the outbox keys it per recipient
				jdbc.update("delete from zr_mail_part where outbox_id in (select id from zr_mail_outbox where dedup_key like ?)",
						dedupKey);
				jdbc.update("delete from zr_mail_outbox where dedup_key like ?", dedupKey);
			});
		ClockUtil.reset();
	}

	@Test
	@Order(1)
	void deploy() {
		moveTo(at(1, 4)); // Monday 4 January
		ApiClient political = ApiClient.as(rest, "liuzhiqiang");
		ResponseEntity<Map<String, Object>> opened = political.send(HttpMethod.POST, "/api/cycles",
				Map.of("year", YEAR, "workPoints", "坚持政治建警"));
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(opened.getBody()).containsEntry("state", "DRAFTING");

		complete(cycleTask("Task_DraftCatalogue"), "liuzhiqiang",
				Map.of("workPoints", "坚持政治建警，全面从严管党治警", "catalogueRows", TestRows.catalogue()));
		complete(cycleTask("Task_ApproveCatalogue"), "wangjianguo", Map.of("catalogueDecision", "approve"));
		moveTo(at(1, 4)); // the unit tasks' jobs, one per unit, as the job executor would run them
		assertThat(political.getList("/api/cycles/" + YEAR + "/catalogue").getBody()).hasSize(3);

		// Every unit head confirms the unit's list as proposed (one UnitListProcess per unit).
		List<Task> unitTasks = tasks.createTaskQuery().processDefinitionKey("UnitListProcess")
			.processInstanceBusinessKeyLike(YEAR + ":%").taskDefinitionKey("Task_ConfirmUnitList").list();
		assertThat(unitTasks).hasSizeGreaterThan(1);
		for (Task unitTask : unitTasks) {
			String head = headOf(unitTask);
			complete(unitTask, head, Map.of("unitListRows", tasks.getVariableTyped(unitTask.getId(), "unitListRows")));
		}
		assertThat(political.get("/api/cycles/" + YEAR + "/unit-lists/" + UNIT_CODE).getBody())
			.containsEntry("confirmedBy", "chenjing");

		// The kick-off is an async job: run it, as the job executor would.
		moveTo(at(1, 5));
		assertThat(political.get("/api/cycles/" + YEAR).getBody()).containsEntry("state", "DEPLOYED");
		assertThat(political.get("/api/cycles/" + YEAR + "/kickoff").getBody()).containsEntry("state", "COMPLETED");

		// lina objects to item 2; chenjing answers with an adjusted line; lina then signs, as does everyone else.
		ApiClient lina = ApiClient.as(rest, "lina");
		Map<String, Object> list = ownList(lina);
		linaListId = ((Number) list.get("id")).longValue();
		assertThat(items(list)).extracting(item -> item.get("title")).containsExactly("谈心谈话", "集中政治轮训");
		tasks.complete(reviewList("lina").getId(),
				Map.of("listDecision", "object", "objectionItemNo", 2, "objectionReason", "今年已参加过集中轮训"));
		Task answer = tasks.createTaskQuery().processDefinitionKey("PersonalResponsibilityProcess")
			.processInstanceBusinessKey(YEAR + ":lina").taskCandidateUser("chenjing").singleResult();
		complete(answer, "chenjing", Map.of("objectionAnswer", "改为线上轮训", "adjustedItemRows",
				TestRows.json(TestRows.row("集中政治轮训", "线上完成", "网络学院", 20, "学习证明", null, List.of(), null, false))));
		for (String person : UNIT) {
			tasks.complete(reviewList(person).getId(), Map.of("listDecision", "sign"));
		}

		Map<String, Object> signed = lina.get("/api/lists/" + linaListId).getBody();
		assertThat(signed).containsEntry("state", "SIGNED");
		assertThat(signed.get("objections")).asString().contains("改为线上轮训", "chenjing");
		assertThat(items(signed).get(1)).containsEntry("target", "线上完成");
		assertThat(lina.get("/api/cycles/" + YEAR + "/progress").getBody()).containsEntry("signed", 5)
			.containsEntry("objected", 0);
	}

	@Test
	@Order(2)
	void recordDailyWork() {
		moveTo(at(3, 15));
		ApiClient lina = ApiClient.as(rest, "lina");
		Number itemId = (Number) items(lina.get("/api/lists/" + linaListId).getBody()).get(0).get("id");
		String path = "/api/lists/" + linaListId + "/items/" + itemId + "/evidence";

		ResponseEntity<Map<String, Object>> future = lina.send(HttpMethod.POST, path,
				Map.of("occurredOn", YEAR + "-04-01", "kind", "HEART_TO_HEART_TALK"));
		assertThat(future.getStatusCode()).as("not in the future").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		ResponseEntity<Map<String, Object>> recorded = lina.send(HttpMethod.POST, path, Map.of("occurredOn",
				YEAR + "-03-10", "kind", "HEART_TO_HEART_TALK", "note", "与唐亮谈心", "attachmentName", "谈话记录.pdf",
				"attachmentType", "application/pdf", "attachmentSize", 20480));
		assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		assertThat(items(lina.get("/api/lists/" + linaListId + "/progress").getBody()).get(0))
			.containsEntry("evidenceCount", 1).containsEntry("lastEvidenceOn", YEAR + "-03-10");
		assertThat(lina.get("/api/cycles/" + YEAR + "/progress").getBody()).containsEntry("evidenceRecords", 1);
	}

	@Test
	@Order(3)
	void inspectAndRectify() {
		moveTo(at(6, 7)); // Monday 7 June
		ApiClient zhoumin = ApiClient.as(rest, "zhoumin");
		Map<String, Object> opened = zhoumin.send(HttpMethod.POST, "/api/inspections", Map.of("year", YEAR, "unitCode",
				UNIT_CODE, "startsOn", YEAR + "-06-07", "endsOn", YEAR + "-06-11", "inspectors", List.of("zhoumin")))
			.getBody();
		assertThat(opened).containsEntry("status", "RECORDING");
		inspectionId = ((Number) opened.get("id")).longValue();
		ownKeys.add(String.valueOf(inspectionId));

		// One personal finding in Tasklist, then recording is finished.
		Task record = tasks.createTaskQuery().processDefinitionKey("MidYearInspectionProcess")
			.processInstanceBusinessKey(String.valueOf(inspectionId)).taskCandidateUser("zhoumin").singleResult();
		complete(record, "zhoumin",
				Map.of("findingTarget", "PERSON", "findingPerson", "yuanmeng", "findingDescription", "理论学习笔记不全",
						"findingSeverity", "MINOR", "findingRequirement", "补齐学习笔记", "findingDeadline",
						YEAR + "-06-30", "next", "finish"));
		List<Map<String, Object>> findings = zhoumin.getList("/api/inspections/" + inspectionId + "/findings").getBody();
		assertThat(findings).singleElement().satisfies(finding -> assertThat(finding).containsEntry("responsible", "yuanmeng"));
		findingId = ((Number) findings.get(0).get("id")).longValue();
		ownKeys.add(String.valueOf(findingId));
		assertThat(zhoumin.get("/api/inspections/" + inspectionId).getBody()).containsEntry("status", "RECTIFYING");

		// yuanmeng plans and submits evidence; zhoumin rejects once with a reason, then accepts.
		moveTo(at(6, 8));
		tasks.complete(rectificationTask("yuanmeng").getId(), Map.of("rectificationPlan", "两周内补齐学习笔记"));
		moveTo(at(6, 15));
		tasks.complete(rectificationTask("yuanmeng").getId(), Map.of("evidenceNote", "已补齐 6 次学习笔记"));
		complete(verifyTask(), "zhoumin", Map.of("verdict", "reject", "verdictReason", "缺少心得体会"));
		moveTo(at(6, 18));
		tasks.complete(rectificationTask("yuanmeng").getId(), Map.of("evidenceNote", "补充了心得体会"));
		complete(verifyTask(), "zhoumin", Map.of("verdict", "accept"));

		Map<String, Object> rectification = ApiClient.as(rest, "yuanmeng").get("/api/rectifications/" + findingId).getBody();
		assertThat(rectification).containsEntry("state", "CLOSED").containsEntry("rejections", 1)
			.containsEntry("overdue", false);
		assertThat(zhoumin.get("/api/inspections/" + inspectionId).getBody()).containsEntry("status", "CLOSED");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("MidYearInspectionProcess")
			.processInstanceBusinessKey(String.valueOf(inspectionId)).count()).isZero();
	}

	@Test
	@Order(4)
	void assess() {
		ZonedDateTime monday = at(12, 6); // Monday 6 December
		moveTo(monday);
		ApiClient committee = ApiClient.as(rest, "wuhao");
		Map<String, Object> opened = committee.send(HttpMethod.POST, "/api/assessments/" + YEAR + "/open",
				Map.of("units", List.of(UNIT_CODE))).getBody();
		assertThat((List<?>) opened.get("started")).hasSize(5);

		// 述职 by everyone.
		for (String person : UNIT) {
			tasks.complete(assessmentTask("Task_SubmitSelfSummary", person).getId(),
					Map.of("selfSummary", person + " 的" + YEAR + "年度个人总结"));
		}

		// 民主测评: four peers each; three votes end an evaluation. xiezhenhua is voted 优秀.
		for (String person : UNIT) {
			List<Task> peers = tasks.createTaskQuery().processDefinitionKey("AnnualAssessmentProcess")
				.processInstanceBusinessKey(YEAR + ":" + person).taskDefinitionKey("Task_EvaluatePeer").list();
			assertThat(peers).hasSize(4).extracting(Task::getAssignee).doesNotContain(person);
			for (Task vote : peers.subList(0, 3)) {
				tasks.complete(vote.getId(), Map.of("peerGrade", gradeOf(person), "peerRemark", "同意"));
			}
		}

		// 负责人评鉴: chenjing for her members, the head of the political department for chenjing.
		for (String person : UNIT) {
			String head = person.equals("chenjing") ? "liuzhiqiang" : "chenjing";
			Task propose = tasks.createTaskQuery().processDefinitionKey("AnnualAssessmentProcess")
				.processInstanceBusinessKey(YEAR + ":" + person).taskDefinitionKey("Task_ProposeGrade")
				.taskCandidateUser(head).singleResult();
			complete(propose, head, Map.of("proposedGrade", gradeOf(person), "headComment", "工作扎实"));
		}

		// The committee's review started by itself: one 优秀 of five is within the quota of one.
		Task review = unitTask("Task_ReviewUnit", "wuhao");
		assertThat(tasks.getVariable(review.getId(), "quotaText")).asString().contains("优秀名额 1 人");
		complete(review, "wuhao", Map.of());
		complete(unitTask("Task_DecideUnit", "wangjianguo"), "wangjianguo", Map.of("leadershipDecision", "approve"));

		// 公示: the list is visible to all staff; after five working days the timer ends it.
		assertThat(ApiClient.as(rest, "huangxin").getList("/api/assessments/" + YEAR + "/published").getBody())
			.singleElement()
			.satisfies(entry -> assertThat(entry).containsEntry("username", "xiezhenhua").containsEntry("grade", "EXCELLENT"));
		moveTo(monday.plusDays(4));
		assertThat(unitProcesses()).as("publicity still running on Friday").isOne();
		moveTo(monday.plusDays(7)); // Monday 13 December: five working days are over
		assertThat(unitProcesses()).isZero();

		// Notices acknowledged by everyone; then the review window passes and the results are archived.
		for (String person : UNIT) {
			tasks.complete(assessmentTask("Task_AcknowledgeNotice", person).getId(), Map.of("acknowledgement", "accept"));
		}
		moveTo(monday.plusDays(60));
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AnnualAssessmentProcess")
			.processInstanceBusinessKeyLike(YEAR + ":%").count()).isZero();

		// Queryable per staff member, per unit and per year.
		assertThat(ApiClient.as(rest, "lina").getList("/api/assessments?year=" + YEAR).getBody()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("username", "lina").containsEntry("finalGrade", "COMPETENT"));
		assertThat(ApiClient.as(rest, "chenjing").getList("/api/assessments?year=" + YEAR + "&unit=" + UNIT_CODE)
			.getBody()).hasSize(5);
		assertThat(committee.getList("/api/assessments?year=" + YEAR + "&unit=" + UNIT_CODE).getBody())
			.extracting(row -> row.get("username") + "=" + row.get("finalGrade"))
			.containsExactlyInAnyOrder("chenjing=COMPETENT", "lina=COMPETENT", "tangliang=COMPETENT",
					"xiezhenhua=EXCELLENT", "yuanmeng=COMPETENT");
		Map<String, Object> xiezhenhua = committee.get("/api/assessments/" + YEAR + "/people/xiezhenhua").getBody();
		assertThat(xiezhenhua).containsEntry("finalGrade", "EXCELLENT");
		assertThat((List<?>) xiezhenhua.get("history")).isNotEmpty();
		assertThat(ApiClient.as(rest, "huangxin").get("/api/assessments?unit=" + UNIT_CODE).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	// --- Tasklist as the people would use it -------------------------------------------------------------------

	/** Claims the task as a candidate (unless it is already theirs) and completes it. */

	@Test
	@Order(5)
	void closeTheYear() {
		ApiClient political = ApiClient.as(rest, "liuzhiqiang");
		assertThat(ApiClient.as(rest, "huangxin").send(HttpMethod.POST, "/api/cycles/" + YEAR + "/close", null)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		Map<String, Object> closed = political.send(HttpMethod.POST, "/api/cycles/" + YEAR + "/close", null).getBody();

		// POL-ORG signed and ends; the rest of the agency never signed in this test and stays open, counted.
		assertThat(closed).containsEntry("year", YEAR);
		assertThat(((Number) closed.get("closed")).intValue()).isEqualTo(UNIT.size());
		long unsigned = runtime.createProcessInstanceQuery().processDefinitionKey("PersonalResponsibilityProcess")
			.processInstanceBusinessKeyLike(YEAR + ":%").count();
		assertThat(((Number) closed.get("stillOpen")).longValue()).isEqualTo(unsigned);
		assertThat(political.get("/api/cycles/" + YEAR).getBody()).containsEntry("state", "CLOSED");
		for (String member : UNIT) {
			assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(YEAR + ":" + member).count())
				.isZero();
		}
		// Closing again changes nothing; a year that was never deployed cannot be closed.
		assertThat(political.send(HttpMethod.POST, "/api/cycles/" + YEAR + "/close", null).getBody())
			.containsEntry("closed", 0);
	}

	private void complete(Task task, String username, Map<String, Object> variables) {
		assertThat(task).as("task for " + username).isNotNull();
		if (!username.equals(task.getAssignee())) {
			assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateUser(username).count())
				.as(username + " is a candidate of " + task.getName()).isOne();
			tasks.claim(task.getId(), username);
		}
		tasks.complete(task.getId(), variables);
	}

	private String headOf(Task task) {
		String group = tasks.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElseThrow();
		List<User> heads = identity.createUserQuery().memberOfGroup(group).list();
		assertThat(heads).as("members of " + group).isNotEmpty();
		return heads.get(0).getId();
	}

	private Task cycleTask(String key) {
		return tasks.createTaskQuery().processDefinitionKey("AnnualCycleProcess")
			.processInstanceBusinessKey(String.valueOf(YEAR)).taskDefinitionKey(key).singleResult();
	}

	private Task reviewList(String username) {
		return tasks.createTaskQuery().processDefinitionKey("PersonalResponsibilityProcess")
			.processInstanceBusinessKey(YEAR + ":" + username).taskDefinitionKey("Task_ReviewPersonalList")
			.taskAssignee(username).singleResult();
	}

	private Task rectificationTask(String assignee) {
		return tasks.createTaskQuery().processDefinitionKey("RectificationProcess")
			.processInstanceBusinessKey(String.valueOf(findingId)).taskAssignee(assignee).singleResult();
	}

	private Task verifyTask() {
		return tasks.createTaskQuery().processDefinitionKey("RectificationProcess")
			.processInstanceBusinessKey(String.valueOf(findingId)).taskDefinitionKey("Task_VerifyRectification")
			.singleResult();
	}

	private Task assessmentTask(String key, String assignee) {
		return tasks.createTaskQuery().processDefinitionKey("AnnualAssessmentProcess")
			.processInstanceBusinessKey(YEAR + ":" + assignee).taskDefinitionKey(key).taskAssignee(assignee)
			.singleResult();
	}

	private Task unitTask(String key, String candidate) {
		return tasks.createTaskQuery().processDefinitionKey("AssessmentCommitteeProcess")
			.processInstanceBusinessKey(YEAR + ":" + UNIT_CODE).taskDefinitionKey(key).taskCandidateUser(candidate)
			.singleResult();
	}

	private long unitProcesses() {
		return runtime.createProcessInstanceQuery().processDefinitionKey("AssessmentCommitteeProcess")
			.processInstanceBusinessKey(YEAR + ":" + UNIT_CODE).count();
	}

	private static String gradeOf(String person) {
		return person.equals("xiezhenhua") ? "EXCELLENT" : "COMPETENT";
	}

	private Map<String, Object> ownList(ApiClient user) {
		return user.getList("/api/lists").getBody().stream()
			.filter(list -> ((Number) list.get("year")).intValue() == YEAR)
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(Map<String, Object> list) {
		return (List<Map<String, Object>>) list.get("items");
	}

	// --- the engine clock and this year's jobs -----------------------------------------------------------------

	private static ZonedDateTime at(int month, int day) {
		return ZonedDateTime.of(YEAR, month, day, 9, 0, 0, 0, ZONE);
	}

	/** Moves the engine clock and runs this year's jobs then due, repeatedly, as the job executor would. */
	private void moveTo(ZonedDateTime when) {
		ClockUtil.setCurrentTime(Date.from(when.toInstant()));
		Date dueBy = Date.from(when.toInstant().plusSeconds(1));
		for (List<Job> due = dueJobs(dueBy); !due.isEmpty(); due = dueJobs(dueBy)) {
			due.forEach(job -> management.executeJob(job.getId()));
		}
	}

	private List<Job> dueJobs(Date dueBy) {
		return management.createJobQuery().executable().list().stream()
			.filter(job -> job.getDuedate() == null || job.getDuedate().before(dueBy))
			// Deadline jobs (TaskDeadlineJob) belong to no process.
			.filter(job -> job.getProcessDefinitionKey() != null && OWN_PROCESSES.contains(job.getProcessDefinitionKey()))
			.filter(job -> own(runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
				.singleResult()))
			.toList();
	}

	private boolean own(ProcessInstance instance) {
		if (instance == null || instance.getBusinessKey() == null) {
			return false;
		}
		String key = instance.getBusinessKey();
		return key.equals(String.valueOf(YEAR)) || key.startsWith(YEAR + ":") || ownKeys.contains(key);
	}

}
