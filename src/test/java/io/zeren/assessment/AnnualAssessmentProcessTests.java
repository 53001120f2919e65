package io.zeren.assessment;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The flow of one person's assessment with its delegates replaced by stand-ins and the real grade table:
 * lina with five peers, four votes needed (2/3 of 5, rounded up), windows of a week.
 */
@Deployment(resources = { "processes/assessment/annual-assessment.bpmn", "processes/assessment/assessment-grade.dmn",
		"forms/assessment/submit-self-summary.form", "forms/assessment/evaluate-peer.form",
		"forms/assessment/propose-grade.form", "forms/assessment/acknowledge-notice.form",
		"forms/assessment/decide-request.form" })
class AnnualAssessmentProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	private final Instant start = Instant.parse("2026-12-01T01:00:00Z");

	private final List<String> votes = new ArrayList<>();

	private final Map<String, Object> recorded = new HashMap<>();

	private String sanction = "NONE";

	/** {@code ${workdays.plus("5WD")}} as a week on the engine clock. */
	public static class Workdays {

		public Date plus(String duration) {
			return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)));
		}

	}

	public static class Peers {

		public List<String> of(Number assessmentId) {
			return List.of("chenjing", "xiezhenhua", "tangliang", "yuanmeng", "zhangwei");
		}

	}

	@BeforeEach
	void standIns() {
		ClockUtil.setCurrentTime(Date.from(start));
		TaskListener none = task -> {
		};
		Mocks.register("workdays", new Workdays());
		Mocks.register("assessmentPeers", new Peers());
		Mocks.register("selfSummaryListener", none);
		Mocks.register("openPeerEvaluationDelegate", (JavaDelegate) execution -> {
			execution.setVariable("requiredVotes", 4);
			execution.setVariable("peerWindow", "5WD");
			execution.setVariable("proposerGroup", "head-pol-org");
		});
		Mocks.register("peerVoteListener",
				(TaskListener) task -> votes.add(task.getAssignee() + ":" + task.getVariable("peerGrade")));
		Mocks.register("proposalFormListener", (TaskListener) task -> task.setVariableLocal("voteSummary", "4 票"));
		Mocks.register("gradeProposalListener", none);
		Mocks.register("gatherAssessmentSignalsDelegate", (JavaDelegate) execution -> {
			execution.setVariable("sanction", sanction);
			execution.setVariable("peerVotes", votes.size());
			execution.setVariable("excellentVoteShare",
					votes.isEmpty() ? null : (double) votes.stream().filter(v -> v.endsWith("EXCELLENT")).count() / votes.size());
			execution.setVariable("incompetentVoteShare", votes.isEmpty() ? null : 0.0);
			execution.setVariable("failedRectifications", 0);
			execution.setVariable("overdueTasks", 0);
		});
		Mocks.register("recordRecommendationDelegate", (JavaDelegate) execution -> {
			recorded.put("grade", execution.getVariable("recommendedGrade"));
			recorded.put("basis", execution.getVariable("recommendationBasis"));
		});
		Mocks.register("sendAssessmentNoticeDelegate", (JavaDelegate) execution -> {
			execution.setVariable("reviewDeadline", Date.from(now().plus(Duration.ofDays(30))));
			execution.setVariable("gradeText", "您的 2026 年度考核等次为：优秀。");
			execution.setVariable("reviewDecision", "P30D");
			execution.setVariable("appealDecision", "P60D");
		});
		Mocks.register("acknowledgeNoticeListener", none);
		Mocks.register("reviewFormListener", (TaskListener) task -> task.setVariableLocal("requestReason", "理由"));
		Mocks.register("reviewDecisionListener", (TaskListener) task -> task.getExecution()
			.setVariable("appealDeadline", Date.from(now().plus(Duration.ofDays(15)))));
		Mocks.register("appealDecisionListener", none);
		Mocks.register("archiveAssessmentDelegate", (JavaDelegate) execution -> recorded.put("archived", true));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		Mocks.reset();
	}

	@Test
	void shouldGoFromSelfSummaryToArchiveWhenEnoughPeersVoteAndNoOneAsksForReview() {
		ProcessInstance pi = startFor("lina");
		assertThat(pi).isWaitingAt(AnnualAssessmentProcess.TASK_SUBMIT_SELF_SUMMARY);
		assertThat(task(pi)).isAssignedTo("lina").hasName("2026年度 填写个人总结（述职）");
		complete(task(pi), withVariables("selfSummary", "全年完成各项任务"));

		assertThat(pi).isWaitingAt(AnnualAssessmentProcess.TASK_EVALUATE_PEER);
		Assertions.assertThat(peerTasks()).extracting(Task::getAssignee)
			.containsExactlyInAnyOrder("chenjing", "xiezhenhua", "tangliang", "yuanmeng", "zhangwei")
			.doesNotContain("lina");
		Assertions.assertThat(peerTasks()).extracting(Task::getName).containsOnly("2026年度 民主测评：李娜（组织干部科）");
		Assertions.assertThat(taskService().getVariable(peerTasks().get(0).getId(), "peerGrade")).isNull();
		for (int i = 0; i < 4; i++) {
			Task peer = peerTasks().get(0);
			complete(peer, withVariables("peerGrade", i < 3 ? "EXCELLENT" : "COMPETENT", "peerRemark", "好"));
		}

		assertThat(pi).isWaitingAt(AnnualAssessmentProcess.TASK_PROPOSE_GRADE);
		Assertions.assertThat(peerTasks()).isEmpty();
		Assertions.assertThat(votes).hasSize(4);
		assertThat(task(pi)).hasCandidateGroup("head-pol-org").hasName("2026年度 单位负责人评鉴：李娜");
		Assertions.assertThat(taskService().getVariable(task(pi).getId(), "voteSummary")).isEqualTo("4 票");
		complete(task(pi), withVariables("proposedGrade", "EXCELLENT", "headComment", "表现突出"));

		assertThat(pi).isWaitingAt(AnnualAssessmentProcess.EVENT_AWAIT_UNIT_DECISION);
		Assertions.assertThat(recorded).containsEntry("grade", "EXCELLENT");
		Assertions.assertThat((String) recorded.get("basis")).contains("优秀");

		decideUnit("lina");
		assertThat(pi).isWaitingAt(AnnualAssessmentProcess.TASK_ACKNOWLEDGE_NOTICE);
		assertThat(task(pi)).isAssignedTo("lina").hasName("2026年度 签收考核结果通知");
		complete(task(pi), withVariables("acknowledgement", "accept"));

		assertThat(pi).isWaitingAt("Gateway_ReviewWindow");
		fire(Duration.ofDays(31));
		assertThat(pi).isEnded().hasPassed("TimerEvent_ReviewWindowClosed", "Task_ArchiveResult", "EndEvent_Archived");
		Assertions.assertThat(recorded).containsEntry("archived", true);
	}

	@Test
	void shouldEndTheEvaluationWhenTheWindowClosesWithFewVotes() {
		ProcessInstance pi = startFor("lina");
		complete(task(pi), withVariables("selfSummary", "总结"));
		complete(peerTasks().get(0), withVariables("peerGrade", "COMPETENT"));

		fire(Duration.ofDays(8));

		assertThat(pi).hasPassed("BoundaryEvent_PeerWindowClosed").isWaitingAt(AnnualAssessmentProcess.TASK_PROPOSE_GRADE);
		Assertions.assertThat(peerTasks()).isEmpty();
		Assertions.assertThat(votes).hasSize(1);
	}

	@Test
	void shouldCapTheRecommendationBySanctionInForce() {
		sanction = "MAJOR_DEMERIT";
		ProcessInstance pi = startFor("lina");
		reachHead(pi);
		complete(task(pi), withVariables("proposedGrade", "EXCELLENT", "headComment", "表现突出"));

		assertThat(pi).isWaitingAt(AnnualAssessmentProcess.EVENT_AWAIT_UNIT_DECISION);
		Assertions.assertThat(recorded).containsEntry("grade", "BASICALLY_COMPETENT");
	}

	@Test
	void shouldDecideAReviewAskedForOnAcknowledgementThenAnAppeal() {
		ProcessInstance pi = startFor("lina");
		reachNotice(pi);
		complete(task(pi), withVariables("acknowledgement", "review", "reviewReason", "测评票数有误"));

		assertThat(pi).isWaitingAt(AnnualAssessmentProcess.TASK_DECIDE_REVIEW);
		assertThat(task(pi)).hasCandidateGroup("role-assessment-committee");
		Assertions.assertThat(taskService().getVariable(task(pi).getId(), "requestReason")).isEqualTo("理由");
		complete(task(pi), withVariables("outcome", "uphold", "decisionNote", "经核实无误"));

		assertThat(pi).isWaitingAt("Gateway_AppealWindow");
		runtimeService().createMessageCorrelation(AnnualAssessmentProcess.MESSAGE_APPEAL_REQUESTED)
			.processInstanceBusinessKey("2026:lina")
			.correlate();
		assertThat(pi).isWaitingAt(AnnualAssessmentProcess.TASK_DECIDE_APPEAL);
		assertThat(task(pi)).hasCandidateGroup("role-leadership");
		complete(task(pi), withVariables("outcome", "change", "newGrade", "COMPETENT", "decisionNote", "申诉成立"));

		assertThat(pi).isEnded().hasPassed("Task_DecideAppeal", "EndEvent_Archived");
	}

	@Test
	void shouldTakeAReviewRequestedAfterAcknowledgementAndCloseTheAppealWindow() {
		ProcessInstance pi = startFor("lina");
		reachNotice(pi);
		complete(task(pi), withVariables("acknowledgement", "accept"));
		runtimeService().createMessageCorrelation(AnnualAssessmentProcess.MESSAGE_REVIEW_REQUESTED)
			.processInstanceBusinessKey("2026:lina")
			.correlate();

		assertThat(pi).hasPassed("Event_ReviewRequested").isWaitingAt(AnnualAssessmentProcess.TASK_DECIDE_REVIEW);
		complete(task(pi), withVariables("outcome", "uphold", "decisionNote", "维持"));
		fire(Duration.ofDays(16));

		assertThat(pi).isEnded().hasPassed("TimerEvent_AppealWindowClosed", "EndEvent_Archived");
	}

	private ProcessInstance startFor(String username) {
		return runtimeService().startProcessInstanceByKey(AnnualAssessmentProcess.KEY, "2026:" + username,
				withVariables("assessmentId", 1L, "year", 2026, "username", username, "unitCode", "POL-ORG", "personName",
						"李娜（组织干部科）", "contextYear", "2026年度", "contextUnit", "组织干部科", "contextPerson", "李娜"));
	}

	private void reachHead(ProcessInstance pi) {
		complete(task(pi), withVariables("selfSummary", "总结"));
		for (int i = 0; i < 4; i++) {
			complete(peerTasks().get(0), withVariables("peerGrade", "EXCELLENT"));
		}
	}

	private void reachNotice(ProcessInstance pi) {
		reachHead(pi);
		complete(task(pi), withVariables("proposedGrade", "COMPETENT", "headComment", "称职"));
		decideUnit("lina");
		assertThat(pi).isWaitingAt(AnnualAssessmentProcess.TASK_ACKNOWLEDGE_NOTICE);
	}

	private void decideUnit(String username) {
		runtimeService().createMessageCorrelation(AnnualAssessmentProcess.MESSAGE_GRADE_DECIDED)
			.processInstanceBusinessKey("2026:" + username)
			.correlate();
	}

	private List<Task> peerTasks() {
		return taskService().createTaskQuery().taskDefinitionKey(AnnualAssessmentProcess.TASK_EVALUATE_PEER).list();
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/** Moves the engine clock and runs every timer that is then due. */
	private void fire(Duration forward) {
		ClockUtil.setCurrentTime(Date.from(now().plus(forward)));
		Date dueBy = Date.from(now().plusSeconds(1));
		for (var due = managementService().createJobQuery().timers().duedateLowerThan(dueBy).list(); !due.isEmpty();
				due = managementService().createJobQuery().timers().duedateLowerThan(dueBy).list()) {
			due.forEach(job -> execute(job));
		}
	}

}
