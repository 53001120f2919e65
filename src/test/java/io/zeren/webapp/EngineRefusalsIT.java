package io.zeren.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.support.ApiClient;
import io.zeren.support.WebappSession;

/**
 * Refusals of task operations answered by the engine REST API as the sentence alone, whatever the door: a Zeren rule
 * broken in a task listener (a lead closed without a reason) → 422, a task claimed by another person → 409, a task
 * already completed → 404. No engine prefix, task id or class name in the message Tasklist shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineRefusalsIT {

	static final String ENGINE = "/camunda/api/engine/engine/default";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	MessageSource messages;

	final ObjectMapper json = new ObjectMapper();

	/** Monday 7 March 2111, 09:00 in Beijing: leads registered here are numbered in this lane's year. */
	static final ZonedDateTime NOW = ZonedDateTime.of(2111, 3, 7, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

	final List<String> instances = new ArrayList<>();

	final List<String> standalone = new ArrayList<>();

	@BeforeEach
	void setClock() {
		ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
	}

	@AfterEach
	void cleanUp() {
		instances.forEach(id -> runtime.createProcessInstanceQuery().processInstanceId(id).list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true)));
		standalone.forEach(id -> tasks.deleteTask(id, true));
		ClockUtil.reset();
	}

	@Test
	void shouldAnswerABrokenRuleWithItsSentenceOnEveryDoor() throws Exception {
		Task decide = registerLead(leads);
		WebappSession zhaolei = WebappSession.login(rest, "zhaolei", "tasklist");

		// Closing a lead needs a reason: the task listener refuses the completion.
		ResponseEntity<String> refused = zhaolei.send(HttpMethod.POST,
				ENGINE + "/task/" + decide.getId() + "/submit-form", CLOSE_WITHOUT_REASON);
		assertSentence(refused, HttpStatus.UNPROCESSABLE_ENTITY, decide.getId());
		assertThat(message(refused)).isEqualTo(messages.getMessage("discipline.disposal.reason-required", null,
				Locale.SIMPLIFIED_CHINESE));
		// The same on the other door (a client with Basic authentication) and on complete.
		ResponseEntity<String> completeRefused = ApiClient.as(rest, "zhaolei").sendRaw(HttpMethod.POST,
				"/engine-rest/task/" + decide.getId() + "/complete", CLOSE_WITHOUT_REASON);
		assertSentence(completeRefused, HttpStatus.UNPROCESSABLE_ENTITY, decide.getId());
		assertThat(message(completeRefused)).isEqualTo(message(refused));
		assertThat(tasks.createTaskQuery().taskId(decide.getId()).count()).isOne();
	}

	@Test
	void shouldAnswerATaskTakenOrGoneWithASentence() throws Exception {
		Task task = tasks.newTask();
		task.setName("测试：认领冲突");
		tasks.saveTask(task);
		standalone.add(task.getId());
		tasks.addCandidateUser(task.getId(), "liuzhiqiang");
		tasks.addCandidateUser(task.getId(), "yangfan");
		tasks.claim(task.getId(), "liuzhiqiang");

		// A colleague offered the same task claims it a moment later.
		WebappSession colleague = WebappSession.login(rest, "yangfan", "tasklist");
		ResponseEntity<String> taken = colleague.send(HttpMethod.POST, ENGINE + "/task/" + task.getId() + "/claim",
				"{\"userId\":\"yangfan\"}");
		assertSentence(taken, HttpStatus.CONFLICT, task.getId());
		assertThat(message(taken)).contains("刘志强").doesNotContain("liuzhiqiang");

		// Completed in another tab, then completed again: the task is gone.
		WebappSession holder = WebappSession.login(rest, "liuzhiqiang", "tasklist");
		tasks.complete(task.getId());
		standalone.remove(task.getId());
		ResponseEntity<String> gone = holder.send(HttpMethod.POST, ENGINE + "/task/" + task.getId() + "/complete",
				"{}");
		assertSentence(gone, HttpStatus.NOT_FOUND, task.getId());
		assertThat(message(gone)).contains("已不存在");
	}

	@Test
	void shouldLeaveOtherAnswersAsTheEngineGivesThem() {
		WebappSession political = WebappSession.login(rest, "liuzhiqiang", "tasklist");
		ResponseEntity<String> list = political.get(ENGINE + "/task?assignee=liuzhiqiang");
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody()).startsWith("[");
		ResponseEntity<String> count = political.send(HttpMethod.POST, ENGINE + "/task/count", "{}");
		assertThat(count.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(count.getBody()).contains("count");
	}

	static final String CLOSE_WITHOUT_REASON = "{\"variables\":{\"disposal\":{\"value\":\"CLOSE\",\"type\":\"String\"}}}";

	static final String PATH = "/api/discipline/leads";

	final String leads = PATH;

	/** zhaolei, head of the discipline office, registers a letter; the disposal task is theirs. */
	Task registerLead(String path) {
		Map<String, Object> body = new HashMap<>();
		body.put("source", "LETTER_REPORT");
		body.put("subject", "huangxin");
		body.put("title", "反映收受礼品问题（拒绝测试）");
		body.put("summary", "春节期间收受管理对象礼品");
		body.put("receivedOn", "2111-03-01");
		ResponseEntity<Map<String, Object>> lead = ApiClient.as(rest, "zhaolei").send(HttpMethod.POST, path, body);
		assertThat(lead.getStatusCode().is2xxSuccessful()).as(String.valueOf(lead.getBody())).isTrue();
		String number = (String) lead.getBody().get("leadNumber");
		Task decide = tasks.createTaskQuery().taskDefinitionKey("Task_DecideDisposal").list().stream()
			.filter(task -> number.equals(tasks.getVariable(task.getId(), "caseNumber")))
			.findFirst()
			.orElseThrow();
		instances.add(decide.getProcessInstanceId());
		return decide;
	}

	private String message(ResponseEntity<String> answer) throws Exception {
		return json.readTree(answer.getBody()).path("message").asText();
	}

	private void assertSentence(ResponseEntity<String> answer, HttpStatus status, String taskId) throws Exception {
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
		JsonNode body = json.readTree(answer.getBody());
		String message = body.path("message").asText();
		assertThat(message).isNotBlank()
			.doesNotContain("ENGINE-", "Cannot", "Exception", "null", taskId, "TaskListener")
			.matches("(?s).*[\\u4e00-\\u9fa5].*");
	}

}
