package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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

import io.zeren.support.ApiClient;
import io.zeren.support.WebappSession;

/**
 * The discipline findings of issue 16, tried the way a hostile staff member would with their own login: the
 * subject rewrites his task's {@code leadId}/{@code subject} to reach another case (1); hands his statement to his
 * unit head (2); people who may not know probe for a confidential lead (7); the informant asks about the
 * subject's promotion (12); and reads of the task's variables and task lists are audited with the real reader and
 * the true lead even after the tampering (13). The HTTP doors to the engine are closed by another gate; the
 * rules here must hold at the engine, so the attacks go through TaskService as the attacker.
 * <p>
 * huangxin (OPS-1) is the subject of a filed case and holds his 陈述申辩 task; chenjing (head of the political
 * department's cadre section) reported him; zhengyang is his unit head. A second lead, against luowenbo, is filed
 * as a case too: that is the file huangxin tries to reach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInsiderIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 5 March 2057, 09:00 in Beijing (a year no other test uses). */
	static final ZonedDateTime START = ZonedDateTime.of(2057, 3, 5, 9, 0, 0, 0, ZONE);

	static final String REPORT = "初步核实报告：反映问题基本属实。";

	static final String FINDINGS = "2057 年春节期间收受管理服务对象所送购物卡一张。";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	/** huangxin's lead and case. */
	long leadId;

	long caseId;

	String caseInstance;

	Task statement;

	/** The other lead (against luowenbo) and its case. */
	long otherLeadId;

	long otherCaseId;

	@BeforeEach
	void twoCases() {
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
		leadId = register("huangxin", "OPS-1", "chenjing");
		caseInstance = toCase(leadId);
		caseId = caseIdOf(leadId);
		work("wangjianguo", task(caseInstance, CaseProcess.TASK_APPROVE_FILING), Map.of("filingDecision", "approve"));
		work("dongwen", task(caseInstance, CaseProcess.TASK_INVESTIGATE), Map.of("investigationAction", "submit",
				"findingsForSubject", FINDINGS, "investigationReport", REPORT, "severity", "SERIOUS",
				"circumstances", "NONE"));
		statement = tasks.createTaskQuery().processDefinitionKey(DisciplineProcesses.SUBJECT_TASK)
			.processInstanceBusinessKey(caseNumber(caseId)).taskAssignee("huangxin").singleResult();
		assertThat(statement.getTaskDefinitionKey()).isEqualTo("Task_MakeStatement");

		otherLeadId = register("luowenbo", "POL", null);
		toCase(otherLeadId);
		otherCaseId = caseIdOf(otherLeadId);
	}

	@AfterEach
	void cleanUp() {
		identity.clearAuthentication();
		for (String key : DisciplineProcesses.CONFIDENTIAL) {
			runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		}
		ClockUtil.reset();
	}

	// --- finding 1 ------------------------------------------------------------------------------------------

	@Test
	void shouldNotLetTheSubjectReachAnotherCaseByRewritingHisTasksVariables() {
		// He may work his task but not write its variables (the engine's task permission is TASK_WORK) ...
		assertThatThrownBy(() -> as("huangxin",
				() -> tasks.setVariable(statement.getId(), DisciplineProcesses.VAR_LEAD_ID, otherLeadId)))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		// ... and even if a door let the other lead's id and another subject in, nothing that grants access reads them.
		tasks.setVariable(statement.getId(), DisciplineProcesses.VAR_LEAD_ID, otherLeadId);
		tasks.setVariable(statement.getId(), DisciplineProcesses.VAR_SUBJECT, "luowenbo");
		// Taking the statement off him and back (which once re-read those variables) is refused: a personal task is
		// never unclaimed, whatever the door.
		assertThatThrownBy(() -> tasks.setAssignee(statement.getId(), null)).hasMessageContaining("不能取消认领");
		assertThat(tasks.createTaskQuery().taskId(statement.getId()).singleResult().getAssignee()).isEqualTo("huangxin");

		assertThat(participations(otherLeadId, "huangxin")).isZero();
		assertThat(ApiClient.as(rest, "huangxin").get("/api/discipline/cases/" + otherCaseId).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(ApiClient.as(rest, "huangxin").get("/api/discipline/cases/" + caseId).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// On his own lead he is the subject and nothing more.
		assertThat(jdbc.queryForList("select distinct duty from zr_dis_participant where lead_id = ? and username = ?",
				String.class, leadId, "huangxin")).containsExactly("SUBJECT");

		// Nor can he smuggle the other lead's subject in by naming someone else on his own task.
		assertThatThrownBy(() -> tasks.addCandidateUser(statement.getId(), "dongwen")).hasMessageContaining("只能由本人办理");
	}

	// --- finding 2 ------------------------------------------------------------------------------------------

	@Test
	void shouldKeepTheStatementWithTheSubjectWhoeverTriesToMoveIt() {
		// The subject may not hand his task on (no TASK_ASSIGN) ...
		assertThatThrownBy(() -> as("huangxin", () -> tasks.delegateTask(statement.getId(), "zhengyang")))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		// ... and the engine keeps it with him whoever asks, the system included.
		assertThatThrownBy(() -> tasks.delegateTask(statement.getId(), "zhengyang")).hasMessageContaining("只能由本人办理")
			.hasMessageContaining("zhengyang");
		// The attempt is on the security audit trail, though the engine rolled it back.
		assertThat(jdbc.queryForObject("select count(*) from zr_sec_audit where action = 'DISCIPLINE_TASK_MOVE'"
				+ " and outcome = 'REFUSED' and target like ?", Long.class, "task " + statement.getId() + "%")).isOne();
		// The supervisor's 改派 (the office head supervises discipline tasks) is refused the same way.
		ResponseEntity<String> reassigned = ApiClient.as(rest, "zhaolei").sendRaw(HttpMethod.POST,
				"/api/tasks/" + statement.getId() + "/reassign", "{\"assignee\":\"zhengyang\"}");
		assertThat(reassigned.getStatusCode().is2xxSuccessful()).as(reassigned.getBody()).isFalse();
		assertThat(reassigned.getBody()).doesNotContain("Exception", "null");

		Task now = tasks.createTaskQuery().taskId(statement.getId()).singleResult();
		assertThat(now.getAssignee()).isEqualTo("huangxin");
		assertThat(now.getOwner()).isNull();
		assertThat(participations(leadId, "zhengyang")).isZero();
		assertThat(ApiClient.as(rest, "zhengyang").get("/api/discipline/cases/" + caseId).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		// Also not after the statement is given.
		work("huangxin", statement, Map.of("statement", "对认定的事实无异议"));
		assertThat(ApiClient.as(rest, "zhengyang").get("/api/discipline/cases/" + caseId).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldTakeAccessAwayFromThoseATaskWasTakenFromBeforeTheyWorkedIt() {
		// The filing approval of the other case is offered to the free leadership: each may read the file.
		Task approval = tasks.createTaskQuery().processDefinitionKey(DisciplineProcesses.CASE)
			.processInstanceBusinessKey(caseNumber(otherCaseId)).taskDefinitionKey(CaseProcess.TASK_APPROVE_FILING)
			.singleResult();
		assertThat(ApiClient.as(rest, "liweidong").get("/api/discipline/cases/" + otherCaseId).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		// An injected candidate who may not take the work is refused at the engine.
		assertThatThrownBy(() -> tasks.addCandidateUser(approval.getId(), "zhengyang"))
			.hasMessageContaining("zhengyang");
		assertThatThrownBy(() -> tasks.addCandidateGroup(approval.getId(), "zeren-staff"))
			.hasMessageContaining("用户组");

		// The offer to liweidong is withdrawn before he did anything: he no longer reads the file.
		tasks.deleteCandidateUser(approval.getId(), "liweidong");
		assertThat(ApiClient.as(rest, "liweidong").get("/api/discipline/cases/" + otherCaseId).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		// wangjianguo works it and keeps reading; the leaders merely offered it do not.
		assertThat(ApiClient.as(rest, "zhanghongmei").get("/api/discipline/cases/" + otherCaseId).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		work("wangjianguo", approval, Map.of("filingDecision", "approve"));
		assertThat(ApiClient.as(rest, "wangjianguo").get("/api/discipline/cases/" + otherCaseId).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(ApiClient.as(rest, "zhanghongmei").get("/api/discipline/cases/" + otherCaseId).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	// --- finding 7 ------------------------------------------------------------------------------------------

	@Test
	void shouldAnswerNewInformationTheSameWayWhetherOrNotTheLeadExists() {
		// A lead set aside against tangliang: the kind of lead whose existence is the secret.
		long setAside = register("tangliang", "POL-ORG", null);
		String instance = instanceOf(setAside, DisciplineProcesses.LEAD_DISPOSAL);
		work("zhaolei", task(instance, "Task_DecideDisposal"), Map.of("disposal", "SET_ASIDE",
				"disposalReason", "暂无核实条件"));
		long missing = setAside + 10_000;

		for (String prober : List.of("lina", "huangxin", "zhengyang", "liuzhiqiang")) {
			ApiClient client = ApiClient.as(rest, prober);
			ResponseEntity<String> existing = client.sendRaw(HttpMethod.POST,
					"/api/discipline/leads/" + setAside + "/information", "{\"text\":\"补充材料\"}");
			ResponseEntity<String> absent = client.sendRaw(HttpMethod.POST,
					"/api/discipline/leads/" + missing + "/information", "{\"text\":\"补充材料\"}");
			assertThat(existing.getStatusCode()).as(prober).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(absent.getStatusCode()).as(prober).isEqualTo(existing.getStatusCode());
			assertThat(message(absent)).as(prober).isEqualTo(message(existing));
		}
		// Nothing reached the waiting process: the lead is still set aside.
		assertThat(jdbc.queryForObject("select status from zr_dis_lead where id = ?", String.class, setAside))
			.isEqualTo("SET_ASIDE");

		// The office adds information: the system correlates with the lead's own instance and wakes it up.
		ResponseEntity<String> added = ApiClient.as(rest, "zhaolei").sendRaw(HttpMethod.POST,
				"/api/discipline/leads/" + setAside + "/information", "{\"text\":\"收到新的举报材料\"}");
		assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(task(instance, "Task_DecideDisposal")).isNotNull();
	}

	// --- finding 12 -----------------------------------------------------------------------------------------

	@Test
	void shouldTellPromotionEligibilityOnlyToThoseWhoNeedToKnowAndNeverToTheInformant() {
		String path = "/api/discipline/promotion-eligibility/huangxin";
		// chenjing heads the cadre section but reported huangxin: refused, like any other staff of the department.
		for (String refused : List.of("chenjing", "luowenbo", "songjia", "huangxin", "zhengyang")) {
			ResponseEntity<String> answer = ApiClient.as(rest, refused).sendRaw(HttpMethod.GET, path, null);
			assertThat(answer.getStatusCode()).as(refused).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(answer.getBody()).contains("晋升资格").doesNotContain("blockedUntil", "eligible\"");
		}
		// The department's head and the section's deputy, and the leadership, get the answer and nothing more.
		for (String reader : List.of("liuzhiqiang", "xiezhenhua", "wangjianguo")) {
			ResponseEntity<Map<String, Object>> answer = ApiClient.as(rest, reader).get(path);
			assertThat(answer.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
			assertThat(answer.getBody()).containsOnlyKeys("username", "eligible", "blockedUntil", "indefinitely");
		}
		assertThat(audited("chenjing", "READ_DENIED", null)).isPositive();
		assertThat(audited("xiezhenhua", "ELIGIBILITY_VIEWED", null)).isPositive();
	}

	// --- finding 13 -----------------------------------------------------------------------------------------

	@Test
	void shouldAuditVariableReadsAndTaskListsWithTheRealReaderAndTheTrueLead() {
		// huangxin points his task at the other lead first: the audit must not follow him there.
		tasks.setVariable(statement.getId(), DisciplineProcesses.VAR_LEAD_ID, otherLeadId);
		long before = audited("huangxin", null, leadId);

		ApiClient huangxin = ApiClient.as(rest, "huangxin");
		huangxin.sendRaw(HttpMethod.GET, "/engine-rest/task/" + statement.getId() + "/variables/content", null);
		huangxin.sendRaw(HttpMethod.GET, "/engine-rest/task/" + statement.getId() + "/variables/content/data", null);
		huangxin.sendRaw(HttpMethod.GET, "/engine-rest/task/" + statement.getId() + "/localVariables/content", null);
		assertThat(jdbc.queryForList("select detail from zr_dis_audit where actor = 'huangxin' and lead_id = ?"
				+ " and action in ('TASK_VIEWED', 'READ_DENIED')", String.class, leadId))
			.anySatisfy(detail -> assertThat(detail).endsWith("variables/content"))
			.anySatisfy(detail -> assertThat(detail).endsWith("variables/content/data"))
			.anySatisfy(detail -> assertThat(detail).endsWith("localVariables/content"));
		assertThat(audited("huangxin", "TASK_VIEWED", otherLeadId)).isZero();

		// Task lists, both doors: one line per discipline task returned, with the true lead.
		huangxin.getList("/engine-rest/task?assignee=huangxin");
		WebappSession tasklist = WebappSession.login(rest, "huangxin", "tasklist");
		assertThat(tasklist.get("/camunda/api/engine/engine/default/task?assignee=huangxin").getBody())
			.contains(statement.getId());
		assertThat(audited("huangxin", "TASK_LISTED", leadId)).isGreaterThanOrEqualTo(2);
		assertThat(audited("huangxin", null, leadId)).isGreaterThan(before);
		assertThat(audited("huangxin", "TASK_LISTED", otherLeadId)).isZero();

		// Ordinary staff pay nothing and leave no line.
		ApiClient.as(rest, "songjia").getList("/engine-rest/task");
		assertThat(audited("songjia", "TASK_LISTED", null)).isZero();
	}

	// --- helpers ----------------------------------------------------------------------------------------------

	/** Registers a lead through the API as the office head; returns its id. */
	private long register(String subject, String unit, String informant) {
		Map<String, Object> request = new HashMap<>();
		request.put("source", "LETTER_REPORT");
		request.put("subject", subject);
		request.put("unitCode", unit);
		request.put("title", "反映" + subject + "违规问题");
		request.put("summary", "来信反映" + subject + "违规收受礼品");
		request.put("receivedOn", LocalDate.of(2057, 3, 1).toString());
		request.put("informantName", informant == null ? "匿名" : informant);
		if (informant != null) {
			request.put("informantUsername", informant);
		}
		ResponseEntity<Map<String, Object>> registered = ApiClient.as(rest, "zhaolei").send(HttpMethod.POST,
				"/api/discipline/leads", request);
		assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
		return ((Number) registered.getBody().get("id")).longValue();
	}

	/** Disposal, verification and confirmation through the engine REST API: the lead becomes a case. */
	private String toCase(long lead) {
		String instance = instanceOf(lead, DisciplineProcesses.LEAD_DISPOSAL);
		work("zhaolei", task(instance, "Task_DecideDisposal"), Map.of("disposal", "PRELIMINARY_VERIFICATION",
				"handler", "dongwen", "disposalReason", "反映具体，需初步核实"));
		work("dongwen", task(instance, "Task_PreliminaryVerification"),
				Map.of("verificationReport", REPORT, "recommendation", "FILE_CASE"));
		work("zhaolei", task(instance, "Task_ConfirmVerification"), Map.of("confirmation", "AGREE"));
		return instanceOf(lead, DisciplineProcesses.CASE);
	}

	/** The running instance the system recorded for a lead. */
	private String instanceOf(long lead, String processKey) {
		return jdbc.queryForObject("select process_instance_id from zr_dis_instance where lead_id = ? and process_key = ?",
				String.class, lead, processKey);
	}

	private long caseIdOf(long lead) {
		return jdbc.queryForObject("select id from zr_dis_case where lead_id = ?", Long.class, lead);
	}

	private String caseNumber(long id) {
		return jdbc.queryForObject("select case_number from zr_dis_case where id = ?", String.class, id);
	}

	private Task task(String processInstanceId, String key) {
		return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
	}

	private void work(String user, Task task, Map<String, Object> variables) {
		assertThat(task).as("task for " + user).isNotNull();
		ResponseEntity<String> done = ApiClient.as(rest, user).completeTask(task.getId(), task.getAssignee(), user,
				variables);
		assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	/** Runs engine calls authenticated as the user, as the engine REST API would. */
	private void as(String user, Runnable calls) {
		identity.setAuthentication(user, List.of());
		try {
			calls.run();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private long participations(long lead, String user) {
		return jdbc.queryForObject("select count(*) from zr_dis_participant where lead_id = ? and username = ?",
				Long.class, lead, user);
	}

	/** Audit lines of an actor, optionally of one action and one lead. */
	private long audited(String actor, String action, Long lead) {
		return jdbc.queryForObject("select count(*) from zr_dis_audit where actor = ?"
				+ " and (cast(? as varchar(40)) is null or action = ?) and (cast(? as bigint) is null or lead_id = ?)",
				Long.class, actor, action, action, lead, lead);
	}

	private static String message(ResponseEntity<String> answer) {
		return answer.getBody() == null ? "" : answer.getBody().replaceAll("\"(timestamp|instance|traceId)\"\\s*:\\s*\"[^\"]*\"", "");
	}

}
