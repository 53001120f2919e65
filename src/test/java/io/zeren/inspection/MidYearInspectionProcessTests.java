package io.zeren.inspection;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recording findings one at a time, then waiting for the rectifications, with stand-ins for the module's beans. */
@Deployment(resources = { "processes/inspection/mid-year-inspection.bpmn", "forms/inspection/record-finding.form" })
class MidYearInspectionProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	private final AtomicInteger recorded = new AtomicInteger();

	@BeforeEach
	void standIns() {
		Mocks.register("recordFindingTaskListener", (TaskListener) task -> {
			if (task.getVariable("findingDescription") != null) {
				task.setVariable("findingCount", recorded.incrementAndGet());
				task.setVariable("findingDescription", null);
			}
		});
		Mocks.register("findingPersonChoicesListener",
				(TaskListener) task -> task.setVariableLocal("findingPersonChoices", "[]"));
		Mocks.register("closeRecordingDelegate",
				(JavaDelegate) execution -> execution.setVariable("allRectified", recorded.get() == 0));
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void shouldRecordFindingsOneAtATimeThenWaitForTheRectifications() {
		ProcessInstance inspection = start();
		assertThat(inspection).isWaitingAt(MidYearInspectionProcess.TASK_RECORD_FINDING);
		assertThat(task()).hasCandidateUser("zhoumin").hasCandidateUser("shilei").hasName("登记问题：一大队（2026年度督察）");

		complete(task(), withVariables("findingTarget", "UNIT", "findingDescription", "学习记录不全", "next", "addAnother"));
		assertThat(inspection).isWaitingAt(MidYearInspectionProcess.TASK_RECORD_FINDING);
		complete(task(), withVariables("findingTarget", "PERSON", "findingPerson", "huangxin", "findingDescription",
				"谈心谈话未开展", "next", "finish"));

		Assertions.assertThat(recorded).hasValue(2);
		assertThat(inspection).isWaitingAt("MessageEvent_AllRectified");
		runtimeService().createMessageCorrelation(MidYearInspectionProcess.MESSAGE_ALL_RECTIFIED)
			.processInstanceBusinessKey("1")
			.correlate();
		assertThat(inspection).isEnded().hasPassed("EndEvent_InspectionClosed");
	}

	@Test
	void shouldCloseAtOnceWithoutFindings() {
		ProcessInstance inspection = start();
		complete(task(), withVariables("next", "finish"));

		assertThat(inspection).isEnded().hasPassed("EndEvent_NothingToRectify");
	}

	private ProcessInstance start() {
		ProcessInstance instance = runtimeService().startProcessInstanceByKey(MidYearInspectionProcess.KEY, "1",
				Map.of("inspectionId", 1L, "inspectors", "zhoumin,shilei", "unitName", "一大队", "findingCount", 0,
						"contextYear", "2026年度", "contextUnit", "一大队"));
		// task() and friends follow the instance last asserted on
		assertThat(instance).isStarted();
		return instance;
	}

}
