package io.zeren.assessment;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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

import io.zeren.shared.FormRows;
import io.zeren.shared.Msg;
import io.zeren.support.Rows;
import io.zeren.shared.RuleViolationException;

/** The unit's committee review, leadership decision and publicity with objections, delegates stood in for. */
@Deployment(resources = { "processes/assessment/assessment-committee.bpmn", "forms/assessment/review-unit.form",
		"forms/assessment/decide-unit.form", "forms/assessment/resolve-objection.form" })
class AssessmentCommitteeProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	private final Instant start = Instant.parse("2026-12-20T01:00:00Z");

	private final List<String> log = new ArrayList<>();

	private final AtomicLong objections = new AtomicLong();

	@BeforeEach
	void standIns() {
		ClockUtil.setCurrentTime(Date.from(start));
		Mocks.register("workdays", new AnnualAssessmentProcessTests.Workdays());
		Mocks.register("unitReviewFormListener", (TaskListener) task -> task.getExecution().setVariable("committeeGrades",
				Rows.of("person,grade", "lina", "EXCELLENT")));
		Mocks.register("committeeReviewListener", (TaskListener) task -> {
			long excellent = FormRows.rows(task, "committeeGrades", Assessments.GradeRow.class).stream()
				.filter(row -> "EXCELLENT".equals(row.grade())).count();
			if (excellent > 1) {
				throw new RuleViolationException(List.of(new Msg("assessment.quota.exceeded")), "单位 POL-ORG 超出优秀名额");
			}
			log.add("reviewed");
		});
		Mocks.register("leadershipDecisionListener", (TaskListener) task -> log.add((String) task.getVariable("leadershipDecision")));
		Mocks.register("startPublicityDelegate", (JavaDelegate) execution -> log.add("publicity"));
		Mocks.register("openObjectionDelegate", (JavaDelegate) execution -> {
			long id = objections.incrementAndGet();
			execution.setVariableLocal("objectionId", id);
			execution.setVariableLocal("objectionTarget", "李娜（lina）：优秀");
			execution.setVariableLocal("objectionText", "异议 " + id);
		});
		Mocks.register("objectionResolutionListener",
				(TaskListener) task -> log.add("objection " + task.getVariable("objectionId") + " " + task.getVariable("resolution")));
		Mocks.register("finaliseUnitGradesDelegate", (JavaDelegate) execution -> log.add("finalised"));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		Mocks.reset();
	}

	@Test
	void shouldReviewDecidePubliciseAndFinalise() {
		ProcessInstance pi = startUnit();
		assertThat(pi).isWaitingAt(AssessmentCommitteeProcess.TASK_REVIEW_UNIT);
		assertThat(task(pi)).hasCandidateGroup("role-assessment-committee").hasName("2026年度 考核委员会审核：组织干部科");
		complete(task(pi), withVariables("committeeGrades", Rows.of("person,grade", "lina", "EXCELLENT")));

		assertThat(pi).isWaitingAt(AssessmentCommitteeProcess.TASK_DECIDE_UNIT);
		assertThat(task(pi)).hasCandidateGroup("role-leadership");
		complete(task(pi), withVariables("leadershipDecision", "approve"));

		assertThat(pi).isWaitingAt("TimerEvent_PublicityOver");
		fire(Duration.ofDays(8));
		assertThat(pi).isEnded().hasPassed("Task_FinaliseGrades", "EndEvent_UnitDecided");
		Assertions.assertThat(log).containsExactly("reviewed", "approve", "publicity", "finalised");
	}

	@Test
	void shouldKeepTheCommitteeTaskOpenWhenOverQuota() {
		ProcessInstance pi = startUnit();
		Task review = task(pi);

		Assertions.assertThatThrownBy(() -> complete(review, withVariables("committeeGrades",
				Rows.of("person,grade", "lina", "EXCELLENT", "tangliang", "EXCELLENT"))))
			.hasMessageContaining("超出优秀名额");

		assertThat(pi).isWaitingAt(AssessmentCommitteeProcess.TASK_REVIEW_UNIT);
		Assertions.assertThat(taskService().createTaskQuery().taskId(review.getId()).count()).isOne();
		complete(review, withVariables("committeeGrades",
				Rows.of("person,grade", "lina", "EXCELLENT", "tangliang", "COMPETENT")));
		assertThat(pi).isWaitingAt(AssessmentCommitteeProcess.TASK_DECIDE_UNIT);
	}

	@Test
	void shouldGoBackToTheCommitteeWhenTheLeadershipSendsBack() {
		ProcessInstance pi = startUnit();
		complete(task(pi), withVariables("committeeGrades", Rows.of("person,grade", "lina", "EXCELLENT")));
		complete(task(pi), withVariables("leadershipDecision", "sendBack", "leadershipNote", "请再议"));

		assertThat(pi).isWaitingAt(AssessmentCommitteeProcess.TASK_REVIEW_UNIT);
		Assertions.assertThat(log).containsExactly("reviewed", "sendBack");
	}

	@Test
	void shouldResolveEachObjectionBeforeThePublicityEnds() {
		ProcessInstance pi = startUnit();
		complete(task(pi), withVariables("committeeGrades", Rows.of("person,grade", "lina", "EXCELLENT")));
		complete(task(pi), withVariables("leadershipDecision", "approve"));

		objection();
		objection();
		List<Task> open = taskService().createTaskQuery().taskDefinitionKey(AssessmentCommitteeProcess.TASK_RESOLVE_OBJECTION).list();
		Assertions.assertThat(open).hasSize(2).allSatisfy(task -> assertThat(task).hasCandidateGroup("role-assessment-committee"));
		Assertions.assertThat(open).extracting(task -> taskService().getVariable(task.getId(), "objectionText"))
			.containsExactlyInAnyOrder("异议 1", "异议 2");
		complete(open.get(0), withVariables("resolution", "uphold", "resolutionNote", "经核实不成立"));

		fire(Duration.ofDays(8));
		assertThat(pi).hasPassed("EndEvent_PublicityOver").isWaitingAt(AssessmentCommitteeProcess.TASK_RESOLVE_OBJECTION);
		Assertions.assertThat(log).doesNotContain("finalised");

		Task last = taskService().createTaskQuery().taskDefinitionKey(AssessmentCommitteeProcess.TASK_RESOLVE_OBJECTION).singleResult();
		Assertions.assertThat(taskService().getVariable(last.getId(), "resolution")).isNull();
		complete(last, withVariables("resolution", "change", "resolutionGrade", "COMPETENT", "resolutionNote", "成立"));
		assertThat(pi).isEnded();
		Assertions.assertThat(log).contains("finalised").anyMatch(line -> line.endsWith(" change"));
	}

	private ProcessInstance startUnit() {
		return runtimeService().startProcessInstanceByKey(AssessmentCommitteeProcess.KEY, "2026:POL-ORG",
				withVariables("year", 2026, "unitCode", "POL-ORG", "unitName", "组织干部科", "publicity", "5WD",
						"contextYear", "2026年度", "contextUnit", "组织干部科"));
	}

	private void objection() {
		runtimeService().createMessageCorrelation(AssessmentCommitteeProcess.MESSAGE_OBJECTION_FILED)
			.processInstanceBusinessKey("2026:POL-ORG")
			.correlate();
	}

	private void fire(Duration forward) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(forward)));
		Date dueBy = Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1));
		for (var due = managementService().createJobQuery().timers().duedateLowerThan(dueBy).list(); !due.isEmpty();
				due = managementService().createJobQuery().timers().duedateLowerThan(dueBy).list()) {
			due.forEach(job -> execute(job));
		}
	}

}
