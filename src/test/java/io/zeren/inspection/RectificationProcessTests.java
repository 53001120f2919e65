package io.zeren.inspection;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The flow of a rectification with the module's listeners and delegates replaced by stand-ins that follow the
 * same rules: the limit is two rejections, the third one fails the rectification.
 */
@Deployment(resources = { "processes/inspection/rectification.bpmn", "forms/inspection/submit-rectification-plan.form",
		"forms/inspection/submit-rectification-evidence.form", "forms/inspection/verify-rectification.form" })
class RectificationProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	private final Instant start = Instant.parse("2026-06-01T01:00:00Z");

	private final AtomicInteger overdue = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private final AtomicInteger closed = new AtomicInteger();

	private int rejections;

	@BeforeEach
	void standIns() {
		ClockUtil.setCurrentTime(Date.from(start));
		Mocks.register("rectificationPlanTaskListener", (TaskListener) task -> {
		});
		Mocks.register("rectificationEvidenceTaskListener", (TaskListener) task -> {
		});
		Mocks.register("rectificationVerdictTaskListener", (TaskListener) task -> {
			String verdict = (String) task.getVariable("verdict");
			String outcome = switch (verdict) {
				case "accept" -> "accepted";
				case "reject" -> ++rejections == 3 ? "failed" : "rejected";
				default -> "closedFailed";
			};
			task.setVariable("verification", outcome);
		});
		Mocks.register("recordRectificationOverdueDelegate", (JavaDelegate) execution -> overdue.incrementAndGet());
		Mocks.register("recordRectificationFailureDelegate", (JavaDelegate) execution -> failed.incrementAndGet());
		Mocks.register("closeRectificationDelegate", (JavaDelegate) execution -> closed.incrementAndGet());
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		Mocks.reset();
	}

	@Test
	void shouldCloseWhenTheInspectorAcceptsTheEvidence() {
		ProcessInstance rectification = start();
		assertThat(rectification).isWaitingAt(RectificationProcess.TASK_SUBMIT_PLAN);
		assertThat(task()).isAssignedTo("huangxin").hasName("提交整改方案：一大队（2026年度督察）");
		complete(task(), withVariables("rectificationPlan", "重新学习并整改台账"));

		assertThat(rectification).isWaitingAt(RectificationProcess.TASK_SUBMIT_EVIDENCE);
		assertThat(task()).isAssignedTo("huangxin").hasDueDate(Date.from(start.plus(Duration.ofDays(10))));
		complete(task(), withVariables("evidenceNote", "台账已补齐"));

		assertThat(rectification).isWaitingAt(RectificationProcess.TASK_VERIFY);
		assertThat(task()).hasCandidateUser("zhoumin").hasCandidateUser("shilei").hasCandidateGroup("role-inspection")
			.hasName("验收整改：一大队（2026年度督察）");
		complete(task(), withVariables("verdict", "accept"));

		assertThat(rectification).isEnded().hasPassed("Task_CloseRectified", "EndEvent_Rectified");
		Assertions.assertThat(closed).hasValue(1);
		Assertions.assertThat(overdue).hasValue(0);
	}

	@Test
	void shouldLoopBackToEvidenceWhenRejected() {
		ProcessInstance rectification = startAtVerification();
		complete(task(), withVariables("verdict", "reject", "verdictReason", "缺少佐证"));

		assertThat(rectification).isWaitingAt(RectificationProcess.TASK_SUBMIT_EVIDENCE);
		complete(task(), withVariables("evidenceNote", "补充了签到表"));
		complete(task(), withVariables("verdict", "accept"));

		assertThat(rectification).isEnded().hasPassed("EndEvent_Rectified");
		Assertions.assertThat(failed).hasValue(0);
	}

	@Test
	void shouldReportOverdueOnceAndStillWaitForTheEvidence() {
		ProcessInstance rectification = start();
		complete(task(), withVariables("rectificationPlan", "方案"));

		fire(Duration.ofDays(11));

		Assertions.assertThat(overdue).hasValue(1);
		assertThat(rectification).hasPassed("Task_RecordOverdue", "EndEvent_OverdueRecorded")
			.isWaitingAt(RectificationProcess.TASK_SUBMIT_EVIDENCE);
		complete(task(), withVariables("evidenceNote", "逾期补交"));
		complete(task(), withVariables("verdict", "closeFailed", "verdictReason", "整改不到位"));

		assertThat(rectification).isEnded().hasPassed("Task_CloseFailed", "EndEvent_ClosedFailed");
		Assertions.assertThat(closed).hasValue(1);
	}

	@Test
	void shouldFailAfterTooManyRejectionsAndGoOn() {
		ProcessInstance rectification = startAtVerification();
		for (int round = 1; round <= 3; round++) {
			complete(task(), withVariables("verdict", "reject", "verdictReason", "第" + round + "次不通过"));
			assertThat(rectification).isWaitingAt(RectificationProcess.TASK_SUBMIT_EVIDENCE);
			complete(task(), withVariables("evidenceNote", "再次提交"));
		}

		assertThat(rectification).hasPassed("Task_RecordFailure");
		Assertions.assertThat(failed).hasValue(1);
		complete(task(), withVariables("verdict", "accept"));
		assertThat(rectification).isEnded().hasPassed("EndEvent_Rectified");
	}

	private ProcessInstance startAtVerification() {
		ProcessInstance rectification = start();
		complete(task(), withVariables("rectificationPlan", "方案"));
		complete(task(), withVariables("evidenceNote", "材料"));
		assertThat(rectification).isWaitingAt(RectificationProcess.TASK_VERIFY);
		return rectification;
	}

	private ProcessInstance start() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("findingId", 7L);
		variables.put("responsible", "huangxin");
		variables.put("inspectors", "zhoumin,shilei");
		variables.put("contextYear", "2026年度");
		variables.put("contextUnit", "一大队");
		variables.put("deadlineAt", Date.from(start.plus(Duration.ofDays(10))));
		ProcessInstance instance = runtimeService().startProcessInstanceByKey(RectificationProcess.KEY, "7", variables);
		// task() and friends follow the instance last asserted on
		assertThat(instance).isStarted();
		return instance;
	}

	/** Moves the engine clock and runs every timer that is then due. */
	private void fire(Duration forward) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(forward)));
		Date dueBy = Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1));
		for (var due = managementService().createJobQuery().timers().duedateLowerThan(dueBy).list(); !due.isEmpty();
				due = managementService().createJobQuery().timers().duedateLowerThan(dueBy).list()) {
			due.forEach(job -> execute(job));
		}
	}

}
