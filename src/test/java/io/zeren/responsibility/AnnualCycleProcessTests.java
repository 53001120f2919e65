package io.zeren.responsibility;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deploy phase with its delegates replaced by stand-ins: send-back loop, the unit lists started in batches
 * and waited for, kick-off retry. (The unit head's task is UnitListProcess's, see UnitListProcessTests.)
 */
@Deployment(resources = { "processes/responsibility/annual-cycle.bpmn", "forms/responsibility/draft-catalogue.form",
		"forms/responsibility/approve-catalogue.form", "forms/responsibility/review-kick-off.form" })
class AnnualCycleProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	private final List<String> startedUnitBatches = java.util.Collections.synchronizedList(new ArrayList<>());

	/** What the count of unconfirmed unit lists answers once every batch is started. */
	private long openUnitLists = 3;

	private final AtomicInteger kickOffRuns = new AtomicInteger();

	/** Batches the kick-off job plans in each run, in order (the last entry repeats). */
	private List<Integer> plannedBatches = new ArrayList<>(List.of(2));

	private final AtomicInteger deployed = new AtomicInteger();

	/** Failed members reported by each kick-off run, in order. */
	private List<Integer> kickOffFailures = new ArrayList<>(List.of(0));

	@BeforeEach
	void standIns() {
		Mocks.register("saveCatalogueDraftListener", (TaskListener) task -> {
		});
		Mocks.register("recordCatalogueDecisionListener", (TaskListener) task -> {
		});
		// Three units in two batches, handed to the multi-instance as a transient variable (as production does).
		Mocks.register("prepareUnitListsDelegate", (JavaDelegate) execution -> execution.setVariable("unitListBatches",
				Variables.untypedValue(List.of("POL,OPS-1", "OPS-2"), true)));
		Mocks.register("startUnitListsDelegate",
				(JavaDelegate) execution -> startedUnitBatches.add((String) execution.getVariable("unitListBatch")));
		Mocks.register("openUnitListsDelegate",
				(JavaDelegate) execution -> execution.setVariable("openUnitLists", openUnitLists));
		// The plan: production starts a KickOffBatchProcess per batch and counts them; these are counted only.
		Mocks.register("kickOffPersonalListsDelegate", (JavaDelegate) execution -> execution.setVariable(
				"kickOffBatchCount", plannedBatches.get(Math.min(kickOffRuns.get(), plannedBatches.size() - 1))));
		Mocks.register("finishKickOffDelegate", (JavaDelegate) execution -> {
			int run = kickOffRuns.getAndIncrement();
			execution.setVariable("kickOffFailed", kickOffFailures.get(Math.min(run, kickOffFailures.size() - 1)));
			execution.setVariable("kickOffSummary", "summary " + run);
		});
		Mocks.register("markCycleDeployedDelegate", (JavaDelegate) execution -> deployed.incrementAndGet());
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void shouldDeployAfterApprovalUnitListsAndKickOff() {
		ProcessInstance cycle = start();
		assertThat(cycle).isWaitingAt(AnnualCycleProcess.TASK_DRAFT_CATALOGUE);
		assertThat(task(cycle)).hasCandidateGroup("role-political").hasName("2031年度 起草工作要点和责任清单目录");
		complete(task(cycle), withVariables("workPoints", "要点", "catalogueRows", "[{\"title\":\"谈心谈话\"}]"));

		assertThat(cycle).isWaitingAt(AnnualCycleProcess.TASK_APPROVE_CATALOGUE);
		assertThat(task(cycle)).hasCandidateGroup("role-leadership").hasName("2031年度 审定责任清单目录");
		complete(task(cycle), withVariables("catalogueDecision", "approve", "decisionNote", "同意"));

		startUnitLists(cycle);
		Assertions.assertThat(startedUnitBatches).containsExactlyInAnyOrder("POL,OPS-1", "OPS-2");
		Assertions.assertThat(runtimeService().getVariable(cycle.getId(), "unitListBatches")).isNull();
		// Units still open: the cycle waits until the last unit's process reports its confirmation.
		assertThat(cycle).isWaitingAt(AnnualCycleProcess.EVENT_UNIT_LISTS_CONFIRMED);
		runtimeService().createMessageCorrelation(AnnualCycleProcess.MESSAGE_UNIT_LISTS_CONFIRMED)
			.processInstanceBusinessKey("2031").correlate();

		assertThat(cycle).isWaitingAt(AnnualCycleProcess.TASK_KICK_OFF);
		execute(job());
		// The batches are processes of their own; the cycle waits for the last one to report.
		assertThat(cycle).isWaitingAt(AnnualCycleProcess.EVENT_LIST_BATCHES_ISSUED);
		Assertions.assertThat(runtimeService().getVariable(cycle.getId(), "kickOffBatchCount")).isEqualTo(2);
		runtimeService().createMessageCorrelation(AnnualCycleProcess.MESSAGE_LIST_BATCHES_ISSUED)
			.processInstanceBusinessKey("2031").correlate();
		// The count of who is still without a list runs in a job of its own, not in the last batch's transaction.
		assertThat(cycle).isWaitingAt(AnnualCycleProcess.TASK_FINISH_KICK_OFF);
		runAllJobs(cycle);
		assertThat(cycle).isEnded().hasPassed(AnnualCycleProcess.EVENT_LIST_BATCHES_ISSUED,
				AnnualCycleProcess.TASK_FINISH_KICK_OFF, "Task_MarkDeployed", "EndEvent_CycleDeployed");
		Assertions.assertThat(deployed).hasValue(1);
	}

	@Test
	void shouldFinishAtOnceWhenNobodyIsLeftToIssue() {
		plannedBatches = new ArrayList<>(List.of(0));
		openUnitLists = 0;
		ProcessInstance cycle = approvedWithUnitListsStarted();
		runAllJobs(cycle);

		assertThat(cycle).isEnded().hasNotPassed(AnnualCycleProcess.EVENT_LIST_BATCHES_ISSUED);
		Assertions.assertThat(deployed).hasValue(1);
	}

	@Test
	void shouldLoopBackToTheDraftWhenLeadershipSendsItBack() {
		ProcessInstance cycle = start();
		complete(task(cycle), withVariables("workPoints", "要点", "catalogueRows", "[{\"title\":\"谈心谈话\"}]"));
		complete(task(cycle), withVariables("catalogueDecision", "return", "decisionNote", "请补充读书分享"));

		assertThat(cycle).hasPassed("Gateway_Approved").isWaitingAt(AnnualCycleProcess.TASK_DRAFT_CATALOGUE);
		Assertions.assertThat(runtimeService().getVariable(cycle.getId(), "decisionNote")).isEqualTo("请补充读书分享");
		complete(task(cycle), withVariables("workPoints", "要点2", "catalogueRows", "[{\"title\":\"读书分享\"}]"));
		complete(task(cycle), withVariables("catalogueDecision", "approve"));

		assertThat(cycle).isWaitingAt("SubProcess_StartUnitLists");
	}

	@Test
	void shouldGoOnToTheKickOffWhenEveryUnitConfirmedBeforeTheBatchesJoined() {
		openUnitLists = 0;
		ProcessInstance cycle = approvedWithUnitListsStarted();

		assertThat(cycle).isWaitingAt(AnnualCycleProcess.TASK_KICK_OFF)
			.hasPassed(AnnualCycleProcess.TASK_COUNT_OPEN_UNIT_LISTS)
			.hasNotPassed(AnnualCycleProcess.EVENT_UNIT_LISTS_CONFIRMED);
	}

	@Test
	void shouldAskThePoliticalDepartmentWhenTheKickOffLeavesSomeoneOut() {
		kickOffFailures = new ArrayList<>(List.of(10, 0));
		plannedBatches = new ArrayList<>(List.of(2, 1));
		openUnitLists = 0;
		ProcessInstance cycle = approvedWithUnitListsStarted();
		runAllJobs(cycle);
		batchesReported(cycle);

		assertThat(cycle).isWaitingAt(AnnualCycleProcess.TASK_REVIEW_KICK_OFF);
		assertThat(task(cycle)).hasCandidateGroup("role-political");
		Assertions.assertThat(deployed).hasValue(0);
		complete(task(cycle));

		assertThat(cycle).isWaitingAt(AnnualCycleProcess.TASK_KICK_OFF);
		runAllJobs(cycle);
		Assertions.assertThat(runtimeService().getVariable(cycle.getId(), "kickOffBatchCount")).isEqualTo(1);
		batchesReported(cycle);
		assertThat(cycle).isEnded();
		Assertions.assertThat(kickOffRuns).hasValue(2);
		Assertions.assertThat(deployed).hasValue(1);
	}

	private static boolean exclusive(org.camunda.bpm.engine.runtime.Job job) {
		return ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).isExclusive();
	}

	/** What the last KickOffBatchProcess of a run sends; then the finishing job. */
	private void batchesReported(ProcessInstance cycle) {
		assertThat(cycle).isWaitingAt(AnnualCycleProcess.EVENT_LIST_BATCHES_ISSUED);
		runtimeService().createMessageCorrelation(AnnualCycleProcess.MESSAGE_LIST_BATCHES_ISSUED)
			.processInstanceBusinessKey("2031").correlate();
		runAllJobs(cycle);
	}

	private void runAllJobs(ProcessInstance cycle) {
		List<org.camunda.bpm.engine.runtime.Job> jobs;
		while (!(jobs = managementService().createJobQuery().processInstanceId(cycle.getId()).list()).isEmpty()) {
			jobs.forEach(job -> execute(job));
		}
	}

	private void startUnitLists(ProcessInstance cycle) {
		// One job per batch of units starts their processes (not exclusive: a province's batches run in parallel) ...
		List<org.camunda.bpm.engine.runtime.Job> batches = managementService().createJobQuery()
			.processInstanceId(cycle.getId()).list();
		Assertions.assertThat(batches).hasSize(2).noneMatch(AnnualCycleProcessTests::exclusive);
		batches.forEach(job -> execute(job));
		// ... and the batches join one at a time.
		List<org.camunda.bpm.engine.runtime.Job> joins = managementService().createJobQuery()
			.processInstanceId(cycle.getId()).list();
		Assertions.assertThat(joins).hasSize(2).allMatch(AnnualCycleProcessTests::exclusive);
		joins.forEach(job -> execute(job));
	}

	/** Drafted, approved, every batch of units started and joined. */
	private ProcessInstance approvedWithUnitListsStarted() {
		ProcessInstance cycle = start();
		complete(task(cycle), withVariables("workPoints", "要点", "catalogueRows", "[{\"title\":\"谈心谈话\"}]"));
		complete(task(cycle), withVariables("catalogueDecision", "approve"));
		startUnitLists(cycle);
		return cycle;
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(AnnualCycleProcess.KEY, "2031",
				Map.of("cycleId", 1L, "year", 2031, "catalogueRows", "[]", "contextYear", "2031年度"));
	}

}
