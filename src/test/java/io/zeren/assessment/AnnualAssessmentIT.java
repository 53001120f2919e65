package io.zeren.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

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
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.support.Rows;
import io.zeren.support.EngineTime;
import io.zeren.support.ApiClient;

/**
 * A year-end assessment of unit POL-ORG (5 people: chenjing heads it, xiezhenhua, lina, tangliang, yuanmeng)
 * on the demo agency: self-summaries, peer votes (3 of 4 peers end each evaluation), proposals, the committee
 * refused over quota (1 优秀 of 5) then fixed, leadership, publicity with an objection, the publicity timer,
 * notices acknowledged, a review, the archive with a merit citation; and who may see what over REST.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnualAssessmentIT {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Monday 7 December 2026, 09:00 in Beijing. */
	static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZONE);

	static final List<String> UNIT = List.of("chenjing", "lina", "tangliang", "xiezhenhua", "yuanmeng");

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldAssessASmallUnitFromSelfSummaryToArchive() {
		EngineTime.moveTo(management, MONDAY);
		// lina was 优秀 the two years before: a third makes a merit citation.
		for (int past : new int[] { 2024, 2025 }) {
			jdbc.update("""
					insert into zr_assessment (id, asmt_year, username, unit_code, status, peer_count, votes_required,
					  final_grade, decided_grade, created_at, version_no)
					values (?, ?, 'lina', 'POL-ORG', 'ARCHIVED', 0, 0, 'EXCELLENT', 'EXCELLENT', current_timestamp, 0)""",
					-past, past);
		}

		ApiClient committee = ApiClient.as(rest, "wuhao");
		assertThat(ApiClient.as(rest, "huangxin").send(HttpMethod.POST, "/api/assessments/2026/open",
				Map.of("units", List.of("POL-ORG"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		Map<String, Object> opened = committee.send(HttpMethod.POST, "/api/assessments/2026/open",
				Map.of("units", List.of("POL-ORG"))).getBody();
		assertThat((List<?>) opened.get("started")).hasSize(5);
		assertThat((List<?>) committee.send(HttpMethod.POST, "/api/assessments/2026/open",
				Map.of("units", List.of("POL-ORG"))).getBody().get("existing")).hasSize(5);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AnnualAssessmentProcess.KEY).count()).isEqualTo(5);

		// 述职: a blank summary is refused and the task stays.
		Task linaSummary = task(AnnualAssessmentProcess.TASK_SUBMIT_SELF_SUMMARY, "lina");
		assertThatThrownBy(() -> tasks.complete(linaSummary.getId(), Map.of("selfSummary", " ")))
			.hasMessageContaining("请填写个人总结");
		for (String person : UNIT) {
			tasks.complete(task(AnnualAssessmentProcess.TASK_SUBMIT_SELF_SUMMARY, person).getId(),
					Map.of("selfSummary", person + " 的年度总结"));
		}

		// 民主测评: four peers each, three votes end it; lina and tangliang get 优秀 votes.
		for (String person : UNIT) {
			List<Task> peers = tasks.createTaskQuery()
				.taskDefinitionKey(AnnualAssessmentProcess.TASK_EVALUATE_PEER)
				.processInstanceBusinessKey("2026:" + person)
				.list();
			assertThat(peers).hasSize(4).extracting(Task::getAssignee).doesNotContain(person);
			String grade = person.equals("lina") || person.equals("tangliang") ? "EXCELLENT" : "COMPETENT";
			for (Task vote : peers.subList(0, 3)) {
				tasks.complete(vote.getId(), Map.of("peerGrade", grade, "peerRemark", "同意"));
			}
		}
		assertThat(tasks.createTaskQuery().taskDefinitionKey(AnnualAssessmentProcess.TASK_EVALUATE_PEER).count()).isZero();

		// 负责人评鉴: chenjing for her members, the head of POL for chenjing herself.
		assertThat(tasks.createTaskQuery().taskDefinitionKey(AnnualAssessmentProcess.TASK_PROPOSE_GRADE)
			.processInstanceBusinessKey("2026:chenjing").taskCandidateUser("liuzhiqiang").count()).isOne();
		for (String person : UNIT) {
			String head = person.equals("chenjing") ? "liuzhiqiang" : "chenjing";
			Task propose = tasks.createTaskQuery()
				.taskDefinitionKey(AnnualAssessmentProcess.TASK_PROPOSE_GRADE)
				.processInstanceBusinessKey("2026:" + person)
				.taskCandidateUser(head)
				.singleResult();
			assertThat(tasks.getVariable(propose.getId(), "voteSummary")).asString().startsWith("已投 3 票");
			tasks.claim(propose.getId(), head);
			String grade = person.equals("lina") || person.equals("tangliang") ? "EXCELLENT" : "COMPETENT";
			tasks.complete(propose.getId(), Map.of("proposedGrade", grade, "headComment", "工作扎实"));
		}

		// Everyone reached the committee: its review started by itself. Two 优秀 of five is over the quota of one.
		Task review = unitTask(AssessmentCommitteeProcess.TASK_REVIEW_UNIT, "wuhao");
		assertThat(tasks.getVariable(review.getId(), "quotaText")).asString().contains("优秀名额 1 人");
		tasks.claim(review.getId(), "wuhao");
		assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of()))
			.hasMessageContaining("单位 POL-ORG 超出优秀名额")
			.hasMessageContaining("优秀名额为 1 人")
			.hasMessageContaining("当前拟定优秀 2 人");
		// The form's rows: one per person, the person offered by name.
		assertThat(tasks.getVariableTyped(review.getId(), "unitPeople", false).getValue().toString())
			.contains("\"label\":\"唐亮（", "\"value\":\"tangliang\"");
		assertThat(tasks.getVariableTyped(review.getId(), "committeeGrades", false).getValue().toString())
			.contains("\"person\":\"tangliang\"");
		assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("committeeGrades",
				Rows.of("person,grade", "tangliang", "COMPETENT"))))
			.hasMessageContaining("审核意见");
		assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("committeeGrades",
				Rows.of("person,grade", "tangliang", null, "dongwen", "COMPETENT"))))
			.hasMessageContaining("第 1 行：请为 唐亮 选择审核等次")
			.hasMessageContaining("第 2 行：所列人员不是单位");
		assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
		tasks.complete(review.getId(), Map.of("committeeGrades", Rows.of("person,grade,reason", "tangliang", "COMPETENT",
				"名额所限，按测评排序")));

		Task decide = unitTask(AssessmentCommitteeProcess.TASK_DECIDE_UNIT, "wangjianguo");
		tasks.claim(decide.getId(), "wangjianguo");
		tasks.complete(decide.getId(), Map.of("leadershipDecision", "approve"));

		// 公示: anyone sees the list; an objection against lina goes to the committee; tangliang is not on it.
		List<Map<String, Object>> published = ApiClient.as(rest, "huangxin").getList("/api/assessments/2026/published").getBody();
		assertThat(published).singleElement().satisfies(entry -> {
			assertThat(entry).containsEntry("username", "lina").containsEntry("grade", "EXCELLENT").containsEntry("status", "PUBLICITY");
		});
		ApiClient huangxin = ApiClient.as(rest, "huangxin");
		assertThat(huangxin.send(HttpMethod.POST, "/api/assessments/2026/objections",
				Map.of("username", "tangliang", "reason", "x")).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(huangxin.send(HttpMethod.POST, "/api/assessments/2026/objections", Map.of("username", "lina"))
			.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(huangxin.send(HttpMethod.POST, "/api/assessments/2026/objections",
				Map.of("username", "lina", "reason", "材料与事实不符")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Task objection = unitTask(AssessmentCommitteeProcess.TASK_RESOLVE_OBJECTION, "suting");
		assertThat(tasks.getVariable(objection.getId(), "objectionText")).isEqualTo("材料与事实不符");
		tasks.claim(objection.getId(), "suting");
		tasks.complete(objection.getId(), Map.of("resolution", "uphold", "resolutionNote", "经核实，异议不成立"));

		// Publicity over after five working days: notices and acknowledgement tasks.
		EngineTime.moveTo(management, MONDAY.plusDays(8));
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AssessmentCommitteeProcess.KEY).count()).isZero();
		assertThat(jdbc.queryForObject(
				"select count(*) from zr_mail_outbox where template = 'notice' and dedup_key like 'assessment-notice:%'",
				Integer.class)).isEqualTo(5);
		for (String person : UNIT) {
			Task ack = task(AnnualAssessmentProcess.TASK_ACKNOWLEDGE_NOTICE, person);
			tasks.complete(ack.getId(), Map.of("acknowledgement", "accept"));
		}

		// tangliang asks for a review over REST; the committee upholds.
		assertThat(ApiClient.as(rest, "tangliang").send(HttpMethod.POST, "/api/assessments/2026/reviews",
				Map.of("reason", "测评优秀票达到 100%")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Task decideReview = tasks.createTaskQuery()
			.taskDefinitionKey(AnnualAssessmentProcess.TASK_DECIDE_REVIEW)
			.processInstanceBusinessKey("2026:tangliang")
			.singleResult();
		tasks.claim(decideReview.getId(), "wuhao");
		tasks.complete(decideReview.getId(), Map.of("outcome", "uphold", "decisionNote", "名额所限，维持称职"));

		// Visibility.
		assertThat(ApiClient.as(rest, "huangxin").get("/api/assessments?unit=POL-ORG").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(ApiClient.as(rest, "lina").get("/api/assessments?username=tangliang").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		List<Map<String, Object>> own = ApiClient.as(rest, "lina").getList("/api/assessments?year=2026").getBody();
		assertThat(own).singleElement().satisfies(row -> {
			assertThat(row).containsEntry("finalGrade", "EXCELLENT").containsEntry("voteDetails", null);
			assertThat((List<?>) row.get("objections")).singleElement()
				.satisfies(o -> assertThat(((Map<?, ?>) o).get("filedBy")).isNull());
		});
		assertThat(ApiClient.as(rest, "chenjing").getList("/api/assessments?year=2026&unit=POL-ORG").getBody()).hasSize(5);
		Map<String, Object> tangliang = committee.get("/api/assessments/2026/people/tangliang").getBody();
		assertThat((List<?>) tangliang.get("voteDetails")).hasSize(3);
		assertThat(((List<?>) tangliang.get("history")).stream().map(change -> (Object) ((Map<?, ?>) change).get("stage")).toList())
			.containsExactly((Object) "HEAD", "RECOMMENDATION", "COMMITTEE", "LEADERSHIP");

		// Review and appeal windows close: archived, and lina's third 优秀 in a row flags a merit citation.
		EngineTime.moveTo(management, MONDAY.plusDays(60));
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AnnualAssessmentProcess.KEY).count()).isZero();
		assertThat(committee.getList("/api/assessments/follow-ups?year=2026").getBody()).singleElement()
			.satisfies(item -> assertThat(item).containsEntry("username", "lina").containsEntry("kind", "MERIT_CITATION"));
		assertThat(ApiClient.as(rest, "tangliang").getList("/api/assessments/follow-ups").getBody()).isEmpty();
		assertThat(ApiClient.as(rest, "tangliang").get("/api/assessments/follow-ups?username=lina").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	private Task task(String key, String assignee) {
		return tasks.createTaskQuery().taskDefinitionKey(key).taskAssignee(assignee).singleResult();
	}

	private Task unitTask(String key, String candidate) {
		return tasks.createTaskQuery()
			.processDefinitionKey(AssessmentCommitteeProcess.KEY)
			.processInstanceBusinessKey("2026:POL-ORG")
			.taskDefinitionKey(key)
			.taskCandidateUser(candidate)
			.singleResult();
	}



}
