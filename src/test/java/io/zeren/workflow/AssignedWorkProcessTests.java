package io.zeren.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = { "processes/workflow/assigned-work.bpmn", "forms/workflow/assign-work.form",
		"forms/workflow/do-assigned-work.form", "forms/workflow/confirm-assigned-work.form" })
class AssignedWorkProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	@BeforeEach
	void standIns() {
		Mocks.register("registerAssignedWorkDelegate", (JavaDelegate) execution -> {
			execution.setVariable("workDueAt", null);
			execution.setVariables(io.zeren.shared.TaskNames.context(null, "组织干部科", "李娜"));
			execution.setVariable(io.zeren.shared.TaskNames.VAR_TITLE, "整理支部学习材料");
		});
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void shouldLetTheAssigneeReportAndTheSupervisorConfirm() {
		ProcessInstance work = start();

		assertThat(work).isWaitingAt("Task_DoAssignedWork");
		assertThat(task()).isAssignedTo("lina").hasName("办理：整理支部学习材料");
		complete(task(), withVariables("workResult", "已整理并上传"));

		assertThat(task()).isAssignedTo("chenjing").hasName("确认办结：李娜 整理支部学习材料");
		complete(task(), withVariables("workAccepted", "yes"));
		assertThat(work).isEnded().hasPassed("EndEvent_WorkDone");
	}

	@Test
	void shouldSendWorkBackUntilTheSupervisorIsSatisfied() {
		ProcessInstance work = start();
		assertThat(work).isWaitingAt("Task_DoAssignedWork");
		complete(task(), withVariables("workResult", "初稿"));

		complete(task(), withVariables("workAccepted", "no", "returnComment", "缺少签到表"));

		assertThat(work).isWaitingAt("Task_DoAssignedWork");
		assertThat(task()).isAssignedTo("lina");
		complete(task(), withVariables("workResult", "已补签到表"));
		complete(task(), withVariables("workAccepted", "yes"));
		assertThat(work).isEnded();
	}

	private ProcessInstance start() {
		identityService().setAuthenticatedUserId("chenjing");
		try {
			return runtimeService().startProcessInstanceByKey("AssignedWorkProcess",
					Map.of("workTitle", "整理支部学习材料", "workDescription", "本周五前", "workAssignee", "lina"));
		}
		finally {
			identityService().clearAuthentication();
		}
	}

}
