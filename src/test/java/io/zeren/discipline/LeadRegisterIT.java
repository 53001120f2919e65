package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.zeren.assessment.AssessmentArchived;
import io.zeren.inspection.RectificationFailed;
import io.zeren.support.ApiClient;

/**
 * The lead register on the demo agency (year 2050): zhaolei, head of the discipline office, registers a letter
 * report about huangxin; staff, unit heads and the subject's own head are refused and audited; case review
 * reads the file with the informant masked; the subject's inquiry task carries nothing of the informant; events
 * from inspection and assessment register their lead once however often they are delivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadRegisterIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Tuesday 1 March 2050, 09:00 in Beijing. */
	static final ZonedDateTime NOW = ZonedDateTime.of(2050, 3, 1, 9, 0, 0, 0, ZONE);

	static final String PATH = "/api/discipline/leads";

	/** Event references unique to this run: the PostgreSQL profile keeps its database between runs. */
	static final long RUN = System.currentTimeMillis() % 1_000_000;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void setClock() {
		ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
	}

	@AfterEach
	void cleanUp() {
		for (String key : List.of(DisciplineProcesses.SUBJECT_TASK, DisciplineProcesses.LEAD_DISPOSAL)) {
			runtime.createProcessInstanceQuery()
				.processDefinitionKey(key)
				.list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true));
		}
		ClockUtil.reset();
	}

	@Test
	void shouldRegisterConfidentiallyAndKeepTheInformantFromTheSubject() {
		ApiClient zhaolei = ApiClient.as(rest, "zhaolei");

		// Bad input: 400 with every problem, nothing stored.
		ResponseEntity<Map<String, Object>> bad = zhaolei.send(HttpMethod.POST, PATH,
				Map.of("source", "INCOMPETENT_GRADE", "subject", "nobody", "receivedOn", "2050-02-30"));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((List<String>) bad.getBody().get("violations")).contains("线索来源 INCOMPETENT_GRADE 由系统自动登记，不能手工录入",
				"被反映人 nobody 不存在或已离职", "请填写线索标题", "请填写反映的主要问题")
			.anyMatch(text -> text.contains("2050-02-30"));

		// Only the discipline office registers.
		ResponseEntity<Map<String, Object>> refused = ApiClient.as(rest, "lina").send(HttpMethod.POST, PATH, letter());
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody().get("detail")).isEqualTo("只有纪检组成员可以登记问题线索");

		Map<String, Object> lead = zhaolei.send(HttpMethod.POST, PATH, letter()).getBody();
		assertThat(lead).containsEntry("status", "REGISTERED").containsEntry("source", "LETTER_REPORT")
			.containsEntry("subject", "huangxin").containsEntry("unitCode", "OPS-1").doesNotContainKey("informantName");
		long id = ((Number) lead.get("id")).longValue();
		String number = (String) lead.get("leadNumber");
		assertThat(number).isEqualTo(jdbc.queryForObject("select lead_number from zr_dis_lead where id = ?", String.class, id))
			.startsWith("纪线〔2050〕");
		assertThat(audits(id, "LEAD_REGISTERED")).isOne();
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_participant where lead_id = ? and username = 'zhaolei' "
				+ "and duty = 'HANDLER'", Integer.class, id)).isOne();

		// Staff, another unit's head and the subject's own head: refused on the register and on the file, audited.
		for (String outsider : List.of("lina", "chenjing", "zhengyang")) {
			ApiClient client = ApiClient.as(rest, outsider);
			assertThat(client.get(PATH + "?year=2050").getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
			ResponseEntity<Map<String, Object>> file = client.get(PATH + "/" + id);
			assertThat(file.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(file.getBody().get("detail")).isEqualTo("无权查看该问题线索或案件");
			assertThat(jdbc.queryForObject("select count(*) from zr_dis_audit where actor = ? and action = 'READ_DENIED' "
					+ "and lead_id = ?", Integer.class, outsider, id)).as(outsider).isOne();
		}

		// The office sees the informant; case review reads the file with the informant masked.
		assertThat(zhaolei.getList(PATH + "?year=2050&source=LETTER_REPORT").getBody())
			.extracting(row -> row.get("leadNumber")).contains(number);
		assertThat(zhaolei.get(PATH + "/" + id).getBody()).containsEntry("informantName", "王某某")
			.containsEntry("informantContact", "13800000000").containsEntry("summary", "春节期间收受管理对象礼品");
		assertThat(ApiClient.as(rest, "sunli").get(PATH + "/" + id).getBody()).containsEntry("informantName", "（保密）")
			.containsEntry("informantContact", "（保密）").containsEntry("informantUsername", "（保密）");
		assertThat(audits(id, "LEAD_VIEWED")).isEqualTo(2);

		// The disposal: the office head asks the subject in writing.
		Task decide = tasks.createTaskQuery().processInstanceBusinessKey(number)
			.taskDefinitionKey(LeadDisposalProcess.TASK_DECIDE).singleResult();
		assertThat(decide.getAssignee()).isEqualTo("zhaolei");
		assertThat(runtime.getVariables(decide.getProcessInstanceId())).doesNotContainKeys("informantName",
				"informantContact", "informantUsername").doesNotContainValue("王某某").doesNotContainValue("lina");
		tasks.complete(decide.getId(), Map.of("disposal", "TALK_INQUIRY", "inquiryQuestions", "请说明春节期间收受礼品的情况"));

		Task answer = tasks.createTaskQuery().taskAssignee("huangxin")
			.processDefinitionKey(DisciplineProcesses.SUBJECT_TASK).singleResult();
		Map<String, Object> seenBySubject = tasks.getVariables(answer.getId());
		assertThat(seenBySubject).containsEntry("content", "请说明春节期间收受礼品的情况")
			.doesNotContainKeys("informantName", "informantContact", "informantUsername", "leadSummary")
			.doesNotContainValue("王某某").doesNotContainValue("13800000000").doesNotContainValue("lina");
		assertThat(seenBySubject.keySet()).noneMatch(name -> name.toLowerCase().contains("informant"));
		assertThat(ApiClient.as(rest, "huangxin").get(PATH + "/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		tasks.complete(answer.getId(), Map.of("answer", "系亲属间正常往来，已全部退还"));

		Map<String, Object> file = zhaolei.get(PATH + "/" + id).getBody();
		String handler = (String) ((Map<String, Object>) file.get("lead")).get("handler");
		assertThat(handler).isNotNull().isNotEqualTo("huangxin");
		assertThat(file).containsEntry("inquiryAnswer", "系亲属间正常往来，已全部退还");
		Task assess = tasks.createTaskQuery().processInstanceBusinessKey(number).taskAssignee(handler).singleResult();
		assertThat(assess.getTaskDefinitionKey()).isEqualTo(LeadDisposalProcess.TASK_ASSESS_ANSWER);
		tasks.complete(assess.getId(), Map.of("answerVerdict", "EDUCATE", "answerNote", "已进行批评教育"));

		Map<String, Object> closed = (Map<String, Object>) zhaolei.get(PATH + "/" + id).getBody().get("lead");
		assertThat(closed).containsEntry("status", "CLOSED").containsEntry("outcome", "EDUCATED");
		assertThat(audits(id, "LEAD_CLOSED")).isOne();
	}

	@Test
	void shouldWakeASetAsideLeadOnNewInformation() {
		ApiClient zhaolei = ApiClient.as(rest, "zhaolei");
		Map<String, Object> body = new HashMap<>(letter());
		body.put("sourceRef", "XF-2050-" + RUN);
		body.put("title", "反映违规吃喝");
		long id = ((Number) zhaolei.send(HttpMethod.POST, PATH, body).getBody().get("id")).longValue();
		String number = jdbc.queryForObject("select lead_number from zr_dis_lead where id = ?", String.class, id);
		assertThat(zhaolei.send(HttpMethod.POST, PATH, body).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		Task decide = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
		tasks.complete(decide.getId(), Map.of("disposal", "SET_ASIDE", "disposalReason", "反映内容笼统"));
		Map<String, Object> setAside = (Map<String, Object>) zhaolei.get(PATH + "/" + id).getBody().get("lead");
		assertThat(setAside).containsEntry("status", "SET_ASIDE");
		// Three months by policy (zeren.discipline.leads.recheck-after), moved to a working day.
		assertThat(Instant.parse((String) setAside.get("recheckAt")))
			.isBetween(NOW.plusMonths(3).toInstant(), NOW.plusMonths(3).plusDays(4).toInstant());

		assertThat(ApiClient.as(rest, "sunli").send(HttpMethod.POST, PATH + "/" + id + "/information",
				Map.of("text", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(zhaolei.send(HttpMethod.POST, PATH + "/" + id + "/information", Map.of("text", " ")).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(zhaolei.send(HttpMethod.POST, PATH + "/" + id + "/information",
				Map.of("text", "新的来信提供了具体时间地点")).getBody()).containsEntry("status", "REGISTERED");

		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getTaskDefinitionKey())
			.isEqualTo(LeadDisposalProcess.TASK_DECIDE);
		assertThat((List<Map<String, Object>>) zhaolei.get(PATH + "/" + id).getBody().get("history"))
			.extracting(entry -> entry.get("kind")).containsExactly("DISPOSAL", "NEW_INFORMATION");
	}

	@Test
	void shouldRegisterOneLeadPerEventHoweverOftenDelivered() {
		long findingId = 2_050_000_000L + RUN;
		long competent = findingId + 1;
		long incompetent = findingId + 2;
		String referral = "accountability:" + RUN;
		RectificationFailed failed = new RectificationFailed(findingId, "OPS-1", "zhengyang", 2050, "整改不到位",
				NOW.toInstant());
		publish(failed);
		publish(failed);
		assertThat(leadsFrom("RECTIFICATION_FAILED", "finding:" + findingId)).isOne();
		String number = jdbc.queryForObject("select lead_number from zr_dis_lead where source_ref = ?", String.class,
				"finding:" + findingId);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isOne();
		assertThat(jdbc.queryForObject("select subject_username from zr_dis_lead where source_ref = ?", String.class,
				"finding:" + findingId)).isEqualTo("zhengyang");

		publish(new AssessmentArchived(competent, "huangxin", "OPS-1", 2050, "COMPETENT", null, NOW.toInstant()));
		publish(new AssessmentArchived(incompetent, "huangxin", "OPS-1", 2050, "INCOMPETENT", null, NOW.toInstant()));
		publish(new AssessmentArchived(incompetent, "huangxin", "OPS-1", 2050, "INCOMPETENT", null, NOW.toInstant()));
		assertThat(leadsFrom("INCOMPETENT_GRADE", "assessment:" + competent)).isZero();
		assertThat(leadsFrom("INCOMPETENT_GRADE", "assessment:" + incompetent)).isOne();
		assertThat(jdbc.queryForObject("select title from zr_dis_lead where source_ref = ?", String.class,
				"assessment:" + incompetent)).isEqualTo("2050 年度考核确定为不称职");

		publish(new LeadReferred("REFERRAL", referral, "zhengyang", "OPS-1", "问责决定移送纪律审查", "wangjianguo"));
		publish(new LeadReferred("REFERRAL", referral, "zhengyang", "OPS-1", "问责决定移送纪律审查", "wangjianguo"));
		assertThat(leadsFrom("REFERRAL", referral)).isOne();
	}

	private void publish(Object event) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
	}

	private int leadsFrom(String source, String ref) {
		return jdbc.queryForObject("select count(*) from zr_dis_lead where source = ? and source_ref = ?", Integer.class,
				source, ref);
	}

	private int audits(long leadId, String action) {
		return jdbc.queryForObject("select count(*) from zr_dis_audit where lead_id = ? and action = ?", Integer.class,
				leadId, action);
	}

	private static Map<String, Object> letter() {
		Map<String, Object> body = new HashMap<>();
		body.put("source", "LETTER_REPORT");
		body.put("subject", "huangxin");
		body.put("title", "反映收受礼品问题");
		body.put("summary", "春节期间收受管理对象礼品");
		body.put("receivedOn", "2050-02-27");
		body.put("informantName", "王某某");
		body.put("informantContact", "13800000000");
		body.put("informantUsername", "lina");
		return body;
	}

}
