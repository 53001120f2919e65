package io.zeren.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.support.ApiClient;

/**
 * The deploy phase and daily record over REST and Tasklist on the demo agency: open a cycle (political
 * department only, once per year), approve, unit lists, kick-off, lina objects and signs, records evidence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResponsibilityApiIT {

	static final int YEAR = 2043;

	/** The year of the unit-list test. */
	static final int UNITS_YEAR = 2047;

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
	OrganisationDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	final Instant started = Instant.now();

	@AfterEach
	void cleanUp() {
		CycleDriver driver = new CycleDriver(tasks, runtime, management, history, directory, jdbc);
		driver.cleanUp(YEAR, started.minusSeconds(5));
		driver.cleanUp(UNITS_YEAR, started.minusSeconds(5));
		ClockUtil.reset();
	}

	/**
	 * One UnitListProcess per unit: a head's edit through the engine REST (as a client completing the task with
	 * variables) is what gets confirmed; the cycle waits until the last unit, and two heads confirming the last
	 * two units at the same moment release it exactly once.
	 */
	@Test
	void shouldWaitForEveryUnitAndReleaseTheCycleOnce() throws Exception {
		CycleDriver driver = new CycleDriver(tasks, runtime, management, history, directory, jdbc);
		ApiClient political = ApiClient.as(rest, "liuzhiqiang");
		assertThat(political.send(HttpMethod.POST, "/api/cycles", Map.of("year", UNITS_YEAR)).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		driver.complete(UNITS_YEAR, AnnualCycleProcess.TASK_DRAFT_CATALOGUE,
				Map.of("workPoints", "坚持政治建警", "catalogueRows", TestRows.catalogue()));
		driver.complete(UNITS_YEAR, AnnualCycleProcess.TASK_APPROVE_CATALOGUE, Map.of("catalogueDecision", "approve"));
		driver.createUnitTasks(UNITS_YEAR);

		String cycle = runtime.createProcessInstanceQuery().processDefinitionKey(AnnualCycleProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(UNITS_YEAR)).singleResult().getId();
		List<Task> unitTasks = new java.util.ArrayList<>(driver.unitTasks(UNITS_YEAR));
		assertThat(unitTasks).hasSize(political.getList("/api/cycles/" + UNITS_YEAR + "/unit-lists").getBody().size())
			.hasSizeGreaterThan(3);
		assertThat(runtime.getActiveActivityIds(cycle)).containsExactly(AnnualCycleProcess.EVENT_UNIT_LISTS_CONFIRMED);

		// chenjing (head of POL-ORG) drops the third item and tightens the first, through the engine REST.
		Task polOrg = unitTasks.stream().filter(task -> tasks.getVariable(task.getId(), "unitCode").equals("POL-ORG"))
			.findFirst().orElseThrow();
		assertThat(tasks.getVariableTyped(polOrg.getId(), UnitListProcess.VAR_UNIT_LIST_ROWS).getType().getName())
			.isEqualTo("json");
		assertThat(tasks.getVariableTyped(polOrg.getId(), UnitListProcess.VAR_UNIT_LIST_ROWS, false).getValue())
			.asString().contains("\"title\":\"谈心谈话\"", "集中政治轮训", "履行单位主体责任", "\"forUnit\":true");
		// Submitted as Tasklist submits a form's rows: a Json variable through /task/{id}/submit-form. A bad row
		// is refused with its number and the task stays open; malformed rows are refused with a sentence too.
		ApiClient chenjing = ApiClient.as(rest, "chenjing");
		assertThat(chenjing.sendRaw(HttpMethod.POST, "/engine-rest/task/" + polOrg.getId() + "/claim",
				"{\"userId\":\"chenjing\"}").getStatusCode().is2xxSuccessful()).isTrue();
		ResponseEntity<String> badRow = chenjing.sendRaw(HttpMethod.POST,
				"/engine-rest/task/" + polOrg.getId() + "/submit-form", """
						{"variables":{"unitListRows":{"type":"Json","value":"[{\\"title\\":\\"谈心谈话\\",\\"weight\\":30},{\\"title\\":\\"集中政治轮训\\",\\"weight\\":300}]"}}}""");
		assertThat(badRow.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(badRow.getBody()).contains("第 2 行：权重须在 1 到 100 之间");
		ResponseEntity<String> malformed = chenjing.sendRaw(HttpMethod.POST,
				"/engine-rest/task/" + polOrg.getId() + "/submit-form",
				"{\"variables\":{\"unitListRows\":{\"type\":\"Json\",\"value\":\"{\\\"title\\\":1}\"}}}");
		assertThat(malformed.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(malformed.getBody()).contains("表格内容无法识别");
		assertThat(tasks.createTaskQuery().taskId(polOrg.getId()).count()).isOne();
		ResponseEntity<String> submitted = chenjing.sendRaw(HttpMethod.POST,
				"/engine-rest/task/" + polOrg.getId() + "/submit-form", """
						{"variables":{"unitListRows":{"type":"Json","value":"[{\\"title\\":\\"谈心谈话\\",\\"target\\":\\"每月至少一次\\",\\"measure\\":\\"与本单位干警谈心\\",\\"weight\\":40,\\"dueOn\\":\\"2122-06-30\\",\\"categories\\":[],\\"forUnit\\":false},{\\"title\\":\\"集中政治轮训\\",\\"target\\":\\"全年参训\\",\\"measure\\":\\"参加轮训\\",\\"weight\\":20,\\"categories\\":[\\"LEADING_CADRE\\"]},{}]"}}}""");
		assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> polOrgList = political.get("/api/cycles/" + UNITS_YEAR + "/unit-lists/POL-ORG").getBody();
		assertThat(polOrgList).containsEntry("confirmedBy", "chenjing");
		assertThat(items(polOrgList)).extracting(item -> item.get("title") + " " + item.get("target"))
			.containsExactly("谈心谈话 每月至少一次", "集中政治轮训 全年参训");
		unitTasks.remove(polOrg);

		// Every unit but the last two: the cycle keeps waiting.
		List<Task> lastTwo = unitTasks.subList(unitTasks.size() - 2, unitTasks.size());
		for (Task unitTask : unitTasks.subList(0, unitTasks.size() - 2)) {
			tasks.complete(unitTask.getId());
		}
		assertThat(runtime.getActiveActivityIds(cycle)).containsExactly(AnnualCycleProcess.EVENT_UNIT_LISTS_CONFIRMED);

		// The last two at the same moment: the first head's confirmation has counted one unit still open and not
		// committed yet when the second head confirms. The second waits for the first (the cycle's row lock), then
		// finds none open and releases the cycle; without the lock each would have seen the other's as open.
		io.zeren.support.TransactionRace.secondWaitsForFirst(transactions, () -> tasks.complete(lastTwo.get(0).getId()),
				() -> {
					tasks.complete(lastTwo.get(1).getId());
					return null;
				});
		assertThat(driver.unitTasks(UNITS_YEAR)).isEmpty();
		assertThat(runtime.getActiveActivityIds(cycle)).containsExactly(AnnualCycleProcess.TASK_KICK_OFF);
		assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(cycle)
			.activityId(AnnualCycleProcess.EVENT_UNIT_LISTS_CONFIRMED).finished().count()).isOne();
		assertThat(political.get("/api/cycles/" + UNITS_YEAR).getBody()).containsEntry("state", "UNIT_LISTS");
	}

	@Test
	void shouldDeployAYearAndRecordEvidence() {
		CycleDriver driver = new CycleDriver(tasks, runtime, management, history, directory, jdbc);
		ApiClient political = ApiClient.as(rest, "liuzhiqiang");
		ApiClient lina = ApiClient.as(rest, "lina");
		Map<String, Object> body = Map.of("year", YEAR, "workPoints", "坚持政治建警");

		// Only the political department (its sections included, like lina's) and admins open a cycle.
		ApiClient huangxin = ApiClient.as(rest, "huangxin");
		assertThat(huangxin.send(HttpMethod.POST, "/api/cycles", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(political.send(HttpMethod.POST, "/api/cycles", Map.of("year", 1999)).getBody().get("violations"))
			.asString().contains("1999");

		ResponseEntity<Map<String, Object>> opened = political.send(HttpMethod.POST, "/api/cycles", body);
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(opened.getBody()).containsEntry("state", "DRAFTING").containsEntry("title", YEAR + "年度思想政治工作责任清单");

		ResponseEntity<Map<String, Object>> again = ApiClient.as(rest, "admin").send(HttpMethod.POST, "/api/cycles", body);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(again.getBody().get("violations")).asString().contains(YEAR + " 年度的责任周期已经开启");
		assertThat(lina.get("/api/cycles/" + YEAR).getBody()).containsEntry("state", "DRAFTING");

		// A catalogue with a bad line is refused with the line's problem, and the task stays open.
		Task draft = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(YEAR)).singleResult();
		assertThat(draft.getTaskDefinitionKey()).isEqualTo(AnnualCycleProcess.TASK_DRAFT_CATALOGUE);
		try {
			tasks.complete(draft.getId(), Map.of("workPoints", "要点", "catalogueRows",
					TestRows.json(TestRows.row("谈心谈话", "目标", "措施", 30), TestRows.row("", "目标", "措施", "很多"))));
			fail("a bad row was accepted");
		}
		catch (RuntimeException ex) {
			assertThat(ex.getMessage()).contains("第 2 行：标题不能为空", "第 2 行：权重须在 1 到 100 之间");
		}
		assertThat(tasks.createTaskQuery().taskId(draft.getId()).count()).isOne();

		assertThat(political.send(HttpMethod.POST, "/api/cycles/" + YEAR + "/kickoff", null).getStatusCode())
			.as("no kick-off before the unit lists").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		driver.approveAndConfirmUnits(YEAR);
		assertThat(lina.getList("/api/cycles/" + YEAR + "/catalogue").getBody()).hasSize(3);
		assertThat(lina.get("/api/cycles/" + YEAR + "/unit-lists/POL-ORG").getBody().get("confirmedBy")).isNotNull();
		driver.runKickOffJob(YEAR);

		long staff = driver.activeStaff();
		assertThat(lina.get("/api/cycles/" + YEAR).getBody()).containsEntry("state", "DEPLOYED");
		assertThat(lina.get("/api/cycles/" + YEAR + "/kickoff").getBody()).containsEntry("state", "COMPLETED")
			.containsEntry("done", (int) staff);
		assertThat(huangxin.send(HttpMethod.POST, "/api/cycles/" + YEAR + "/kickoff", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(political.send(HttpMethod.POST, "/api/cycles/" + YEAR + "/kickoff", null).getBody())
			.containsEntry("done", (int) staff);

		// lina (non-leading cadre) gets the items for all and for cadres, not the unit's own.
		Map<String, Object> list = lina.getList("/api/lists").getBody().get(0);
		List<Map<String, Object>> items = items(list);
		assertThat(items).extracting(item -> item.get("title")).containsExactly("谈心谈话", "集中政治轮训");
		Number listId = (Number) list.get("id");
		assertThat(ApiClient.as(rest, "huangxin").get("/api/lists/" + listId).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(ApiClient.as(rest, "chenjing").get("/api/lists/" + listId).getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> chenjingList = ApiClient.as(rest, "chenjing").getList("/api/lists").getBody().get(0);
		assertThat(items(chenjingList)).extracting(item -> item.get("title")).contains("履行单位主体责任");

		// lina objects to item 2, her head answers, she signs.
		Task review = personalTask("lina");
		assertThat(review.getAssignee()).isEqualTo("lina");
		// The review form shows the list as issued (written with the start, not read back per task).
		assertThat(tasks.getVariableTyped(review.getId(), "listView", false).getValue()).asString()
			.contains("\"no\":1,\"title\":\"谈心谈话\"", "\"no\":2,\"title\":\"集中政治轮训\"", "\"categories\":\"领导干部、非领导干部\"")
			.doesNotContain("\"no\":3");
		tasks.complete(review.getId(), Map.of("listDecision", "object", "objectionItemNo", 2, "objectionReason", "今年已参训"));
		Task answer = tasks.createTaskQuery().processInstanceBusinessKey(YEAR + ":lina").taskCandidateGroup("head-pol-org")
			.singleResult();
		assertThat(runtime.getVariable(answer.getProcessInstanceId(), "objectionText")).asString()
			.contains("集中政治轮训", "今年已参训");
		tasks.claim(answer.getId(), "chenjing");
		// Answer forms carry no leftovers of an earlier round; two adjusted rows are refused.
		assertThat(tasks.getVariable(answer.getId(), "objectionAnswer")).isNull();
		assertThatThrownBy(() -> tasks.complete(answer.getId(), Map.of("objectionAnswer", "改为线上轮训",
				"adjustedItemRows", TestRows.json(TestRows.row("集中政治轮训", "线上完成", "网络学院", 20),
						TestRows.row("读书", "全年", "读书", 10)))))
			.hasMessageContaining("调整后的事项只能填写一项");
		tasks.complete(answer.getId(), Map.of("objectionAnswer", "改为线上轮训", "adjustedItemRows",
				TestRows.json(TestRows.row("集中政治轮训", "线上完成", "网络学院", 20, "学习证明", null, List.of(), null, false))));
		// The next review task shows the list as the answer adjusted it, and starts with no decision.
		Task reviewAgain = personalTask("lina");
		assertThat(tasks.getVariableTyped(reviewAgain.getId(), "listView", false).getValue()).asString()
			.contains("\"target\":\"线上完成\"");
		assertThat(tasks.getVariable(reviewAgain.getId(), "listDecision")).isNull();
		assertThat(tasks.getVariable(reviewAgain.getId(), "objectionReason")).isNull();
		assertThat(tasks.getVariable(reviewAgain.getId(), "objectionAnswer")).isEqualTo("改为线上轮训");
		tasks.complete(reviewAgain.getId(), Map.of("listDecision", "sign"));
		Map<String, Object> signed = lina.get("/api/lists/" + listId).getBody();
		assertThat(signed).containsEntry("state", "SIGNED");
		assertThat(signed.get("objections")).asString().contains("改为线上轮训", "chenjing");
		assertThat(items(signed).get(1)).containsEntry("target", "线上完成");

		// Evidence: the owner only, checked input, then it counts in the progress.
		ClockUtil.setCurrentTime(Date.from(Instant.parse(YEAR + "-05-01T02:00:00Z")));
		Number itemId = (Number) items.get(0).get("id");
		String evidencePath = "/api/lists/" + listId + "/items/" + itemId + "/evidence";
		Map<String, Object> talk = Map.of("occurredOn", YEAR + "-04-20", "kind", "HEART_TO_HEART_TALK", "note", "与唐亮谈心",
				"attachmentName", "谈话记录.pdf", "attachmentType", "application/pdf", "attachmentSize", 20480);
		assertThat(ApiClient.as(rest, "huangxin").send(HttpMethod.POST, evidencePath, talk).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map<String, Object>> bad = lina.send(HttpMethod.POST, evidencePath,
				Map.of("occurredOn", YEAR + "-06-01", "kind", "PARTY"));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat((List<?>) bad.getBody().get("violations")).hasSize(2);
		ResponseEntity<Map<String, Object>> recorded = lina.send(HttpMethod.POST, evidencePath, talk);
		assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(recorded.getBody()).containsEntry("kindLabel", "谈心谈话").containsEntry("attachmentSize", 20480);

		Map<String, Object> progress = lina.get("/api/lists/" + listId + "/progress").getBody();
		assertThat(items(progress).get(0)).containsEntry("evidenceCount", 1)
			.containsEntry("lastEvidenceOn", LocalDate.of(YEAR, 4, 20).toString());
		assertThat(lina.get("/api/cycles/" + YEAR + "/progress").getBody()).containsEntry("signed", 1)
			.containsEntry("evidenceRecords", 1);
	}

	private Task personalTask(String username) {
		return tasks.createTaskQuery().processInstanceBusinessKey(YEAR + ":" + username)
			.taskDefinitionKey(PersonalResponsibilityProcess.TASK_REVIEW_LIST).singleResult();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(Map<String, Object> list) {
		return (List<Map<String, Object>>) list.get("items");
	}

}
