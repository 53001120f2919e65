package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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

import io.zeren.support.ApiClient;

/**
 * An installation upgraded from the release before zr_dis_instance: its running discipline instances have no
 * record, so their tasks are refused. The test builds them the normal way (a lead against huangxin filed as a case
 * and waiting for his 陈述申辩 in a called DisciplineSubjectProcess; a lead against luowenbo waiting for the office
 * head's disposal), removes what the previous release did not write (the records and the task-based
 * participations), and lets the backfill put them back from the register.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings("unchecked")
class DisciplineInstanceBackfillIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 4 March 2058, 09:00 in Beijing (a year no other test uses). */
	static final ZonedDateTime START = ZonedDateTime.of(2058, 3, 4, 9, 0, 0, 0, ZONE);

	static final String REPORT = "初步核实报告：反映问题基本属实。";

	static final Map<String, Object> DISPOSAL = Map.of("disposal", "PRELIMINARY_VERIFICATION", "handler", "dongwen",
			"disposalReason", "反映具体，需初步核实");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DisciplineInstanceBackfill backfill;

	@BeforeEach
	void clock() {
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
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

	@Test
	void shouldGiveThePreviousReleasesInstancesTheirRecordFromTheRegisterOnce() {
		long lead = register("huangxin", "OPS-1", "chenjing");
		String caseInstance = toCase(lead);
		long caseId = jdbc.queryForObject("select id from zr_dis_case where lead_id = ?", Long.class, lead);
		String caseNumber = jdbc.queryForObject("select case_number from zr_dis_case where id = ?", String.class, caseId);
		work("wangjianguo", task(caseInstance, CaseProcess.TASK_APPROVE_FILING), Map.of("filingDecision", "approve"));
		work("dongwen", task(caseInstance, CaseProcess.TASK_INVESTIGATE), Map.of("investigationAction", "submit",
				"findingsForSubject", "2058 年春节期间收受管理服务对象所送购物卡一张。", "investigationReport", REPORT,
				"severity", "SERIOUS", "circumstances", "NONE"));
		Task statement = tasks.createTaskQuery().processDefinitionKey(DisciplineProcesses.SUBJECT_TASK)
			.processInstanceBusinessKey(caseNumber).taskAssignee("huangxin").singleResult();
		assertThat(statement.getTaskDefinitionKey()).isEqualTo("Task_MakeStatement");

		long other = register("luowenbo", "POL", null);
		String disposal = jdbc.queryForObject("select process_instance_id from zr_dis_instance where lead_id = ?"
				+ " and process_key = ?", String.class, other, DisciplineProcesses.LEAD_DISPOSAL);
		Task decide = task(disposal, "Task_DecideDisposal");

		List<Map<String, Object>> records = records(lead, other);
		assertThat(records).extracting(row -> row.get("PROCESS_KEY")).contains(DisciplineProcesses.CASE,
				DisciplineProcesses.SUBJECT_TASK, DisciplineProcesses.LEAD_DISPOSAL);
		assertThat(records).filteredOn(row -> statement.getProcessInstanceId().equals(row.get("PROCESS_INSTANCE_ID")))
			.singleElement().satisfies(row -> {
				assertThat(row.get("ADDRESSEE")).isEqualTo("huangxin");
				assertThat(row.get("ROOT_INSTANCE_ID")).isEqualTo(caseInstance);
			});
		List<Map<String, Object>> onTasks = taskParticipations(lead, other);
		// Column labels are upper case on H2 and lower case on PostgreSQL: read them through the row's own lookup.
		assertThat(onTasks).anySatisfy(row -> assertThat(List.of(row.get("USERNAME"), row.get("DUTY"), row.get("BASIS")))
			.containsExactly("huangxin", "SUBJECT", statement.getId()));

		// What the previous release did not write.
		jdbc.update("delete from zr_dis_instance where lead_id in (?, ?)", lead, other);
		jdbc.update("delete from zr_dis_participant where lead_id in (?, ?) and basis <> '-'", lead, other);
		ResponseEntity<String> refused = complete("zhaolei", decide, DISPOSAL);
		assertThat(refused.getStatusCode().is2xxSuccessful()).as(refused.getBody()).isFalse();
		assertThat(task(disposal, "Task_DecideDisposal")).isNotNull();

		DisciplineInstanceBackfill.Result first = backfill.run();

		assertThat(first.backfilled()).isGreaterThanOrEqualTo(records.size());
		assertThat(records(lead, other)).isEqualTo(records);
		assertThat(taskParticipations(lead, other)).containsExactlyInAnyOrderElementsOf(onTasks);
		assertThat(backfilled(lead)).isEqualTo(records.stream().filter(row -> ((Number) row.get("LEAD_ID")).longValue() == lead).count());
		assertThat(backfilled(other)).isOne();
		assertThat(jdbc.queryForObject("select detail from zr_dis_audit where action = ? and lead_id = ?",
				String.class, DisciplineInstanceBackfill.ACTION, other)).contains(disposal, "zr_dis_lead.lead_number");

		// A second run changes nothing.
		List<Map<String, Object>> everything = jdbc.queryForList("select * from zr_dis_instance order by process_instance_id");
		List<Map<String, Object>> participants = jdbc.queryForList("select * from zr_dis_participant order by id");
		long audited = jdbc.queryForObject("select count(*) from zr_dis_audit", Long.class);
		assertThat(backfill.run().backfilled()).isZero();
		assertThat(jdbc.queryForList("select * from zr_dis_instance order by process_instance_id")).isEqualTo(everything);
		assertThat(jdbc.queryForList("select * from zr_dis_participant order by id")).isEqualTo(participants);
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_audit", Long.class)).isEqualTo(audited);

		// The tasks work again, for the right people: the subject sees and gives his statement, the case goes to
		// review; the office head disposes of the other lead and its handler gets the verification.
		identity.setAuthentication("huangxin", List.of());
		try {
			assertThat(tasks.createTaskQuery().list()).extracting(Task::getId).contains(statement.getId());
		}
		finally {
			identity.clearAuthentication();
		}
		work("huangxin", statement, Map.of("statement", "对认定的事实无异议"));
		assertThat(task(caseInstance, "Task_ReviewCase")).isNotNull();
		assertThat(jdbc.queryForList("select distinct duty from zr_dis_participant where lead_id = ? and username = ?",
				String.class, lead, "huangxin")).containsExactly("SUBJECT");
		work("zhaolei", decide, DISPOSAL);
		assertThat(task(disposal, "Task_PreliminaryVerification").getAssignee()).isEqualTo("dongwen");
		assertThat(ApiClient.as(rest, "huangxin").get("/api/discipline/cases/" + caseId).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldAddressAnAccountabilityDecisionToTheLeaderTheMatterDeliversItTo() {
		ResponseEntity<Map<String, Object>> opened = ApiClient.as(rest, "zhaolei").send(HttpMethod.POST,
				"/api/discipline/accountability", Map.of("unitCode", "OPS-2", "year", 2058, "detail", "多次未按要求开展谈心谈话"));
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Map<String, Object> matter = (Map<String, Object>) opened.getBody().get("matter");
		long matterId = ((Number) matter.get("id")).longValue();
		String number = (String) matter.get("number");
		Task investigation = tasks.createTaskQuery().processInstanceBusinessKey(number)
			.taskDefinitionKey("Task_InvestigateAccountability").singleResult();
		tasks.claim(investigation.getId(), "dongwen");
		tasks.complete(investigation.getId(), Map.of("conclusion", "accountable", "investigationReport",
				"支部长期未开展谈心谈话", "proposedOrganisationMeasure", "CIRCULATED_CRITICISM", "proposedMeasures",
				io.zeren.support.Rows.of("leader,measure,reason", "qinhai", "ADMONITION", "主体责任落实不力", "xuguoqiang",
						"NONE", "已多次督促")));
		Task decision = tasks.createTaskQuery().processInstanceBusinessKey(number)
			.taskDefinitionKey("Task_DecideAccountability").singleResult();
		tasks.claim(decision.getId(), "wangjianguo");
		tasks.complete(decision.getId(), Map.of("organisationMeasure", "CIRCULATED_CRITICISM", "organisationReason",
				"长期未开展谈心谈话", "leaderMeasures", io.zeren.support.Rows.of("leader,measure,reason", "qinhai", "ADMONITION", "主体责任落实不力", "xuguoqiang",
						"NONE", "已多次督促")));
		Task acknowledge = tasks.createTaskQuery().processDefinitionKey(DisciplineProcesses.SUBJECT_TASK)
			.taskAssignee("qinhai").singleResult();
		assertThat(acknowledge.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgeDecision");
		String sql = "select process_instance_id, root_instance_id, process_key, lead_id, case_id, sanction_id,"
				+ " matter_id, principal, addressee from zr_dis_instance where matter_id = ? order by process_instance_id";
		List<Map<String, Object>> records = jdbc.queryForList(sql, matterId);
		assertThat(records).extracting(row -> row.get("ADDRESSEE")).containsExactlyInAnyOrder(null, "qinhai");

		jdbc.update("delete from zr_dis_instance where matter_id = ?", matterId);
		backfill.run();

		assertThat(jdbc.queryForList(sql, matterId)).isEqualTo(records);
		// Which of the matter's leaders a delivery is for is in no table: the log and the audit say where it came from.
		assertThat(jdbc.queryForList("select detail from zr_dis_audit where action = ? and ref = ?", String.class,
				DisciplineInstanceBackfill.ACTION, number))
			.anySatisfy(detail -> assertThat(detail).contains(acknowledge.getProcessInstanceId(), "variable subject"))
			.anySatisfy(detail -> assertThat(detail).contains("zr_dis_acct.number"));

		// The leader acknowledges; the matter closes.
		tasks.complete(acknowledge.getId(), Map.of("acknowledged", true, "appeal", "no"));
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
		assertThat(jdbc.queryForObject("select status from zr_dis_acct where id = ?", String.class, matterId))
			.isEqualTo("CLOSED");
	}

	@Test
	void shouldGiveNoRecordToAnInstanceTheRegisterDoesNotKnowWhateverItsVariablesSay() {
		long lead = register("luowenbo", "POL", null);
		// Started past Zeren (as the previous release let an engine client do), naming a real lead in its variables.
		String forged = runtime.createProcessInstanceByKey(DisciplineProcesses.SANCTION_TERM)
			.businessKey("纪案〔2058〕9999号")
			.setVariables(Map.of(DisciplineProcesses.VAR_LEAD_ID, lead, DisciplineProcesses.VAR_SUBJECT, "luowenbo",
					CaseProcess.VAR_SANCTION_ID, 1L, CaseProcess.VAR_ENDS_AT,
					Date.from(START.plusYears(1).toInstant())))
			.execute()
			.getId();

		DisciplineInstanceBackfill.Result result = backfill.run();

		assertThat(result.leftOut()).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_instance where process_instance_id = ?",
				Long.class, forged)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_audit where action = ? and detail like ?",
				Long.class, DisciplineInstanceBackfill.ACTION, "%" + forged + "%")).isZero();
	}

	@Test
	void shouldRunOnceAtStartupAndNotOnLaterStartups() {
		// The application's own startup ran it and left its mark ...
		assertThat(management.getProperties()).containsKey(DisciplineInstanceBackfill.DONE);
		long other = register("luowenbo", "POL", null);
		jdbc.update("delete from zr_dis_instance where lead_id = ?", other);

		// ... so a later startup does not give a record to an instance that has none (one started outside Zeren).
		backfill.onReady();

		assertThat(jdbc.queryForObject("select count(*) from zr_dis_instance where lead_id = ?", Long.class, other))
			.isZero();
		assertThat(backfilled(other)).isZero();
	}

	// --- helpers ----------------------------------------------------------------------------------------------

	/** The records of the two leads' running instances, without their time of writing. */
	private List<Map<String, Object>> records(long lead, long other) {
		return jdbc.queryForList("select process_instance_id, root_instance_id, process_key, lead_id, case_id,"
				+ " sanction_id, matter_id, principal, addressee from zr_dis_instance where lead_id in (?, ?)"
				+ " order by process_instance_id", lead, other)
			.stream()
			.filter(row -> runtime.createProcessInstanceQuery()
				.processInstanceId((String) row.get("PROCESS_INSTANCE_ID")).count() > 0)
			.toList();
	}

	private List<Map<String, Object>> taskParticipations(long lead, long other) {
		return jdbc.queryForList("select username, duty, basis from zr_dis_participant where lead_id in (?, ?)"
				+ " and basis <> '-'", lead, other);
	}

	private long backfilled(long lead) {
		return jdbc.queryForObject("select count(*) from zr_dis_audit where action = ? and lead_id = ? and actor = 'system'",
				Long.class, DisciplineInstanceBackfill.ACTION, lead);
	}

	/** Registers a lead through the API as the office head; returns its id. */
	private long register(String subject, String unit, String informant) {
		Map<String, Object> request = new HashMap<>();
		request.put("source", "LETTER_REPORT");
		request.put("subject", subject);
		request.put("unitCode", unit);
		request.put("title", "反映" + subject + "违规问题");
		request.put("summary", "来信反映" + subject + "违规收受礼品");
		request.put("receivedOn", LocalDate.of(2058, 3, 1).toString());
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
		String instance = jdbc.queryForObject("select process_instance_id from zr_dis_instance where lead_id = ?"
				+ " and process_key = ?", String.class, lead, DisciplineProcesses.LEAD_DISPOSAL);
		work("zhaolei", task(instance, "Task_DecideDisposal"), DISPOSAL);
		work("dongwen", task(instance, "Task_PreliminaryVerification"),
				Map.of("verificationReport", REPORT, "recommendation", "FILE_CASE"));
		work("zhaolei", task(instance, "Task_ConfirmVerification"), Map.of("confirmation", "AGREE"));
		return jdbc.queryForObject("select process_instance_id from zr_dis_instance where lead_id = ?"
				+ " and process_key = ?", String.class, lead, DisciplineProcesses.CASE);
	}

	private Task task(String processInstanceId, String key) {
		return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
	}

	private void work(String user, Task task, Map<String, Object> variables) {
		assertThat(task).as("task for " + user).isNotNull();
		ResponseEntity<String> done = complete(user, task, variables);
		assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	/** Claims (unless assigned) and completes the task through the engine REST API as the user. */
	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> variables) {
		return ApiClient.as(rest, user).completeTask(task.getId(), task.getAssignee(), user, variables);
	}

}
