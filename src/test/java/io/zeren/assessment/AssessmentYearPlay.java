package io.zeren.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.support.ApiClient;

/**
 * Plays the year-end assessment of unit POL-ORG (chenjing heads it; lina, tangliang, xiezhenhua, yuanmeng) for a
 * year of the caller's own, the way AnnualAssessmentIT and YearIT do: opened over REST by the committee, every
 * step a task completed by its person; one 优秀 (within the unit's quota of one), the others 称职. Only this
 * year's instances are touched: no clock travel and no job but this year's publicity timer; {@link #cleanUp}
 * removes what is still running and the notices other tests count.
 */
public final class AssessmentYearPlay {

	public static final String UNIT_CODE = "POL-ORG";

	public static final List<String> UNIT = List.of("chenjing", "lina", "tangliang", "xiezhenhua", "yuanmeng");

	private final TestRestTemplate rest;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final int year;

	public AssessmentYearPlay(TestRestTemplate rest, TaskService tasks, RuntimeService runtime,
			ManagementService management, int year) {
		this.rest = rest;
		this.tasks = tasks;
		this.runtime = runtime;
		this.management = management;
		this.year = year;
	}

	/** Opens the year and plays it up to the publicity of the unit's 优秀 list ({@code excellent} on it). */
	public void toPublicity(String excellent) {
		ApiClient.as(rest, "wuhao").send(HttpMethod.POST, "/api/assessments/" + year + "/open",
				Map.of("units", List.of(UNIT_CODE)));
		for (String person : UNIT) {
			tasks.complete(own(AnnualAssessmentProcess.TASK_SUBMIT_SELF_SUMMARY, person).getId(),
					Map.of("selfSummary", person + " 的" + year + "年度个人总结"));
		}
		for (String person : UNIT) {
			List<Task> peers = tasks.createTaskQuery()
				.processDefinitionKey(AnnualAssessmentProcess.KEY)
				.processInstanceBusinessKey(year + ":" + person)
				.taskDefinitionKey(AnnualAssessmentProcess.TASK_EVALUATE_PEER)
				.orderByTaskAssignee()
				.asc()
				.list();
			for (Task vote : peers.subList(0, 3)) {
				tasks.complete(vote.getId(), Map.of("peerGrade", grade(person, excellent), "peerRemark", "同意"));
			}
		}
		for (String person : UNIT) {
			String head = person.equals("chenjing") ? "liuzhiqiang" : "chenjing";
			Task propose = tasks.createTaskQuery()
				.processDefinitionKey(AnnualAssessmentProcess.KEY)
				.processInstanceBusinessKey(year + ":" + person)
				.taskDefinitionKey(AnnualAssessmentProcess.TASK_PROPOSE_GRADE)
				.taskCandidateUser(head)
				.singleResult();
			claimAndComplete(propose, head, Map.of("proposedGrade", grade(person, excellent), "headComment", "工作扎实"));
		}
		claimAndComplete(unitTask(AssessmentCommitteeProcess.TASK_REVIEW_UNIT, "wuhao"), "wuhao", Map.of());
		claimAndComplete(unitTask(AssessmentCommitteeProcess.TASK_DECIDE_UNIT, "wangjianguo"), "wangjianguo",
				Map.of("leadershipDecision", "approve"));
	}

	/** The committee upholds the oldest open objection. */
	public void upholdObjection() {
		claimAndComplete(unitTask(AssessmentCommitteeProcess.TASK_RESOLVE_OBJECTION, "wuhao"), "wuhao",
				Map.of("resolution", "uphold", "resolutionNote", "经核实，异议不成立"));
	}

	/** The publicity's timer fires (its job run now, as the job executor would when due): notices go out. */
	public void endPublicity() {
		String instance = runtime.createProcessInstanceQuery()
			.processDefinitionKey(AssessmentCommitteeProcess.KEY)
			.processInstanceBusinessKey(year + ":" + UNIT_CODE)
			.singleResult()
			.getId();
		Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
		management.executeJob(timer.getId());
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).as("publicity over").isZero();
	}

	public void acknowledge(String person) {
		tasks.complete(own(AnnualAssessmentProcess.TASK_ACKNOWLEDGE_NOTICE, person).getId(),
				Map.of("acknowledgement", "accept"));
	}

	/** The committee upholds the person's review request. */
	public void upholdReview(String person) {
		Task decide = tasks.createTaskQuery()
			.processDefinitionKey(AnnualAssessmentProcess.KEY)
			.processInstanceBusinessKey(year + ":" + person)
			.taskDefinitionKey(AnnualAssessmentProcess.TASK_DECIDE_REVIEW)
			.singleResult();
		claimAndComplete(decide, "wuhao", Map.of("outcome", "uphold", "decisionNote", "名额所限，维持原等次"));
	}

	public Task own(String taskKey, String person) {
		return tasks.createTaskQuery()
			.processDefinitionKey(AnnualAssessmentProcess.KEY)
			.processInstanceBusinessKey(year + ":" + person)
			.taskDefinitionKey(taskKey)
			.taskAssignee(person)
			.singleResult();
	}

	/** Deletes this year's running instances (and their deadline watches) and the notices other tests count. */
	public static void cleanUp(RuntimeService runtime, HistoryService history, JdbcTemplate jdbc, int year,
			java.util.Date startedAfter) {
		for (String key : List.of(AnnualAssessmentProcess.KEY, AssessmentCommitteeProcess.KEY)) {
			runtime.createProcessInstanceQuery()
				.processDefinitionKey(key)
				.processInstanceBusinessKeyLike(year + ":%")
				.list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		}
		history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("TaskDeadlineProcess")
			.startedAfter(startedAfter)
			.unfinished()
			.list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		jdbc.queryForList("select id from zr_assessment where asmt_year = ?", Long.class, year).forEach(id -> {
			String dedupKey = "assessment-notice:" + id + "|%";
			jdbc.update("delete from zr_mail_part where outbox_id in (select id from zr_mail_outbox where dedup_key like ?)",
					dedupKey);
			jdbc.update("delete from zr_mail_outbox where dedup_key like ?", dedupKey);
		});
	}

	private void claimAndComplete(Task task, String username, Map<String, Object> variables) {
		assertThat(task).as("task for " + username).isNotNull();
		if (!username.equals(task.getAssignee())) {
			tasks.claim(task.getId(), username);
		}
		tasks.complete(task.getId(), variables);
	}

	private Task unitTask(String key, String candidate) {
		return tasks.createTaskQuery()
			.processDefinitionKey(AssessmentCommitteeProcess.KEY)
			.processInstanceBusinessKey(year + ":" + UNIT_CODE)
			.taskDefinitionKey(key)
			.taskCandidateUser(candidate)
			.singleResult();
	}

	private static String grade(String person, String excellent) {
		return person.equals(excellent) ? "EXCELLENT" : "COMPETENT";
	}

}
