package io.zeren.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.support.ApiClient;
import io.zeren.support.Browser;
import io.zeren.support.WebappSession;

/**
 * The 业务详情 tab's story ({@code GET /tasks/{taskId}/story}): the holder and a supervisor of the task see the
 * person's list and what happened on it (decisions with their forms' labels, comments, operations); someone else
 * is refused with a Chinese sentence and an audit line; a discipline task's lead only for those the discipline rules
 * let read it, each read and refusal on the discipline trail; and the tab itself in Tasklist, in a real browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskStoryIT {

	static final int YEAR = 2119;

	@LocalServerPort
	int port;

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
	OrganisationDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleRepository cycles;

	final Instant started = Instant.now();

	CycleDriver driver;

	@BeforeAll
	void kickOff() {
		driver = new CycleDriver(tasks, runtime, management, history, directory, jdbc);
		// As Cycles.open does it: the years given to this test lie beyond what the political department may open.
		Cycle cycle = cycles.saveAndFlush(new Cycle(YEAR, YEAR + "年度思想政治工作责任清单", null, "liuzhiqiang",
				Instant.now()));
		Map<String, Object> variables = new HashMap<>();
		variables.put(AnnualCycleProcess.VAR_CYCLE_ID, cycle.getId());
		variables.put(AnnualCycleProcess.VAR_YEAR, YEAR);
		variables.put(AnnualCycleProcess.VAR_WORK_POINTS, null);
		variables.putAll(io.zeren.shared.TaskNames.context(YEAR, null, null));
		variables.put(AnnualCycleProcess.VAR_CATALOGUE_ROWS, io.zeren.shared.FormRows.json(java.util.List.of()));
		runtime.startProcessInstanceByKey(AnnualCycleProcess.KEY, String.valueOf(YEAR), variables);
		driver.approveAndConfirmUnits(YEAR);
		driver.runKickOffJob(YEAR);
	}

	@AfterAll
	void cleanUp() {
		driver.cleanUp(YEAR, started.minusSeconds(5));
		ClockUtil.reset();
	}

	@Test
	void shouldTellTheListAndItsHistoryToThoseWhoMaySeeTheTask() {
		Task review = tasks.createTaskQuery().processInstanceBusinessKey(YEAR + ":lina")
			.taskDefinitionKey(PersonalResponsibilityProcess.TASK_REVIEW_LIST).singleResult();

		// The holder: her list with its items, nothing done yet.
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");
		ResponseEntity<String> mine = lina.get("/tasks/" + review.getId() + "/story");
		assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(mine.getBody()).contains(YEAR + " 年度个人责任清单：李娜", "谈心谈话", "每季度至少一次", "集中政治轮训",
				"尚未记实", "此前尚无已办结的环节", "此任务尚未被督办")
			.doesNotContain("履行单位主体责任", "null", "2,119", "<html");

		// Her unit head stands in her supervisor chain: he sees it too.
		WebappSession chenjing = WebappSession.login(rest, "chenjing", "tasklist");
		assertThat(chenjing.get("/tasks/" + review.getId() + "/story").getStatusCode()).isEqualTo(HttpStatus.OK);

		// Someone of another unit is refused, in Chinese, and the refusal is on the security trail.
		WebappSession huangxin = WebappSession.login(rest, "huangxin", "tasklist");
		ResponseEntity<String> refused = huangxin.get("/tasks/" + review.getId() + "/story");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody()).contains("无权查看它的业务详情").doesNotContain("谈心谈话", "Forbidden", "story.");
		assertThat(jdbc.queryForObject("select count(*) from zr_sec_audit where actor = 'huangxin' and target like ?",
				Long.class, "%/tasks/" + review.getId() + "/story%")).isPositive();

		// She objects to the first item; her unit head claims the answer, after a comment of hers.
		ResponseEntity<String> objected = ApiClient.as(rest, "lina").completeTask(review.getId(), review.getAssignee(),
				"lina", Map.of("listDecision", "object", "objectionItemNo", 1, "objectionReason", "谈话次数过多，建议每半年一次"));
		assertThat(objected.getStatusCode()).as(objected.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		Task answer = tasks.createTaskQuery().processInstanceId(review.getProcessInstanceId())
			.taskDefinitionKey(PersonalResponsibilityProcess.TASK_ANSWER_OBJECTION).singleResult();
		identity.setAuthenticatedUserId("lina");
		try {
			tasks.createComment(answer.getId(), answer.getProcessInstanceId(), "请科长尽快答复");
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(ApiClient.as(rest, "chenjing").sendRaw(HttpMethod.POST, "/engine-rest/task/" + answer.getId()
				+ "/claim", "{\"userId\":\"chenjing\"}").getStatusCode().is2xxSuccessful()).isTrue();

		ResponseEntity<String> story = chenjing.get("/tasks/" + answer.getId() + "/story");
		assertThat(story.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(story.getBody()).contains("谈心谈话", "审阅并签署个人责任清单", "李娜", "我的决定：", "对某一项提出异议",
				"异议理由：", "谈话次数过多，建议每半年一次", "请科长尽快答复", "陈静", "认领了“" + YEAR + "年度 答复清单异议：李娜”", "异议及答复")
			.doesNotContain("listDecision", ">object<", "null");
		// The person who objected is no candidate of the answer, and no supervisor of her head: refused.
		assertThat(lina.get("/tasks/" + answer.getId() + "/story").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(lina.get("/tasks/no-such-task/story").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldShowTheStoryAsATabOfTheTaskInTasklist() {
		Task review = tasks.createTaskQuery().processInstanceBusinessKey(YEAR + ":tangliang")
			.taskDefinitionKey(PersonalResponsibilityProcess.TASK_REVIEW_LIST).singleResult();
		ResponseEntity<String> objected = ApiClient.as(rest, "tangliang").completeTask(review.getId(),
				review.getAssignee(), "tangliang", Map.of("listDecision", "object", "objectionItemNo", 2,
						"objectionReason", "轮训时间与值班冲突，请调整"));
		assertThat(objected.getStatusCode()).as(objected.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		Task answer = tasks.createTaskQuery().processInstanceId(review.getProcessInstanceId())
			.taskDefinitionKey(PersonalResponsibilityProcess.TASK_ANSWER_OBJECTION).singleResult();

		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("chenjing");
			browser.waitForText("您好");
			browser.go("/camunda/app/tasklist/default/#/?task=" + answer.getId() + "&detailsTab=zeren-task-story");
			browser.visible(By.cssSelector(".zeren-story-items"));
			browser.waitForText("轮训时间与值班冲突，请调整");
			String text = browser.text();
			assertThat(text).contains("业务详情", YEAR + " 年度个人责任清单：唐亮", "谈心谈话", "集中政治轮训", "办理意见",
					"审阅并签署个人责任清单", "对某一项提出异议", "督办记录")
				.doesNotContain("null", "listDecision", "2,119");
			browser.screenshot("tasklist-task-story");
		}
	}

	@Test
	void shouldShowALeadOnlyToThoseTheDisciplineRulesLetReadIt() {
		ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2120-03-02T02:00:00Z")));
		Map<String, Object> request = new HashMap<>();
		request.put("source", "LETTER_REPORT");
		request.put("subject", "huangxin");
		request.put("unitCode", "OPS-1");
		request.put("title", "反映黄鑫工作日饮酒");
		request.put("summary", "来信反映黄鑫工作日午间饮酒");
		request.put("receivedOn", LocalDate.of(2120, 3, 1).toString());
		ResponseEntity<Map<String, Object>> registered = ApiClient.as(rest, "zhaolei").send(HttpMethod.POST,
				"/api/discipline/leads", request);
		assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
		long leadId = ((Number) registered.getBody().get("id")).longValue();
		ProcessInstance lead = runtime.createProcessInstanceQuery().processDefinitionKey("LeadDisposalProcess")
			.variableValueEquals("leadId", leadId).singleResult();
		try {
			Task decide = tasks.createTaskQuery().processInstanceId(lead.getId()).taskDefinitionKey("Task_DecideDisposal")
				.singleResult();
			assertThat(decide.getAssignee()).isEqualTo("zhaolei");

			ResponseEntity<String> office = WebappSession.login(rest, "zhaolei", "tasklist")
				.get("/tasks/" + decide.getId() + "/story");
			assertThat(office.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(office.getBody()).contains("线索与案件", "反映黄鑫工作日饮酒", "来信反映黄鑫工作日午间饮酒")
				.doesNotContain("仅限纪检组", "null");
			assertThat(disciplineTrail("zhaolei", "LEAD_VIEWED", leadId)).isPositive();

			// The subject and his unit head hold nothing of it: refused, on both trails.
			for (String outsider : new String[] { "huangxin", "zhengyang" }) {
				ResponseEntity<String> refused = WebappSession.login(rest, outsider, "tasklist")
					.get("/tasks/" + decide.getId() + "/story");
				assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(refused.getBody()).doesNotContain("饮酒");
				assertThat(disciplineTrail(outsider, "READ_DENIED", leadId)).as(outsider).isPositive();
			}
		}
		finally {
			runtime.createProcessInstanceQuery().processInstanceId(lead.getId()).list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
			ClockUtil.reset();
		}
	}

	private long disciplineTrail(String actor, String action, long leadId) {
		return jdbc.queryForObject("select count(*) from zr_dis_audit where actor = ? and action = ? and lead_id = ?",
				Long.class, actor, action, leadId);
	}

}
