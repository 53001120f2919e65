package io.zeren.responsibility;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/** One unit's list: the head's task with the list as text, then the report that may release the cycle. */
@Deployment(resources = { "processes/responsibility/unit-list.bpmn", "forms/responsibility/confirm-unit-list.form" })
class UnitListProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final List<String> confirmed = new ArrayList<>();

	private final List<String> reported = new ArrayList<>();

	@BeforeEach
	void standIns() {
		Mocks.register("unitListTaskListener", (TaskListener) task -> {
			if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
				task.getExecution().setVariable("unitListRows", "[{\"title\":\"谈心谈话\",\"weight\":30}]");
			}
			else {
				confirmed.add(task.getVariable("unitCode") + ": " + task.getVariable("unitListRows"));
			}
		});
		Mocks.register("unitListConfirmedDelegate",
				(JavaDelegate) execution -> reported.add(execution.getVariable("year") + ":" + execution.getVariable("unitCode")));
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void shouldLetTheUnitHeadAdjustAndConfirmTheListThenReportIt() {
		ProcessInstance unit = runtimeService().startProcessInstanceByKey(UnitListProcess.KEY,
				UnitListProcess.businessKey(2031, "OPS-1"), Map.of("cycleId", 1L, "year", 2031, "unitCode", "OPS-1",
						"contextYear", "2031年度", "contextUnit", "一大队"));

		assertThat(unit).isWaitingAt(UnitListProcess.TASK_CONFIRM_UNIT_LIST);
		assertThat(task(unit)).hasCandidateGroup("head-ops-1").isNotAssigned()
			.hasName("2031年度 分解确认本单位责任清单：一大队");
		Assertions.assertThat(taskService().createTaskQuery().processInstanceId(unit.getId()).initializeFormKeys()
			.singleResult().getCamundaFormRef().getKey()).isEqualTo("Form_ConfirmUnitList");
		Assertions.assertThat(taskService().getVariable(task(unit).getId(), "unitListRows")).asString()
			.contains("谈心谈话");
		Assertions.assertThat(reported).isEmpty();

		// Completed with variables as the engine REST's /task/{id}/complete does: the edit reaches the listener.
		complete(task(unit), withVariables("unitListRows", "[{\"title\":\"谈心谈话\",\"weight\":40}]"));

		assertThat(unit).isEnded().hasPassed("Task_ReportUnitListConfirmed", "EndEvent_UnitListConfirmed");
		Assertions.assertThat(confirmed).containsExactly("OPS-1: [{\"title\":\"谈心谈话\",\"weight\":40}]");
		Assertions.assertThat(reported).containsExactly("2031:OPS-1");
		Assertions.assertThat(processInstanceQuery().processInstanceBusinessKey("2031:OPS-1").count()).isZero();
	}

}
