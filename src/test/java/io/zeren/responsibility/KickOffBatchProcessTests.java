package io.zeren.responsibility;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One batch of the kick-off: issued in a job of its own, then reported back. */
@Deployment(resources = "processes/responsibility/kick-off-batch.bpmn")
class KickOffBatchProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final List<String> issued = new ArrayList<>();

	private final List<Integer> reported = new ArrayList<>();

	@BeforeEach
	void standIns() {
		Mocks.register("issueListBatchDelegate", (JavaDelegate) execution -> issued
			.add(execution.getVariable("year") + " #" + execution.getVariable("batchNo") + " " + execution.getVariable("kickOffBatch")));
		Mocks.register("reportListBatchDelegate",
				(JavaDelegate) execution -> reported.add(((Number) execution.getVariable("year")).intValue()));
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void shouldIssueTheBatchInAJobOfItsOwnThenReport() {
		ProcessInstance batch = runtimeService().startProcessInstanceByKey(KickOffBatchProcess.KEY,
				KickOffBatchProcess.businessKey(2031, 3), Map.of("year", 2031, "batchNo", 3, "kickOffBatch", "OPS-1,OPS-2"));

		// Starting it (inside the cycle's kick-off job) only creates the job.
		assertThat(batch).isWaitingAt("StartEvent_BatchPlanned");
		Assertions.assertThat(issued).isEmpty();
		execute(job());

		assertThat(batch).isEnded().hasPassedInOrder(KickOffBatchProcess.TASK_ISSUE_BATCH, "Task_ReportBatchIssued",
				"EndEvent_BatchIssued");
		Assertions.assertThat(issued).containsExactly("2031 #3 OPS-1,OPS-2");
		Assertions.assertThat(reported).containsExactly(2031);
	}

}
