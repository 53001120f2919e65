package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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
 * Approval operations (退回, 转办, 委派, 加签, 抄送, 撤回, 催办) and their refusals, through Zeren's API as each person,
 * on assigned work (a supervisor assigns, the assignee does it, the supervisor confirms), a personal task and a
 * discipline task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskOperationsIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskOperations operations;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void cleanUp() {
		identity.clearAuthentication();
		runtime.createProcessInstanceQuery()
			.processDefinitionKey("AssignedWorkProcess")
			.variableValueEquals("workTitle", TITLE)
			.list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		jdbc.update("delete from zr_task_op_policy where process_key = 'AuthorityPersonalFixtureProcess'");
	}

	static final String TITLE = "审批操作测试";

	@Test
	@SuppressWarnings("unchecked")
	void shouldReturnToAPassedStepAndCopyAColleagueWhoGetsNoPowerOnTheTask() {
		String instance = assign();
		complete("lina", open(instance, "Task_DoAssignedWork"), Map.of("workResult", "已办理"));
		Task confirm = open(instance, "Task_ConfirmAssignedWork");
		assertThat(confirm.getAssignee()).isEqualTo("chenjing");

		Map<String, Object> available = ApiClient.as(rest, "chenjing").get(ops(confirm) ).getBody();
		@SuppressWarnings("unchecked")
		Map<String, Object> task = (Map<String, Object>) available.get("task");
		assertThat((List<Object>) task.get("operations")).contains("return", "cc").doesNotContain("transfer", "urge");
		assertThat(task.get("returnSteps").toString()).contains("Task_DoAssignedWork", "办理：" + TITLE);
		assertThat(task.get("people").toString()).contains("李娜（组织干部科·科员）").doesNotContain("陈静（");

		// Someone else, a step never passed, a step the policy does not list: refused.
		assertThat(post("lina", ops(confirm) + "/return", "{\"step\":\"Task_DoAssignedWork\"}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> notPassed = post("chenjing", ops(confirm) + "/return", "{\"step\":\"Task_Nowhere\"}");
		assertThat(notPassed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(notPassed.getBody()).contains("只能退回到本流程已经办理过的环节");

		assertThat(post("chenjing", ops(confirm) + "/cc", "{\"people\":[\"tangliang\"],\"comment\":\"请知悉\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(post("chenjing", ops(confirm) + "/return",
				"{\"step\":\"Task_DoAssignedWork\",\"comment\":\"材料不全，请补充\"}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		Task again = open(instance, "Task_DoAssignedWork");
		assertThat(again.getAssignee()).isEqualTo("lina");
		assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ConfirmAssignedWork").count())
			.isZero();

		// The person copied sees the notice, and nothing more: the task's history is theirs to read, the task not.
		List<Map<String, Object>> copied = ApiClient.as(rest, "tangliang").getList("/api/my/cc").getBody();
		assertThat(copied).anySatisfy(entry -> {
			assertThat(entry.get("taskName")).isEqualTo("确认办结：李娜 " + TITLE);
			assertThat(entry.get("byName")).isEqualTo("陈静");
			assertThat(entry.get("comment")).isEqualTo("请知悉");
		});
		assertThat(ApiClient.as(rest, "tangliang").get("/engine-rest/task/" + again.getId()).getStatusCode())
			.isNotEqualTo(HttpStatus.OK);
		assertThat(post("tangliang", ops(again) + "/transfer", "{\"person\":\"xiezhenhua\"}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		List<TaskOperationEntry> story = operations.history(instance);
		assertThat(story).extracting(TaskOperationEntry::label).containsExactly("抄送", "退回");
		assertThat(story.get(1).actorName()).isEqualTo("陈静");
		assertThat(story.get(1).targetName()).isEqualTo("李娜");
		assertThat(story.get(1).targetStep()).isEqualTo("办理：" + TITLE);
		assertThat(story.get(1).comment()).isEqualTo("材料不全，请补充");
		assertThat(ApiClient.as(rest, "tangliang").getList("/api/process-instances/" + instance + "/operations")
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ApiClient.as(rest, "huangxin").get("/api/process-instances/" + instance + "/operations")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldTransferDelegateAndAddAnApproverWhoMustSignFirst() {
		String instance = assign();
		Task work = open(instance, "Task_DoAssignedWork");

		// 委派: the delegate cannot complete, only hand back; then the owner holds it again.
		assertThat(post("lina", ops(work) + "/delegate", "{\"person\":\"tangliang\"}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(open(instance, "Task_DoAssignedWork").getAssignee()).isEqualTo("tangliang");
		assertThat(complete("tangliang", work, Map.of("workResult", "代办")).getBody()).contains("已委派");
		assertThat(post("tangliang", ops(work) + "/resolve", "{\"comment\":\"已核对\"}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(open(instance, "Task_DoAssignedWork").getAssignee()).isEqualTo("lina");

		// 加签: the task waits for the extra approver's opinion.
		ResponseEntity<Map<String, Object>> added = ApiClient.as(rest, "lina").send(HttpMethod.POST,
				ops(work) + "/add-signer", Map.of("person", "xiezhenhua", "comment", "请把关"));
		assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
		String sign = (String) added.getBody().get("id");
		assertThat(complete("lina", work, Map.of("workResult", "已办理")).getBody()).contains("加签人未签署意见", "谢振华");
		assertThat(post("lina", "/api/tasks/" + sign + "/operations/sign", "{\"comment\":\"同意\"}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// Tasklist's own 完成 on the signature would skip the opinion and the history: refused with a sentence.
		ResponseEntity<String> bare = post("xiezhenhua", "/engine-rest/task/" + sign + "/complete", "{}");
		assertThat(bare.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(bare.getBody()).contains("办理操作").doesNotContain("ENGINE", "Exception");
		assertThat(post("xiezhenhua", "/api/tasks/" + sign + "/operations/sign", "{\"comment\":\"同意\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// 转办: the new holder does it; the former one has no say any more.
		assertThat(post("lina", ops(work) + "/transfer", "{\"person\":\"nobody\"}").getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(post("lina", ops(work) + "/transfer", "{\"person\":\"tangliang\",\"comment\":\"由唐亮办理\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(open(instance, "Task_DoAssignedWork").getAssignee()).isEqualTo("tangliang");
		assertThat(post("lina", ops(work) + "/cc", "{\"people\":[\"xiezhenhua\"]}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(complete("tangliang", work, Map.of("workResult", "已办理")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(operations.history(instance)).extracting(TaskOperationEntry::type)
			.containsExactly("DELEGATE", "RESOLVE", "ADD_SIGNER", "SIGN", "TRANSFER");
	}

	@Test
	void shouldWithdrawOnlyWhileTheNextStepIsUntouched() {
		String instance = assign();
		Task work = open(instance, "Task_DoAssignedWork");
		complete("lina", work, Map.of("workResult", "初稿"));

		assertThat(post("chenjing", "/api/tasks/" + work.getId() + "/operations/withdraw", "{}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("lina", "/api/tasks/" + work.getId() + "/operations/withdraw", "{\"comment\":\"需要修改\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Task back = open(instance, "Task_DoAssignedWork");
		assertThat(back.getAssignee()).isEqualTo("lina");
		assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ConfirmAssignedWork").count())
			.isZero();

		complete("lina", back, Map.of("workResult", "定稿"));
		Task confirm = open(instance, "Task_ConfirmAssignedWork");
		// The next holder copies it to someone: the step is touched, no withdrawal any more.
		assertThat(post("chenjing", ops(confirm) + "/cc", "{\"people\":[\"xiezhenhua\"]}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<String> late = post("lina", "/api/tasks/" + back.getId() + "/operations/withdraw", "{}");
		assertThat(late.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(late.getBody()).contains("已有人办理");
		assertThat(open(instance, "Task_ConfirmAssignedWork")).isNotNull();
	}

	@Test
	void shouldLetTheInitiatorUrgeBeforeTheDeadlineOnceInAWhile() {
		String instance = assign();
		Task work = open(instance, "Task_DoAssignedWork");

		assertThat(post("tangliang", ops(work) + "/urge", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> first = post("chenjing", ops(work) + "/urge", "{\"comment\":\"请抓紧\"}");
		assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> second = post("chenjing", ops(work) + "/urge", "{}");
		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(second.getBody()).contains("刚刚已催办过");
		assertThat(operations.history(instance)).extracting(TaskOperationEntry::label).containsExactly("催办");
	}

	@Test
	void shouldKeepAPersonalTaskWithItsOwnerWhateverThePolicySays() {
		repository.createDeployment()
			.addClasspathResource("bpmn/task-authority-fixture.bpmn")
			.addClasspathResource("bpmn/fixture.form")
			.deploy();
		jdbc.update("insert into zr_task_op_policy (process_key, task_key, operations) values (?, '*', ?)",
				"AuthorityPersonalFixtureProcess", "transfer,delegate,add-signer,cc,urge");
		String instance = runtime.startProcessInstanceByKey("AuthorityPersonalFixtureProcess",
				Map.of("note", "内部材料", "owner", "lina")).getId();
		Task personal = tasks.createTaskQuery().processInstanceId(instance).singleResult();
		try {
			for (String op : List.of("transfer", "delegate", "add-signer")) {
				ResponseEntity<String> refused = post("lina", ops(personal) + "/" + op, "{\"person\":\"tangliang\"}");
				assertThat(refused.getStatusCode()).as(op).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(refused.getBody()).contains("本人事项");
			}
			assertThat(post("lina", ops(personal) + "/cc", "{\"people\":[\"tangliang\"]}").getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(tasks.createTaskQuery().taskId(personal.getId()).singleResult().getAssignee()).isEqualTo("lina");
		}
		finally {
			runtime.deleteProcessInstance(instance, "test over");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldNeverCopyAConfidentialTaskNorHandItOutsideTheDisciplineOffice() {
		Map<String, Object> request = new HashMap<>();
		request.put("source", "LETTER_REPORT");
		request.put("subject", "huangxin");
		request.put("unitCode", "OPS-1");
		request.put("title", "反映黄鑫违规问题（审批操作）");
		request.put("summary", "来信反映违规收受礼品");
		request.put("receivedOn", LocalDate.now().minusDays(1).toString());
		request.put("informantName", "匿名");
		ResponseEntity<Map<String, Object>> registered = ApiClient.as(rest, "zhaolei").send(HttpMethod.POST,
				"/api/discipline/leads", request);
		assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
		long lead = ((Number) registered.getBody().get("id")).longValue();
		String instance = jdbc.queryForObject(
				"select process_instance_id from zr_dis_instance where lead_id = ? and process_key = 'LeadDisposalProcess'",
				String.class, lead);
		Task decide = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_DecideDisposal")
			.singleResult();
		try {
			if (decide.getAssignee() == null) {
				identity.setAuthentication("zhaolei", List.of());
				tasks.claim(decide.getId(), "zhaolei");
				identity.clearAuthentication();
			}
			ResponseEntity<String> cc = post("zhaolei", ops(decide) + "/cc", "{\"people\":[\"dongwen\"]}");
			assertThat(cc.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(cc.getBody()).contains("涉密任务不能抄送");
			ResponseEntity<String> outside = post("zhaolei", ops(decide) + "/transfer", "{\"person\":\"lina\"}");
			assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(outside.getBody()).contains("李娜");
			@SuppressWarnings("unchecked")
			Map<String, Object> task = (Map<String, Object>) ApiClient.as(rest, "zhaolei").get(ops(decide)).getBody()
				.get("task");
			assertThat((List<Object>) task.get("operations")).doesNotContain("cc");
			assertThat(task.get("people").toString()).contains("董雯").doesNotContain("李娜");
			assertThat(post("zhaolei", ops(decide) + "/transfer", "{\"person\":\"dongwen\"}").getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(tasks.createTaskQuery().taskId(decide.getId()).singleResult().getAssignee()).isEqualTo("dongwen");
		}
		finally {
			identity.clearAuthentication();
		}
	}

	// --- helpers ----------------------------------------------------------------------------------------------

	/** chenjing assigns work to lina the way Tasklist starts it; returns the instance. */
	private String assign() {
		String body = "{\"variables\":{\"workTitle\":{\"value\":\"" + TITLE + "\",\"type\":\"String\"},"
				+ "\"workDescription\":{\"value\":\"说明\",\"type\":\"String\"},"
				+ "\"workAssignee\":{\"value\":\"lina\",\"type\":\"String\"}}}";
		ResponseEntity<String> started = ApiClient.as(rest, "chenjing")
			.sendRaw(HttpMethod.POST, "/engine-rest/process-definition/key/AssignedWorkProcess/submit-form", body);
		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
		return idOf(started.getBody());
	}

	private static String idOf(String json) {
		int at = json.indexOf("\"id\":\"") + 6;
		return json.substring(at, json.indexOf('"', at));
	}

	private Task open(String instance, String key) {
		return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
	}

	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> variables) {
		return ApiClient.as(rest, user).completeTask(task.getId(), "x", user, variables);
	}

	private ResponseEntity<String> post(String user, String path, String json) {
		return ApiClient.as(rest, user).sendRaw(HttpMethod.POST, path, json);
	}

	private static String ops(Task task) {
		return "/api/tasks/" + task.getId() + "/operations";
	}

}
