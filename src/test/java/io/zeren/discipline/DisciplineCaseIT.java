package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.zeren.assessment.SanctionsInForce;
import io.zeren.shared.RuleViolationException;
import io.zeren.support.ApiClient;
import io.zeren.support.EngineTime;

/**
 * A case on the demo agency, as the lead register will start it: FilingProposed is published inside the disposal's
 * transaction; leadership (wangjianguo) approves, the office (zhaolei) investigates, the subject (huangxin) answers
 * the findings addressed to him, case review (sunli) forwards, leadership decides 记过 (DEMERIT) against the
 * suggested 党内警告 with a reason. The sanction caps huangxin's grade through Decision_GradeCap and bars promotion;
 * a year later the engine clock passes its end, it is lifted and huangxin and his unit head zhengyang are mailed.
 * Tasks are worked through the engine REST API as the demo users; reads of the case file are checked and audited.
 * The lead rows are written directly ({@link LeadRows}): the case starts from a lead already disposed of.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LeadRows.class)
class DisciplineCaseIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 4 March 2052, 09:00 in Beijing (a year no other test uses). */
	static final ZonedDateTime START = ZonedDateTime.of(2052, 3, 4, 9, 0, 0, 0, ZONE);

	static final long LEAD = 905_201L;

	static final long OTHER_LEAD = 905_202L;

	static final String REPORT = "内部审查调查报告：证人甲、乙证言，银行流水，线索来源另卷保存。";

	static final String FINDINGS = "2052 年春节期间收受管理服务对象所送购物卡两张，价值 2000 元。";

	@Autowired
	LeadRows parties;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DisciplineAudit audit;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	DecisionService decisions;

	@Autowired
	SanctionsInForce sanctionsInForce;

	@Autowired
	io.zeren.assessment.Assessments assessments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	long outboxBefore;

	/** Audit entries that existed before the test: other tests share the database, and id order is no guide. */
	java.util.Set<Long> auditBefore;

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
		parties.put(LEAD, "huangxin", "lina", "OPS-1");
		parties.put(OTHER_LEAD, "huangxin", null, "OPS-1");
		outboxBefore = jdbc.queryForObject("select coalesce(max(id), 0) from zr_mail_outbox", Long.class);
		auditBefore = new java.util.HashSet<>(jdbc.queryForList("select id from zr_dis_audit", Long.class));
	}

	@AfterEach
	void cleanUp() {
		for (String key : List.of(DisciplineProcesses.CASE, DisciplineProcesses.SUBJECT_TASK,
				DisciplineProcesses.SANCTION_TERM)) {
			runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		}
		history.createHistoricProcessInstanceQuery().processDefinitionKey("TaskDeadlineProcess")
			.startedAfter(Date.from(START.toInstant().minusSeconds(5))).unfinished().list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		// Other ITs count mails in the outbox and read sanctions in force: ours go.
		jdbc.update("delete from zr_mail_part where outbox_id > ?", outboxBefore);
		jdbc.update("delete from zr_mail_outbox where id > ?", outboxBefore);
		jdbc.update("delete from zr_dis_sanction where lead_id in (?, ?)", LEAD, OTHER_LEAD);
		parties.remove(LEAD);
		parties.remove(OTHER_LEAD);
		ClockUtil.reset();
	}

	@Test
	void shouldRunACaseToADemeritThatCapsTheGradeAndLiftsOnItsOwn() {
		// The lead register publishes the proposal in the disposal's transaction.
		inTransaction(() -> events.publishEvent(new FilingProposed(LEAD, "纪线〔2052〕0001号", "huangxin",
				"反映黄鑫违规收受管理服务对象礼品", "初步核实：基本属实", "zhaolei")));
		ProcessInstance caseInstance = runtime.createProcessInstanceQuery()
			.processDefinitionKey(DisciplineProcesses.CASE)
			.variableValueEquals("leadId", LEAD)
			.singleResult();
		String caseNumber = caseInstance.getBusinessKey();
		assertThat(caseNumber).matches("纪案〔2052〕\\d{4}号");
		assertThat(runtime.getVariables(caseInstance.getId())).containsEntry("leadId", LEAD)
			.containsEntry("subject", "huangxin")
			.containsEntry("caseNumber", caseNumber);
		long caseId = ((Number) runtime.getVariable(caseInstance.getId(), "caseId")).longValue();

		// A second proposal on a lead with an open case is refused, and the publisher's own work rolls back.
		assertThatThrownBy(() -> inTransaction(() -> {
			audit.changed("zhaolei", "TEST_DISPOSAL", LEAD, "纪线〔2052〕0001号", "disposal that proposes filing again");
			events.publishEvent(new FilingProposed(LEAD, "纪线〔2052〕0001号", "huangxin", "再次建议立案", "同上", "zhaolei"));
		})).isInstanceOf(RuleViolationException.class);
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_audit where action = 'TEST_DISPOSAL'", Integer.class))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_case where lead_id = ?", Integer.class, LEAD))
			.isEqualTo(1);

		// 立案审批 by the leadership; the subject and the informant are no candidates anywhere.
		Task approval = openTask(caseNumber, CaseProcess.TASK_APPROVE_FILING);
		assertThat(candidates(approval)).contains("wangjianguo").doesNotContain("huangxin", "lina");
		work("wangjianguo", approval, Map.of("filingDecision", "approve"));

		// 审查调查 by the office: zhaolei and dongwen may take it, huangxin's supervisor zhengyang may not.
		Task investigation = openTask(caseNumber, CaseProcess.TASK_INVESTIGATE);
		assertThat(candidates(investigation)).contains("zhaolei", "dongwen").doesNotContain("zhengyang", "huangxin");
		assertThat(investigation.getDueDate()).isAfter(Date.from(START.plusDays(89).toInstant()));
		ResponseEntity<String> refused = complete("zhaolei", investigation, Map.of("investigationAction", "submit"));
		assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(refused.getBody()).contains("请填写告知被审查人的事实认定");
		work("zhaolei", openTask(caseNumber, CaseProcess.TASK_INVESTIGATE), Map.of("investigationAction", "submit",
				"findingsForSubject", FINDINGS, "investigationReport", REPORT, "severity", "SERIOUS", "circumstances",
				"NONE"));

		// 陈述申辩: huangxin's own task sees the findings addressed to him, not the internal report.
		Task statement = tasks.createTaskQuery().taskAssignee("huangxin").processInstanceBusinessKey(caseNumber)
			.singleResult();
		assertThat(statement.getTaskDefinitionKey()).isEqualTo("Task_MakeStatement");
		Map<String, Object> visible = tasks.getVariables(statement.getId());
		assertThat(visible).containsEntry("content", FINDINGS).doesNotContainKeys("investigationReport", "filingBasis",
				"reviewOpinion", "caseId", "informant");
		assertThat(visible.values()).doesNotContain(REPORT, "lina");
		work("huangxin", statement, Map.of("statement", "对价值认定有异议"));

		// 审理 by case review.
		Task review = openTask(caseNumber, CaseProcess.TASK_REVIEW);
		assertThat(candidates(review)).contains("sunli").doesNotContain("zhaolei");
		work("sunli", review, Map.of("reviewAction", "forward", "reviewOpinion", "事实清楚，证据确实充分"));

		// 作出决定: the table suggests 党内警告 (huangxin is a party member); 记过 needs a reason.
		Task decision = openTask(caseNumber, CaseProcess.TASK_DECIDE);
		assertThat(tasks.getVariables(decision.getId())).containsEntry("suggestedOutcome", "PARTY_WARNING")
			.containsEntry("suggestedForm", 2);
		ResponseEntity<String> noReason = complete("wangjianguo", decision, Map.of("decidedOutcome", "DEMERIT"));
		assertThat(noReason.getBody()).contains("请写明理由");
		work("wangjianguo", openTask(caseNumber, CaseProcess.TASK_DECIDE),
				Map.of("decidedOutcome", "DEMERIT", "deviationReason", "本人系公务员，同时给予政务处分"));

		// The sanction is in force: it caps the grade (Decision_GradeCap) and bars promotion.
		Instant now = START.toInstant().plusSeconds(60);
		assertThat(sanctionsInForce.strictest("huangxin", now)).contains("DEMERIT");
		assertThat(sanctionsInForce.strictest("zhengyang", now)).isEmpty();
		assertThat(gradeCap(sanctionsInForce.strictest("huangxin", now).orElse("NONE"))).isEqualTo("COMPETENT");
		assertThat(gradeCap(sanctionsInForce.strictest("zhengyang", now).orElse("NONE"))).isEqualTo("EXCELLENT");
		// ... and the same year's assessment reads it: huangxin proposed 优秀 with every vote 优秀 is recommended 称职.
		jdbc.update("delete from zr_assessment where asmt_year = 2052 and username = 'huangxin'");
		jdbc.update("""
				insert into zr_assessment (id, asmt_year, username, unit_code, status, peer_count, votes_required,
				  proposed_grade, created_at, version_no)
				values (-2052, 2052, 'huangxin', 'OPS-1', 'HEAD_REVIEW', 0, 0, 'EXCELLENT', current_timestamp, 0)""");
		Map<String, Object> gradeInputs = new HashMap<>(assessments.gradeInputs(-2052));
		assertThat(gradeInputs).containsEntry("sanction", "DEMERIT");
		gradeInputs.put("peerVotes", 5);
		gradeInputs.put("excellentVoteShare", 1.0);
		gradeInputs.put("incompetentVoteShare", 0.0);
		assertThat(decisions.evaluateDecisionTableByKey("Decision_AssessmentGrade", gradeInputs).getSingleResult()
			.<String>getEntry("recommendedGrade")).isEqualTo("COMPETENT");
		jdbc.update("delete from zr_assessment where id = -2052");
		assertThat(outbox("huangxin", "discipline-decision:" + caseId)).isEqualTo(1);

		// Reads: the office reads the whole file, the subject and an outsider are refused; all on the audit trail.
		ApiClient zhaolei = ApiClient.as(rest, "zhaolei");
		assertThat(zhaolei.getList("/api/discipline/cases").getBody())
			.anySatisfy(row -> assertThat(row).containsEntry("caseNumber", caseNumber));
		Map<String, Object> file = zhaolei.get("/api/discipline/cases/" + caseId).getBody();
		assertThat((Map<String, Object>) file.get("file")).containsEntry("investigationReport", REPORT)
			.containsEntry("decidedOutcome", "DEMERIT")
			.containsEntry("suggestedOutcome", "PARTY_WARNING")
			.containsEntry("deviationReason", "本人系公务员，同时给予政务处分");
		assertThat((List<Map<String, Object>>) file.get("sanctions")).singleElement()
			.satisfies(s -> assertThat(s).containsEntry("kind", "DEMERIT").containsEntry("status", "IN_FORCE"));
		ResponseEntity<Map<String, Object>> subjectRead = ApiClient.as(rest, "huangxin").get("/api/discipline/cases/" + caseId);
		assertThat(subjectRead.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(String.valueOf(subjectRead.getBody().get("detail"))).contains("无权查看案件").contains(caseNumber);
		assertThat(ApiClient.as(rest, "lina").get("/api/discipline/cases").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(ApiClient.as(rest, "lina").get("/api/discipline/sanctions?username=huangxin").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		List<Map<String, Object>> own = ApiClient.as(rest, "huangxin").getList("/api/discipline/sanctions?username=huangxin")
			.getBody();
		assertThat(own).singleElement().satisfies(s -> assertThat(s).containsEntry("kind", "DEMERIT")
			.doesNotContainKeys("investigationReport", "reviewOpinion"));
		assertThat(audited("zhaolei", "CASE_VIEWED")).isEqualTo(2);
		assertThat(audited("huangxin", "READ_DENIED")).isEqualTo(1);
		assertThat(audited("lina", "READ_DENIED")).isEqualTo(2);

		Instant endsAt = START.plusMonths(12).toInstant();
		Map<String, Object> eligibility = ApiClient.as(rest, "liuzhiqiang")
			.get("/api/discipline/promotion-eligibility/huangxin").getBody();
		assertThat(eligibility).containsEntry("eligible", false).containsEntry("indefinitely", false);
		assertThat(Instant.parse((String) eligibility.get("blockedUntil"))).isEqualTo(endsAt);
		assertThat(ApiClient.as(rest, "huangxin").get("/api/discipline/promotion-eligibility/huangxin").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		// huangxin acknowledges without appeal: archived, the term runs on.
		Task acknowledge = tasks.createTaskQuery().taskAssignee("huangxin").processInstanceBusinessKey(caseNumber)
			.singleResult();
		assertThat(acknowledge.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgeDecision");
		assertThat(acknowledge.getDueDate()).isEqualTo(Date.from(START.plusMonths(1).toInstant()));
		assertThat((String) tasks.getVariable(acknowledge.getId(), "content")).contains("记过").doesNotContain(REPORT);
		work("huangxin", acknowledge, Map.of("acknowledged", true, "appeal", "no"));
		assertThat(jdbc.queryForObject("select status from zr_dis_case where id = ?", String.class, caseId))
			.isEqualTo("ARCHIVED");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DisciplineProcesses.SANCTION_TERM)
			.processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);

		// No variable anywhere in the case, the subject's tasks or the term names the informant.
		assertThat(history.createHistoricVariableInstanceQuery().list().stream()
			.filter(v -> caseNumber.equals(businessKeyOf(v)))
			.map(HistoricVariableInstance::getValue)).doesNotContain("lina");

		// A year later the period is over: lifted, huangxin and his unit head told, promotion open again.
		EngineTime.moveTo(management, START.plusMonths(12).plusDays(1));
		assertThat(jdbc.queryForObject("select status from zr_dis_sanction where case_id = ?", String.class, caseId))
			.isEqualTo("LIFTED");
		assertThat(sanctionsInForce.strictest("huangxin", START.plusMonths(12).plusDays(1).toInstant())).isEmpty();
		assertThat(outbox("huangxin", "discipline-sanction-lifted:%")).isEqualTo(1);
		assertThat(outbox("zhengyang", "discipline-sanction-lifted:%")).isEqualTo(1);
		assertThat(ApiClient.as(rest, "liuzhiqiang").get("/api/discipline/promotion-eligibility/huangxin").getBody())
			.containsEntry("eligible", true);
	}

	// --- helpers ----------------------------------------------------------------------------------------------

	private void inTransaction(Runnable work) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
	}

	private Task openTask(String caseNumber, String key) {
		return tasks.createTaskQuery().processDefinitionKey(DisciplineProcesses.CASE)
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey(key)
			.singleResult();
	}

	private List<String> candidates(Task task) {
		return tasks.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> "candidate".equals(link.getType()))
			.map(link -> link.getUserId())
			.toList();
	}

	/** Works the task as the user and expects it done. */
	private void work(String user, Task task, Map<String, Object> variables) {
		ResponseEntity<String> done = complete(user, task, variables);
		assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	/** Claims (unless assigned) and completes the task through the engine REST API as the user. */
	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> variables) {
		return ApiClient.as(rest, user).completeTask(task.getId(), task.getAssignee(), user, variables);
	}

	private String gradeCap(String sanction) {
		return decisions.evaluateDecisionTableByKey("Decision_GradeCap", Map.of("sanction", sanction))
			.getSingleResult()
			.getEntry("gradeCap");
	}

	private int outbox(String recipient, String dedupKey) {
		return jdbc.queryForObject("select count(*) from zr_mail_outbox where recipient = ? and dedup_key like ?",
				Integer.class, recipient, dedupKey + "%");
	}

	private int audited(String actor, String action) {
		// Entries of this test only: other tests share the database (and the PostgreSQL run keeps it).
		return (int) jdbc.queryForList("select id from zr_dis_audit where actor = ? and action = ?"
				+ " and (lead_id = ? or lead_id is null and ? = 'READ_DENIED')", Long.class, actor, action, LEAD, action)
			.stream().filter(id -> !auditBefore.contains(id)).count();
	}

	private String businessKeyOf(HistoricVariableInstance variable) {
		var instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(variable.getProcessInstanceId())
			.singleResult();
		return instance == null ? null : instance.getBusinessKey();
	}

}
