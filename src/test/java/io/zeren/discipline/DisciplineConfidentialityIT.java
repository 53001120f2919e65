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

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import io.zeren.support.WebappSession;

/**
 * Who can see a discipline case, asked the way each person would ask: the engine REST API, Tasklist's own API
 * and ours. A letter report about huangxin (OPS-1) from lina goes through preliminary verification to a filed
 * case; while huangxin writes his statement, his unit head, another unit head, the informant and the political
 * department see nothing; huangxin sees his own task and nothing else of the case; case review reads the file
 * without the informant; a conflicted assignment is refused; the overdue statement escalates inside the
 * discipline office; and every look is on the audit trail the office head reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisciplineConfidentialityIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 3 March 2053, 09:00 in Beijing (a year no other test uses). */
	static final ZonedDateTime START = ZonedDateTime.of(2053, 3, 3, 9, 0, 0, 0, ZONE);

	static final String REPORT = "初步核实报告：经调取监控和询问证人，反映问题基本属实。";

	static final String FINDINGS = "2053 年春节期间收受管理服务对象所送购物卡一张。";

	static final String KEYS = String.join(",", DisciplineProcesses.LEAD_DISPOSAL, DisciplineProcesses.CASE,
			DisciplineProcesses.SUBJECT_TASK);

	/** People who must learn nothing of the case: the subject's unit head, another unit head, the informant, POL. */
	static final List<String> OUTSIDERS = List.of("zhengyang", "chenjing", "lina", "liuzhiqiang");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setClock() {
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
	}

	@AfterEach
	void cleanUp() {
		for (String key : List.of(DisciplineProcesses.LEAD_DISPOSAL, DisciplineProcesses.CASE,
				DisciplineProcesses.SUBJECT_TASK)) {
			runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		}
		ClockUtil.reset();
	}

	@Test
	void shouldShowACaseOnlyToThoseWhoWorkOnIt() {
		// The discipline office registers a letter report; lina is the informant.
		Map<String, Object> request = new HashMap<>();
		request.put("source", "LETTER_REPORT");
		request.put("subject", "huangxin");
		request.put("unitCode", "OPS-1");
		request.put("title", "反映黄鑫收受礼品");
		request.put("summary", "来信反映黄鑫春节期间收受管理服务对象礼品");
		request.put("receivedOn", LocalDate.of(2053, 3, 1).toString());
		request.put("informantName", "李娜");
		request.put("informantUsername", "lina");
		ResponseEntity<Map<String, Object>> registered = ApiClient.as(rest, "zhaolei").send(HttpMethod.POST,
				"/api/discipline/leads", request);
		assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
		long leadId = ((Number) registered.getBody().get("id")).longValue();
		String leadInstance = runtime.createProcessInstanceQuery().processDefinitionKey(DisciplineProcesses.LEAD_DISPOSAL)
			.variableValueEquals(DisciplineProcesses.VAR_LEAD_ID, leadId).singleResult().getId();

		// Disposal: the subject's unit head may not be the handler (recusal), dongwen may.
		Task decide = task(leadInstance, "Task_DecideDisposal");
		assertThat(decide.getAssignee()).isEqualTo("zhaolei");
		ResponseEntity<String> conflicted = complete("zhaolei", decide, Map.of("disposal", "PRELIMINARY_VERIFICATION",
				"handler", "zhengyang", "disposalReason", "反映具体，需初步核实"));
		assertThat(conflicted.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(conflicted.getBody()).contains("应当回避");
		work("zhaolei", task(leadInstance, "Task_DecideDisposal"), Map.of("disposal", "PRELIMINARY_VERIFICATION",
				"handler", "dongwen", "disposalReason", "反映具体，需初步核实"));
		work("dongwen", task(leadInstance, "Task_PreliminaryVerification"),
				Map.of("verificationReport", REPORT, "recommendation", "FILE_CASE"));
		work("zhaolei", task(leadInstance, "Task_ConfirmVerification"), Map.of("confirmation", "AGREE"));

		// The case: filed by the leadership. The system administrator has no say over a case (三员分立), and not even the
		// system can hand the investigation to the subject's supervisor.
		ProcessInstance caseInstance = runtime.createProcessInstanceQuery()
			.processDefinitionKey(DisciplineProcesses.CASE)
			.variableValueEquals(DisciplineProcesses.VAR_LEAD_ID, leadId)
			.singleResult();
		work("wangjianguo", task(caseInstance.getId(), CaseProcess.TASK_APPROVE_FILING), Map.of("filingDecision", "approve"));
		Task investigation = task(caseInstance.getId(), CaseProcess.TASK_INVESTIGATE);
		ResponseEntity<String> handed = ApiClient.as(rest, "admin").sendRaw(HttpMethod.POST,
				"/engine-rest/task/" + investigation.getId() + "/assignee", "{\"userId\":\"zhengyang\"}");
		assertThat(handed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handed.getBody()).doesNotContain(FINDINGS, REPORT);
		assertThatThrownBy(() -> tasks.setAssignee(investigation.getId(), "zhengyang"))
			.hasMessageContaining("zhengyang 不是纪检组、案件审理室人员或审批领导，不能承办执纪事项");
		assertThat(tasks.createTaskQuery().taskId(investigation.getId()).singleResult().getAssignee()).isNull();
		work("dongwen", investigation, Map.of("investigationAction", "submit", "findingsForSubject", FINDINGS,
				"investigationReport", REPORT, "severity", "SERIOUS", "circumstances", "NONE"));

		Task statement = tasks.createTaskQuery().processDefinitionKey(DisciplineProcesses.SUBJECT_TASK)
			.taskAssignee("huangxin").singleResult();
		assertThat(statement.getTaskDefinitionKey()).isEqualTo("Task_MakeStatement");

		// Outsiders: nothing over the engine REST API, nothing over ours.
		for (String outsider : OUTSIDERS) {
			ApiClient client = ApiClient.as(rest, outsider);
			assertThat(client.getList("/engine-rest/task?processDefinitionKeyIn=" + KEYS).getBody()).as(outsider).isEmpty();
			assertThat(client.getList("/engine-rest/task?processInstanceId=" + caseInstance.getId()).getBody()).isEmpty();
			// Instances, history and variable instances are no staff member's over the engine API (EngineApiGate).
			assertThat(client.get("/engine-rest/process-instance?processDefinitionKeyIn=" + KEYS).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(client.get("/engine-rest/history/process-instance?processDefinitionKey="
					+ DisciplineProcesses.CASE).getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(client.get("/engine-rest/history/task?processInstanceId=" + leadInstance).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(client.get("/engine-rest/variable-instance?variableName=leadId").getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(client.get("/engine-rest/history/variable-instance?processInstanceId=" + caseInstance.getId())
				.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(client.get("/engine-rest/task/" + statement.getId() + "/variables").getStatusCode().is2xxSuccessful())
				.isFalse();
			assertThat(client.get("/api/discipline/leads").getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(client.get("/api/discipline/leads/" + leadId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(client.get("/api/discipline/cases").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(client.get("/api/discipline/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		}

		// huangxin's unit head is no supervisor of his statement: no urging, taking over or reading its escalations.
		ApiClient zhengyang = ApiClient.as(rest, "zhengyang");
		assertThat(zhengyang.get("/api/tasks/" + statement.getId() + "/escalations").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(zhengyang.send(HttpMethod.POST, "/api/tasks/" + statement.getId() + "/take-over", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// His unit head's page (本单位工作) lists huangxin, but neither the statement nor its name.
		String unitPage = WebappSession.login(rest, "zhengyang", "tasklist").get("/unit").getBody();
		assertThat(unitPage).contains("黄鑫").doesNotContain(statement.getId(), statement.getName());

		// Tasklist's "start process" list offers staff no discipline process (they are started by the system).
		assertThat(ApiClient.as(rest, "lina").getList("/engine-rest/process-definition?latestVersion=true"
				+ "&startableInTasklist=true&startablePermissionCheck=true").getBody())
			.extracting(row -> row.get("key")).containsExactly("AssignedWorkProcess");

		// The subject: his own task with the findings addressed to him, nothing else of the case or the lead.
		ApiClient huangxin = ApiClient.as(rest, "huangxin");
		assertThat(huangxin.getList("/engine-rest/task?processDefinitionKeyIn=" + KEYS).getBody())
			.singleElement().satisfies(row -> assertThat(row).containsEntry("id", statement.getId()));
		String variables = huangxin.sendRaw(HttpMethod.GET, "/engine-rest/task/" + statement.getId() + "/variables", null)
			.getBody();
		assertThat(variables).contains(FINDINGS).doesNotContain(REPORT, "lina", "李娜", "investigationReport",
				"verificationReport");
		assertThat(huangxin.get("/engine-rest/process-instance?processDefinitionKeyIn=" + KEYS).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(huangxin.get("/engine-rest/variable-instance?processInstanceIdIn=" + caseInstance.getId())
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(huangxin.get("/api/discipline/leads/" + leadId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// ... and in Tasklist, where he reads the task's form: the read goes to the audit trail.
		WebappSession tasklist = WebappSession.login(rest, "huangxin", "tasklist");
		assertThat(tasklist.response().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tasklist.get("/camunda/api/engine/engine/default/task?processDefinitionKey="
				+ DisciplineProcesses.SUBJECT_TASK).getBody()).contains(statement.getId());
		ResponseEntity<String> form = tasklist.get("/camunda/api/engine/engine/default/task/" + statement.getId()
				+ "/form-variables");
		assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(form.getBody()).contains(FINDINGS).doesNotContain(REPORT, "李娜");

		// Case review reads the file without the informant; the office with it.
		Map<String, Object> reviewed = ApiClient.as(rest, "sunli").get("/api/discipline/leads/" + leadId).getBody();
		assertThat(reviewed).containsEntry("informantName", "（保密）");
		assertThat(String.valueOf(reviewed)).doesNotContain("李娜");
		assertThat(ApiClient.as(rest, "dongwen").get("/api/discipline/leads/" + leadId).getBody())
			.containsEntry("informantName", "李娜");

		// The statement is overdue: it escalates to the office head, never to huangxin's unit head.
		EngineTime.moveTo(management, START.plusDays(14));
		List<String> escalatedTo = jdbc.queryForList("select supervisor from zr_task_escalation where task_id = ?",
				String.class, statement.getId());
		assertThat(escalatedTo).isNotEmpty().doesNotContain("zhengyang").first().isEqualTo("zhaolei");

		// The office head reads the trail: the refused looks, the subject's Tasklist read, the work done.
		Map<String, Object> trail = ApiClient.as(rest, "zhaolei").get("/api/discipline/audit?leadId=" + leadId + "&size=200")
			.getBody();
		List<Map<String, Object>> entries = (List<Map<String, Object>>) trail.get("content");
		assertThat(entries).extracting(entry -> entry.get("actor") + ":" + entry.get("action"))
			.contains("zhengyang:READ_DENIED", "lina:READ_DENIED", "chenjing:READ_DENIED", "huangxin:READ_DENIED",
					"huangxin:TASK_VIEWED", "sunli:LEAD_VIEWED", "dongwen:LEAD_VIEWED", "dongwen:TASK_COMPLETED",
					"zhaolei:LEAD_REGISTERED");
		assertThat(ApiClient.as(rest, "dongwen").get("/api/discipline/audit").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	// --- helpers ----------------------------------------------------------------------------------------------

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
