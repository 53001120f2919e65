package io.zeren.responsibility;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

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
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One staff member's year: sign, object and have it answered (loop), quarterly checks, wait for the cycle to close. */
@Deployment(resources = { "processes/responsibility/personal-responsibility.bpmn",
		"forms/responsibility/review-personal-list.form", "forms/responsibility/answer-objection.form",
		"forms/responsibility/quarterly-check.form" })
class PersonalResponsibilityProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	private final Instant start = Instant.parse("2031-01-10T01:00:00Z");

	private final List<String> events = new ArrayList<>();

	/** Quarter ends the plan delegate hands out, one per call; then none. */
	private final List<Instant> quarterEnds = new ArrayList<>();

	@BeforeEach
	void standIns() {
		ClockUtil.setCurrentTime(Date.from(start));
		Mocks.register("personalListTaskListener", (TaskListener) task -> {
			if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
				task.setVariableLocal("listView", "[{\"no\":1,\"title\":\"谈心谈话\"}]");
			}
			else {
				events.add((String) task.getVariable("listDecision"));
				task.getExecution().setVariable("objectionText", "object".equals(task.getVariable("listDecision"))
						? "第 1 项：" + task.getVariable("objectionReason") : null);
			}
		});
		Mocks.register("objectionAnswerListener", (TaskListener) task -> events.add("answered"));
		Mocks.register("planQuarterlyCheckDelegate", (JavaDelegate) execution -> {
			Instant next = quarterEnds.isEmpty() ? null : quarterEnds.remove(0);
			execution.setVariable("nextCheckAt", next == null ? null : Date.from(next));
			execution.setVariable("quarter", next == null ? null : 4 - quarterEnds.size());
		});
		Mocks.register("quarterlyCheckListener", (TaskListener) task -> events.add("check " + task.getVariable("quarter")));
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		Mocks.reset();
	}

	@Test
	void shouldSignThenWaitForTheCycleToClose() {
		ProcessInstance personal = start(false);
		assertThat(personal).isWaitingAt(PersonalResponsibilityProcess.TASK_REVIEW_LIST);
		assertThat(task(personal)).isAssignedTo("lina").hasName("2031年度 审阅并签署个人责任清单");
		complete(task(personal), withVariables("listDecision", "sign"));

		assertThat(personal).isWaitingAt("Event_CycleClosed").hasNotPassed("Task_PlanQuarterlyCheck");
		runtimeService().createMessageCorrelation(PersonalResponsibilityProcess.MESSAGE_CYCLE_CLOSED)
			.processInstanceBusinessKey("2031:lina")
			.correlate();
		assertThat(personal).isEnded().hasPassed("EndEvent_YearClosed");
	}

	@Test
	void shouldSendAnObjectionToTheUnitHeadAndBackUntilSigned() {
		ProcessInstance personal = start(false);
		complete(task(personal), withVariables("listDecision", "object", "objectionItemNo", 1, "objectionReason", "本岗位无家访任务"));

		assertThat(personal).isWaitingAt(PersonalResponsibilityProcess.TASK_ANSWER_OBJECTION);
		assertThat(task(personal)).hasCandidateGroup("head-pol-org").hasName("2031年度 答复清单异议：李娜");
		Assertions.assertThat(runtimeService().getVariable(personal.getId(), "objectionText")).asString()
			.contains("本岗位无家访任务");
		complete(task(personal), withVariables("objectionAnswer", "已调整为谈心谈话"));

		assertThat(personal).isWaitingAt(PersonalResponsibilityProcess.TASK_REVIEW_LIST);
		assertThat(task(personal)).isAssignedTo("lina");
		complete(task(personal), withVariables("listDecision", "sign"));

		assertThat(personal).isWaitingAt("Event_CycleClosed");
		Assertions.assertThat(events).containsExactly("object", "answered", "sign");
	}

	@Test
	void shouldRunQuarterlyChecksWhenThePolicyIsOn() {
		quarterEnds.addAll(List.of(Instant.parse("2031-03-31T01:00:00Z"), Instant.parse("2031-06-30T01:00:00Z")));
		ProcessInstance personal = start(true);
		complete(task(personal), withVariables("listDecision", "sign"));

		assertThat(personal).isWaitingAt("TimerEvent_QuarterEnd");
		execute(job());
		assertThat(personal).isWaitingAt(PersonalResponsibilityProcess.TASK_QUARTERLY_CHECK);
		assertThat(task(personal)).hasCandidateGroup("head-pol-org");
		complete(task(personal), withVariables("checkRating", "good"));

		assertThat(personal).isWaitingAt("TimerEvent_QuarterEnd");
		execute(job());
		complete(task(personal), withVariables("checkRating", "fair"));

		assertThat(personal).hasPassed("Gateway_JoinYearEnd").isWaitingAt("Event_CycleClosed");
		Assertions.assertThat(events).containsExactly("sign", "check 3", "check 4");
	}

	private ProcessInstance start(boolean quarterlyChecks) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("personalListId", 7L);
		variables.put("year", 2031);
		variables.put("username", "lina");
		variables.put("fullName", "李娜");
		variables.put("contextYear", "2031年度");
		variables.put("contextPerson", "李娜");
		variables.put("reviewerGroup", "head-pol-org");
		variables.put("quarterlyChecks", quarterlyChecks);
		return runtimeService().startProcessInstanceByKey(PersonalResponsibilityProcess.KEY, "2031:lina", variables);
	}

}
