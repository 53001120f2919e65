package io.zeren.workflow;

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
 * The flow of the deadline watch with its delegates replaced by simple stand-ins: a chain of
 * {@code chainLength} supervisors sup1, sup2, …; each escalation interval is one hour.
 */
@Deployment(resources = { "processes/workflow/task-deadline.bpmn", "forms/workflow/handle-escalation.form" })
class TaskDeadlineProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		// Not camunda.cfg.xml: ProcessEngines would find that in Spring Boot tests and start a second engine.
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	private final Instant start = Instant.parse("2026-06-01T01:00:00Z");

	private final AtomicInteger reminders = new AtomicInteger();

	private int chainLength = 3;

	@BeforeEach
	void standIns() {
		ClockUtil.setCurrentTime(Date.from(start));
		Mocks.register("sendTaskReminderDelegate", (JavaDelegate) execution -> reminders.incrementAndGet());
		Mocks.register("escalateTaskDelegate", (JavaDelegate) execution -> {
			int cap = (Integer) execution.getVariable("escalationCap");
			int top = Math.min(cap, chainLength);
			int level = Math.min((Integer) execution.getVariable("level") + 1, top);
			Date actionDue = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(1)));
			execution.setVariable("level", level);
			execution.setVariable("supervisor", level >= 1 ? "sup" + level : null);
			execution.setVariable("atTop", level >= 1 && level >= top);
			execution.setVariable("watchRestarts", false);
			execution.setVariable("actionDueAt", actionDue);
			execution.setVariable("nextEscalationAt", actionDue);
			execution.setVariable("escalationAction", null);
		});
		Mocks.register("applyEscalationActionDelegate", (JavaDelegate) execution -> {
			boolean restarts = java.util.Set.of("extend", "reassign", "takeOver")
				.contains(execution.getVariable("escalationAction"));
			execution.setVariable("watchRestarts", restarts);
			if (restarts) {
				execution.setVariable("dueAt", Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2))));
				execution.setVariable("remindAt", null);
				execution.setVariable("level", 0);
			}
		});
		Mocks.register("escalationActionValidator", (TaskListener) task -> {
		});
		Mocks.register("reassignChoicesListener",
				(TaskListener) task -> task.setVariableLocal("newAssigneeChoices", "[]"));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		Mocks.reset();
	}

	@Test
	void shouldRemindThenClimbLevelByLevelUpToTheCap() {
		ProcessInstance watch = startWatch(3, true);
		assertThat(watch).isWaitingAt("TimerEvent_UntilReminder");

		fire(Duration.ofHours(1));
		Assertions.assertThat(reminders).hasValue(1);
		assertThat(watch).isWaitingAt("TimerEvent_UntilDue");

		fire(Duration.ofHours(1));
		assertThat(watch).isWaitingAt("Task_HandleEscalation");
		assertThat(task()).isAssignedTo("sup1").hasName("督办：李娜 填写述职报告");
		complete(task(), withVariables("escalationAction", "urge", "actionNote", "请尽快"));
		assertThat(watch).isWaitingAt("TimerEvent_UntilNextLevel");

		fire(Duration.ofHours(1));
		assertThat(task()).isAssignedTo("sup2");
		complete(task(), withVariables("escalationAction", "acknowledge"));

		fire(Duration.ofHours(1));
		assertThat(watch).isWaitingAt("Task_HandleFinalEscalation");
		assertThat(task()).hasName("督办（最高层级）：李娜 填写述职报告");
		assertThat(task()).isAssignedTo("sup3");
		complete(task(), withVariables("escalationAction", "acknowledge"));
		// The top leader only acknowledged and the task is still open: it comes back to them after the interval.
		assertThat(watch).isWaitingAt("TimerEvent_UntilTopAgain");
		fire(Duration.ofHours(1));
		assertThat(watch).isWaitingAt("Task_HandleFinalEscalation");
		assertThat(task()).isAssignedTo("sup3");
	}

	@Test
	void shouldKeepTheEscalationWithTheTopLeaderWhenTheChainEndsBelowTheCap() {
		chainLength = 2;
		ProcessInstance watch = startWatch(3, false);
		assertThat(watch).isWaitingAt("TimerEvent_UntilDue");
		fire(Duration.ofHours(2));
		assertThat(task()).isAssignedTo("sup1");

		fire(Duration.ofHours(1));
		assertThat(watch).isWaitingAt("Task_HandleFinalEscalation");
		assertThat(task()).isAssignedTo("sup2");

		// Nobody above sup2: the escalation stays with them, however long they leave it.
		fire(Duration.ofDays(10));
		assertThat(watch).isWaitingAt("Task_HandleFinalEscalation");
		assertThat(task()).isAssignedTo("sup2");
		Assertions.assertThat(taskService().createTaskQuery().count()).isOne();
	}

	@Test
	void shouldRestartTheWatchWhenASupervisorReassignsOrTakesOver() {
		ProcessInstance watch = startWatch(3, false);
		assertThat(watch).isWaitingAt("TimerEvent_UntilDue");
		fire(Duration.ofHours(2));
		complete(task(), withVariables("escalationAction", "reassign", "newAssignee", "someone"));
		assertThat(watch).isWaitingAt("TimerEvent_UntilDue");
		Assertions.assertThat(runtimeService().getVariable(watch.getId(), "level")).isEqualTo(0);

		fire(Duration.ofDays(2));
		assertThat(task()).isAssignedTo("sup1");
		fire(Duration.ofHours(1));
		fire(Duration.ofHours(1));
		assertThat(watch).isWaitingAt("Task_HandleFinalEscalation");
		complete(task(), withVariables("escalationAction", "takeOver"));
		assertThat(watch).isWaitingAt("TimerEvent_UntilDue");
	}

	@Test
	void shouldClimbWhenASupervisorDoesNotActInTime() {
		ProcessInstance watch = startWatch(3, false);
		assertThat(watch).isWaitingAt("TimerEvent_UntilDue");

		fire(Duration.ofHours(2));
		assertThat(task()).isAssignedTo("sup1");
		fire(Duration.ofHours(1));

		assertThat(watch).hasPassed("BoundaryEvent_NextLevel");
		assertThat(task()).isAssignedTo("sup2");
	}

	@Test
	void shouldStopWhenTheChainEnds() {
		chainLength = 0;
		ProcessInstance watch = startWatch(3, false);

		fire(Duration.ofHours(2));

		assertThat(watch).isEnded().hasPassed("EndEvent_ChainExhausted");
	}

	@Test
	void shouldRestartTheWatchWhenASupervisorExtends() {
		ProcessInstance watch = startWatch(3, false);
		fire(Duration.ofHours(2));
		assertThat(watch).isWaitingAt("Task_HandleEscalation");
		complete(task(), withVariables("escalationAction", "extend", "newDueDate", "2026-06-03", "actionNote", "材料待补"));

		assertThat(watch).isWaitingAt("TimerEvent_UntilDue");
		Assertions.assertThat(runtimeService().getVariable(watch.getId(), "level")).isEqualTo(0);
	}

	@Test
	void shouldRestartTheWatchWhenTheLastSupervisorExtends() {
		ProcessInstance watch = startWatch(1, false);
		fire(Duration.ofHours(2));
		assertThat(watch).isWaitingAt("Task_HandleFinalEscalation");

		complete(task(), withVariables("escalationAction", "extend"));

		assertThat(watch).isWaitingAt("TimerEvent_UntilDue");
	}

	@Test
	void shouldEndWhenTheWatchedTaskCloses() {
		ProcessInstance watch = startWatch(3, true);
		fire(Duration.ofHours(2));
		assertThat(watch).isWaitingAt("Task_HandleEscalation");

		runtimeService().createMessageCorrelation("Message_TaskClosed").processInstanceBusinessKey("task-1").correlate();

		assertThat(watch).isEnded().hasPassed("EndEvent_TaskClosed");
		Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
	}

	@Test
	void shouldStartOverWhenTheDeadlineIsMovedFromOutside() {
		ProcessInstance watch = startWatch(3, false);
		fire(Duration.ofHours(2));

		runtimeService().createMessageCorrelation("Message_DeadlineChanged")
			.processInstanceBusinessKey("task-1")
			.setVariable("dueAt", Date.from(start.plus(Duration.ofDays(3))))
			.setVariable("level", 0)
			.correlate();

		assertThat(watch).hasPassed("BoundaryEvent_DeadlineChanged").isWaitingAt("TimerEvent_UntilDue");
		Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
	}

	private ProcessInstance startWatch(int cap, boolean remind) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("taskId", "task-1");
		variables.put("taskName", "填写述职报告");
		variables.put(io.zeren.shared.TaskNames.VAR_TITLE, "李娜 填写述职报告");
		variables.put("dueAt", Date.from(start.plus(Duration.ofHours(2))));
		variables.put("remindAt", remind ? Date.from(start.plus(Duration.ofHours(1))) : null);
		variables.put("escalationCap", cap);
		variables.put("level", 0);
		variables.put("supervisor", null);
		variables.put("escalationAction", null);
		return runtimeService().startProcessInstanceByKey("TaskDeadlineProcess", "task-1", variables);
	}

	/** Moves the engine clock and runs every timer that is then due. */
	private void fire(Duration forward) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(forward)));
		Date dueBy = Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1));
		// Firing one timer may create the next one already due, as the job executor would find it.
		for (var due = managementService().createJobQuery().timers().duedateLowerThan(dueBy).list(); !due.isEmpty();
				due = managementService().createJobQuery().timers().duedateLowerThan(dueBy).list()) {
			due.forEach(job -> execute(job));
		}
	}

}
