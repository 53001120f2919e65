package io.zeren.inspection;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A staff member's self-report and the unit head's review, with stand-ins that record what was submitted. */
@Deployment(resources = { "processes/inspection/progress-self-report.bpmn", "forms/inspection/submit-progress-report.form",
		"forms/inspection/review-progress-report.form" })
class ProgressSelfReportProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	private final List<String> log = new ArrayList<>();

	@BeforeEach
	void standIns() {
		Mocks.register("progressSubmittedTaskListener",
				(TaskListener) task -> log.add("submitted:" + task.getVariable("progressText")));
		Mocks.register("progressReviewedTaskListener",
				(TaskListener) task -> log.add("reviewed:" + task.getVariable("reviewOutcome")));
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void shouldEndWhenTheUnitHeadAccepts() {
		ProcessInstance report = start();
		assertThat(report).isWaitingAt(ProgressSelfReportProcess.TASK_SUBMIT);
		assertThat(task()).isAssignedTo("huangxin");
		complete(task(), withVariables("progressText", "上半年完成学习 12 次"));

		assertThat(report).isWaitingAt(ProgressSelfReportProcess.TASK_REVIEW);
		assertThat(task()).hasCandidateGroup("head-ops-1").hasName("2026年度 审阅年中自评：黄鑫");
		complete(task(), withVariables("reviewOutcome", "accept"));

		assertThat(report).isEnded().hasPassed("EndEvent_SelfReportAccepted");
	}

	@Test
	void shouldGoBackToTheStaffMemberWhenReturned() {
		ProcessInstance report = start();
		complete(task(), withVariables("progressText", "初稿"));
		complete(task(), withVariables("reviewOutcome", "return", "reviewComment", "请补充谈心谈话情况"));

		assertThat(report).isWaitingAt(ProgressSelfReportProcess.TASK_SUBMIT);
		assertThat(task()).isAssignedTo("huangxin");
		complete(task(), withVariables("progressText", "修改稿"));
		complete(task(), withVariables("reviewOutcome", "accept"));

		assertThat(report).isEnded();
		Assertions.assertThat(log).containsExactly("submitted:初稿", "reviewed:return", "submitted:修改稿", "reviewed:accept");
	}

	private ProcessInstance start() {
		ProcessInstance instance = runtimeService().startProcessInstanceByKey(ProgressSelfReportProcess.KEY, "2026:huangxin",
				Map.of("reportId", 1L, "username", "huangxin", "fullName", "黄鑫", "year", 2026, "reviewerGroup", "head-ops-1",
						"contextYear", "2026年度", "contextPerson", "黄鑫"));
		// task() and friends follow the instance last asserted on
		assertThat(instance).isStarted();
		return instance;
	}

}
