package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.zeren.inspection.RectificationFailed;
import io.zeren.inspection.RectificationOverdue;
import io.zeren.support.ApiClient;
import io.zeren.support.WebappSession;
import io.zeren.support.Rows;

/**
 * Accountability on the demo agency in 2055: three overdue rectifications of OPS-1 open one matter against its
 * head zhengyang and his supervisor xuguoqiang; the office investigates, the leadership decides 诫勉 for
 * zhengyang, who receives only his DECISION task; who may read the matters over REST; a manual opening.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class AccountabilityIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 5 March 2055, 09:00 in Beijing. */
	static final ZonedDateTime MONDAY = ZonedDateTime.of(2055, 3, 5, 9, 0, 0, 0, ZONE);

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ApplicationEvents events;

	/** Audit entries that existed before the test: other tests share the database, and id order is no guide. */
	java.util.Set<Long> auditBefore;

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	@BeforeEach
	void setClock() {
		ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
		auditBefore = new java.util.HashSet<>(jdbc.queryForList("select id from zr_dis_audit", Long.class));
	}

	@AfterEach
	void cleanUp() {
		for (String key : List.of(DisciplineProcesses.ACCOUNTABILITY, DisciplineProcesses.SUBJECT_TASK)) {
			runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		}
		// Other tests count notices: leave none behind.
		jdbc.update("delete from zr_mail_part where outbox_id in (select id from zr_mail_outbox where dedup_key like ?)",
				"accountability:%");
		jdbc.update("delete from zr_mail_outbox where dedup_key like ?", "accountability:%");
		ClockUtil.reset();
	}

	@Test
	void shouldOpenOneMatterForRepeatedOverdueRectificationsAndWalkItToAnAdmonition() {
		overdue(955001);
		overdue(955002);
		assertThat(matters("OPS-1")).isZero();
		overdue(955003);
		assertThat(matters("OPS-1")).isOne();
		// A fourth ground joins the open matter; the same rectification failing later is no new ground.
		publish(new RectificationFailed(955004, "OPS-1", "huangxin", 2055, "验收未通过", Instant.now()));
		publish(new RectificationFailed(955001, "OPS-1", "zhengyang", 2055, "验收未通过", Instant.now()));
		assertThat(matters("OPS-1")).isOne();
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_acct_ground where unit_code = 'OPS-1' and acct_year = 2055"
				+ " and acct_id is not null", Integer.class)).isEqualTo(4);

		// The office sees it; the leaders it is about, staff and other heads do not.
		ApiClient zhaolei = ApiClient.as(rest, "zhaolei");
		List<Map<String, Object>> listed = zhaolei.getList("/api/discipline/accountability?year=2055&unitCode=OPS-1").getBody();
		assertThat(listed).singleElement().satisfies(matter -> {
			assertThat(matter).containsEntry("principal", "zhengyang").containsEntry("status", "INVESTIGATING")
				.containsEntry("groundKind", "RECTIFICATIONS").containsEntry("year", 2055);
			assertThat((List<Object>) matter.get("leaders")).containsExactly("zhengyang", "xuguoqiang");
		});
		long id = ((Number) listed.get(0).get("id")).longValue();
		String number = (String) listed.get(0).get("number");
		assertThat(number).startsWith("问责〔2055〕");
		String path = "/api/discipline/accountability/" + id;
		for (String outsider : List.of("lina", "chenjing")) {
			ResponseEntity<Map<String, Object>> refused = ApiClient.as(rest, outsider).get(path);
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat((String) refused.getBody().get("detail")).contains("无权查看问责事项");
			assertThat(ApiClient.as(rest, outsider).get("/api/discipline/accountability").getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(audited("lina", "READ_DENIED")).isEqualTo(2);
		assertThat(audited("chenjing", "READ_DENIED")).isEqualTo(2);

		// 问责调查 by the office: zhengyang's supervisors and he himself are not candidates.
		Task investigation = tasks.createTaskQuery().processInstanceBusinessKey(number)
			.taskDefinitionKey("Task_InvestigateAccountability").taskCandidateUser("dongwen").singleResult();
		assertThat(investigation.getName()).isEqualTo("问责调查（" + number + "）");
		assertThat(tasks.createTaskQuery().taskId(investigation.getId()).taskCandidateUser("zhengyang").count()).isZero();
		assertThat(tasks.createTaskQuery().taskId(investigation.getId()).taskCandidateUser("zhaolei").count()).isOne();
		tasks.claim(investigation.getId(), "dongwen");
		assertThatThrownBy(() -> tasks.complete(investigation.getId(), Map.of("conclusion", "accountable",
				"investigationReport", "三项整改逾期，均因支部未按期部署")))
			.hasMessageContaining("请选择对单位（党组织）的问责方式");
		tasks.complete(investigation.getId(), Map.of("conclusion", "accountable", "investigationReport",
				"三项整改逾期，均因支部未按期部署", "proposedOrganisationMeasure", "CIRCULATED_CRITICISM", "proposedMeasures",
				Rows.of("leader,measure,reason", "zhengyang", "ADMONITION", "主体责任落实不力", "xuguoqiang", "NONE",
						"已多次督促")));

		// 问责决定 by the leadership.
		Task decision = tasks.createTaskQuery().processInstanceBusinessKey(number)
			.taskDefinitionKey("Task_DecideAccountability").taskCandidateUser("wangjianguo").singleResult();
		// The form's rows start from the office's proposal; the leaders are offered by name, never as logins.
		assertThat(tasks.getVariableTyped(decision.getId(), "leaderMeasures", false).getValue().toString())
			.contains("\"leader\":\"zhengyang\",\"measure\":\"ADMONITION\",\"reason\":\"主体责任落实不力\"");
		assertThat(tasks.getVariableTyped(decision.getId(), "leaderChoices", false).getValue().toString())
			.contains("\"value\":\"zhengyang\"").doesNotContain("\"label\":\"zhengyang");
		tasks.claim(decision.getId(), "wangjianguo");
		// Submitted the way Tasklist submits a Camunda Form's list: one Json variable of rows.
		WebappSession tasklist = WebappSession.login(rest, "wangjianguo", "tasklist");
		String submit = "/camunda/api/engine/engine/default/task/" + decision.getId() + "/submit-form";
		String fields = "\"organisationMeasure\":{\"value\":\"CIRCULATED_CRITICISM\"},"
				+ "\"organisationReason\":{\"value\":\"一年内三项整改逾期\"},";
		ResponseEntity<String> refused = tasklist.send(HttpMethod.POST, submit, "{\"variables\":{" + fields
				+ "\"leaderMeasures\":{\"type\":\"Json\",\"value\":" + quoted(Rows.text("leader,measure,reason",
						"zhengyang", "ADMONITION", "主体责任落实不力", "xuguoqiang", "NONE", "")) + "}}}");
		assertThat(refused.getStatusCode().is4xxClientError() || refused.getStatusCode().is5xxServerError()).isTrue();
		assertThat(refused.getBody()).containsAnyOf("第 2 行：请填写对 徐国强 的问责理由", "Row 2: give the reason for the measure for 徐国强");
		ResponseEntity<String> done = tasklist.send(HttpMethod.POST, submit, "{\"variables\":{" + fields
				+ "\"leaderMeasures\":{\"type\":\"Json\",\"value\":" + quoted(Rows.text("leader,measure,reason",
						"zhengyang", "ADMONITION", "主体责任落实不力", "xuguoqiang", "NONE", "已多次督促")) + "}}}");
		assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

		// zhengyang gets his DECISION task and nothing else of the matter.
		List<Task> his = tasks.createTaskQuery().or().taskAssignee("zhengyang").taskCandidateUser("zhengyang").endOr()
			.processDefinitionKeyIn(DisciplineProcesses.ACCOUNTABILITY, DisciplineProcesses.SUBJECT_TASK).list();
		assertThat(his).singleElement().satisfies(task -> {
			assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgeDecision");
			assertThat(task.getAssignee()).isEqualTo("zhengyang");
			assertThat(task.getDueDate()).isEqualTo(Date.from(MONDAY.plusMonths(1).toInstant()));
		});
		Task acknowledge = his.get(0);
		Map<String, Object> visible = tasks.getVariables(acknowledge.getId());
		assertThat(visible).containsOnlyKeys("subject", "kind", "caseNumber", "title", "content", "dueAt");
		assertThat((String) visible.get("content")).contains("诫勉", "主体责任落实不力").doesNotContain("支部未按期部署");
		assertThat(tasks.createTaskQuery().taskAssignee("xuguoqiang")
			.processDefinitionKey(DisciplineProcesses.SUBJECT_TASK).count()).isZero();
		assertThat(ApiClient.as(rest, "zhengyang").get(path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		tasks.complete(acknowledge.getId(), Map.of("acknowledged", true, "appeal", "no"));

		// Closed: recorded, the heads and the political department told, no referral.
		Map<String, Object> detail = zhaolei.get(path).getBody();
		assertThat((Map<String, Object>) detail.get("matter")).containsEntry("status", "CLOSED");
		assertThat(detail).containsEntry("organisationMeasure", "CIRCULATED_CRITICISM").containsEntry("decidedBy",
				"wangjianguo");
		assertThat((List<Map<String, Object>>) detail.get("leaders"))
			.extracting(l -> l.get("username") + ":" + l.get("measure") + ":" + (l.get("acknowledgedAt") != null))
			.containsExactly("zhengyang:ADMONITION:true", "xuguoqiang:NONE:false");
		assertThat((List<?>) detail.get("grounds")).hasSize(4);
		assertThat(ApiClient.as(rest, "wangjianguo").get(path).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(jdbc.queryForList("select recipient from zr_mail_outbox where dedup_key like ? order by recipient",
				String.class, "accountability:" + number + "%")).containsExactly("liuzhiqiang", "xuguoqiang", "zhengyang");
		assertThat(events.stream(LeadReferred.class)).isEmpty();
		assertThat(jdbc.queryForList("select action from zr_dis_audit where ref = ? and lead_id is null order by id",
				String.class, number)).containsSubsequence("ACCOUNTABILITY_OPENED", "ACCOUNTABILITY_GROUND_ADDED",
						"READ_DENIED", "ACCOUNTABILITY_INVESTIGATED", "ACCOUNTABILITY_DECIDED", "READ_DENIED",
						"ACCOUNTABILITY_ACKNOWLEDGED", "ACCOUNTABILITY_CLOSED", "ACCOUNTABILITY_VIEWED");
		// The list read names the matters it showed.
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_audit where actor = 'zhaolei' and action = ?"
				+ " and ref is null and detail like ?", Integer.class, "ACCOUNTABILITY_VIEWED", "%" + number + "%")).isOne();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
	}

	@Test
	void shouldLetOnlyTheDisciplineOfficeOpenAMatterByHand() {
		Map<String, Object> body = Map.of("unitCode", "OPS-2", "year", 2056, "detail", "多次未按要求开展谈心谈话");
		assertThat(ApiClient.as(rest, "lina").send(HttpMethod.POST, "/api/discipline/accountability", body)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map<String, Object>> bad = ApiClient.as(rest, "zhaolei").send(HttpMethod.POST,
				"/api/discipline/accountability", Map.of("unitCode", "NOPE"));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat((List<?>) bad.getBody().get("violations")).hasSize(2);

		ResponseEntity<Map<String, Object>> opened = ApiClient.as(rest, "zhaolei").send(HttpMethod.POST,
				"/api/discipline/accountability", body);
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Map<String, Object> matter = (Map<String, Object>) opened.getBody().get("matter");
		assertThat(matter).containsEntry("groundKind", "MANUAL").containsEntry("unitCode", "OPS-2")
			.containsEntry("year", 2056).containsEntry("openedBy", "zhaolei");
		assertThat((List<Object>) matter.get("leaders")).containsExactly("qinhai", "xuguoqiang");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DisciplineProcesses.ACCOUNTABILITY)
			.processInstanceBusinessKey((String) matter.get("number")).variableValueEquals("subject", "qinhai").count())
			.isOne();
	}

	private void overdue(long findingId) {
		publish(new RectificationOverdue(findingId, "OPS-1", "zhengyang", 2055, "整改期限 2055-02-28 已过", Instant.now()));
	}

	/** As the inspection module does: inside a transaction, taken up after it commits. */
	private void publish(Object event) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> publisher.publishEvent(event));
	}

	private int matters(String unitCode) {
		return jdbc.queryForObject("select count(*) from zr_dis_acct where unit_code = ? and acct_year = 2055"
				+ " and ground_kind = 'RECTIFICATIONS'", Integer.class, unitCode);
	}

	private int audited(String actor, String action) {
		// Entries of this test only: other tests share the database (and the PostgreSQL run keeps it).
		return (int) jdbc.queryForList("select id from zr_dis_audit where actor = ? and action = ?", Long.class, actor,
				action).stream().filter(id -> !auditBefore.contains(id)).count();
	}

}
