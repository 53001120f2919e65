package io.zeren.discipline;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DisciplineCaseProcess with the module's real listeners, delegates and case rules (DisciplineCases) over mocked
 * repositories; the sanction side (Sanctions) is a mock whose calls are checked, SanctionTermProcessTests covers it.
 * The subject's tasks run in the real DisciplineSubjectProcess, and the outcome table is the shipped DMN.
 */
@Deployment(resources = { "processes/discipline/discipline-case.bpmn", "processes/discipline/subject-task.bpmn",
		"processes/discipline/discipline-outcome.dmn", "forms/discipline/approve-filing.form",
		"forms/discipline/investigate.form", "forms/discipline/approve-extension.form",
		"forms/discipline/review-case.form", "forms/discipline/decide-case.form", "forms/discipline/review-appeal.form",
		"forms/discipline/decide-appeal.form", "forms/discipline/answer-inquiry.form",
		"forms/discipline/make-statement.form", "forms/discipline/acknowledge-decision.form" })
class DisciplineCaseProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	static final String FINDINGS = "2051 年春节期间收受管理服务对象所送购物卡两张，价值 2000 元。";

	static final String REPORT = "内部报告：经调取银行流水、询问证人甲，事实清楚。举报线索来源见线索卷。";

	private final Instant start = Instant.parse("2051-03-01T01:00:00Z");

	private final Sanctions sanctions = mock(Sanctions.class);

	private CaseFixtures fixtures;

	private DisciplineCase theCase;

	/** The case instance under test (task(current) and job(current) look only at it, not at the subject's). */
	private ProcessInstance current;

	/** The candidate lists DisciplineAccess would give (recusal is DisciplineAccess's own business). */
	public static class AccessStandIn {

		public List<String> leaders(Object execution) {
			return List.of("wangjianguo");
		}

		public List<String> handlers(Object execution) {
			return List.of("zhaolei", "dongwen");
		}

		public List<String> reviewers(Object execution) {
			return List.of("sunli", "yeqian");
		}

	}

	@BeforeEach
	void standIns() {
		ClockUtil.setCurrentTime(Date.from(start));
		register(true);
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		Mocks.reset();
	}

	private void register(boolean partyMember) {
		fixtures = new CaseFixtures(partyMember);
		theCase = fixtures.oneCase(CaseFixtures.newCase(start));
		DisciplineCases cases = fixtures.cases(sanctions, null);
		CaseDelegates delegates = new CaseDelegates(fixtures.instances);
		Mocks.register("disciplineAccess", new AccessStandIn());
		Mocks.register("disciplineSubjectTasks", new SubjectTasks(CaseFixtures.messageSource()));
		Mocks.register("caseFilingTaskListener", delegates.caseFilingTaskListener(cases, io.zeren.shared.LivePolicy.fixed(CaseFixtures.CASE_POLICY)));
		Mocks.register("caseInvestigationTaskListener", delegates.caseInvestigationTaskListener(cases, fixtures.messages));
		Mocks.register("caseExtensionTaskListener", delegates.caseExtensionTaskListener(cases, io.zeren.shared.LivePolicy.fixed(CaseFixtures.CASE_POLICY)));
		Mocks.register("recordCaseStatementDelegate", delegates.recordCaseStatementDelegate(cases));
		Mocks.register("caseReviewTaskListener", delegates.caseReviewTaskListener(cases, io.zeren.shared.LivePolicy.fixed(CaseFixtures.CASE_POLICY)));
		Mocks.register("recordOutcomeSuggestionDelegate", delegates.recordOutcomeSuggestionDelegate(cases));
		Mocks.register("caseDecisionTaskListener", delegates.caseDecisionTaskListener(cases));
		Mocks.register("executeCaseDecisionDelegate", delegates.executeCaseDecisionDelegate(cases));
		Mocks.register("recordAcknowledgementDelegate", delegates.recordAcknowledgementDelegate(cases));
		Mocks.register("appealReviewTaskListener", delegates.appealReviewTaskListener(cases));
		Mocks.register("appealDecisionTaskListener", delegates.appealDecisionTaskListener(cases));
		Mocks.register("archiveCaseDelegate", delegates.archiveCaseDelegate(cases));
	}

	@Test
	void shouldEndWithoutACaseWhenTheLeadershipRefusesTheFiling() {
		ProcessInstance instance = startCase();
		assertThat(instance).isWaitingAt(CaseProcess.TASK_APPROVE_FILING);
		assertThat(task(current)).hasCandidateUser("wangjianguo").hasName("立案审批（纪案〔2051〕0001号）");
		Assertions.assertThat(taskService().getVariables(task(current).getId())).containsEntry("filingBasis", "初步核实：属实");

		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("filingDecision", "reject")))
			.hasMessageContaining("不予立案的，请写明理由");
		assertThat(instance).isWaitingAt(CaseProcess.TASK_APPROVE_FILING);
		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("filingDecision", "maybe")))
			.hasMessageContaining("请选择同意立案或不予立案");

		complete(task(current), withVariables("filingDecision", "reject", "filingReason", "证据不足"));
		assertThat(instance).isEnded().hasPassed("EndEvent_NotFiled").hasNotPassed(CaseProcess.TASK_INVESTIGATE);
		Assertions.assertThat(theCase.getStatus()).isEqualTo(CaseStatus.NOT_FILED);
		Assertions.assertThat(theCase.toFile().filingReason()).isEqualTo("证据不足");
	}

	@Test
	void shouldGrantOneExtensionAndRefuseASecond() {
		ProcessInstance instance = startCase();
		approveFiling();
		assertThat(instance).isWaitingAt(CaseProcess.TASK_INVESTIGATE);
		Date due = Date.from(start.atZone(CaseFixtures.ZONE).plusDays(90).toInstant());
		assertThat(task(current)).hasCandidateUser("zhaolei").hasCandidateUser("dongwen").hasDueDate(due);

		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("investigationAction", "extend")))
			.hasMessageContaining("申请延期的，请写明理由");
		complete(task(current), withVariables("investigationAction", "extend", "extensionReason", "需调取外省证据"));
		assertThat(instance).isWaitingAt(CaseProcess.TASK_APPROVE_EXTENSION);
		assertThat(task(current)).hasCandidateUser("wangjianguo");
		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("extensionDecision", "reject")))
			.hasMessageContaining("不同意延期的，请写明理由");
		complete(task(current), withVariables("extensionDecision", "approve"));

		assertThat(instance).isWaitingAt(CaseProcess.TASK_INVESTIGATE);
		Date extended = Date.from(start.atZone(CaseFixtures.ZONE).plusDays(90).plusDays(30).toInstant());
		assertThat(task(current)).hasDueDate(extended);
		Assertions.assertThatThrownBy(
				() -> complete(task(current), withVariables("investigationAction", "extend", "extensionReason", "再延一次")))
			.hasMessageContaining("只可延长一次");
		assertThat(instance).isWaitingAt(CaseProcess.TASK_INVESTIGATE);
		Assertions.assertThat(theCase.getInvestigationDueAt()).isEqualTo(extended.toInstant());

		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("investigationAction", "submit")))
			.hasMessageContaining("请填写告知被审查人的事实认定")
			.hasMessageContaining("请填写审查调查报告")
			.hasMessageContaining("请选择情节");
		submitInvestigation("SERIOUS", "NONE");
		assertThat(instance).isWaitingAt(CaseProcess.CALL_STATEMENT);
	}

	@Test
	void shouldGiveTheSubjectOnlyTheFindingsAddressedToThem() {
		ProcessInstance instance = startCase();
		approveFiling();
		submitInvestigation("SERIOUS", "NONE");

		ProcessInstance statement = calledProcessInstance(instance);
		Task task = task(statement);
		assertThat(task).isAssignedTo("huangxin").hasName("陈述申辩（纪案〔2051〕0001号）");
		Map<String, Object> visible = taskService().getVariables(task.getId());
		Assertions.assertThat(visible).containsEntry("content", FINDINGS)
			.containsEntry("kind", "STATEMENT")
			.containsEntry("title", "对纪案〔2051〕0001号审查调查认定事实的陈述申辩")
			.doesNotContainKeys("investigationReport", "filingBasis", "summary", "reviewOpinion", "caseId");
		Assertions.assertThat(visible.values()).doesNotContain(REPORT);

		complete(task, withVariables("statement", "对价值认定有异议"));
		assertThat(instance).isWaitingAt(CaseProcess.TASK_REVIEW);
		Assertions.assertThat(theCase.toFile().statement()).isEqualTo("对价值认定有异议");
		Assertions.assertThat(theCase.getStatus()).isEqualTo(CaseStatus.REVIEW);
	}

	@Test
	void shouldSendTheCaseBackForSupplementaryInvestigation() {
		ProcessInstance instance = toReview("SERIOUS", "NONE");
		assertThat(task(current)).hasCandidateUser("sunli").hasCandidateUser("yeqian");

		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("reviewAction", "sendBack")))
			.hasMessageContaining("退回补充调查的，请写明理由");
		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("reviewAction", "forward")))
			.hasMessageContaining("请填写审理意见");
		ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(40))));
		complete(task(current), withVariables("reviewAction", "sendBack", "sendBackReason", "礼品价值需补充鉴定"));

		assertThat(instance).isWaitingAt(CaseProcess.TASK_INVESTIGATE);
		assertThat(task(current)).hasDueDate(Date.from(start.plus(Duration.ofDays(40)).atZone(CaseFixtures.ZONE).plusDays(30)
			.toInstant()));
		Assertions.assertThat(taskService().getVariables(task(current).getId())).containsEntry("sendBackReason", "礼品价值需补充鉴定");
		Assertions.assertThat(theCase.toFile().sendBacks()).isEqualTo(1);

		submitInvestigation("SERIOUS", "AGGRAVATING");
		complete(task(calledProcessInstance(instance)), withVariables("statementWaived", true));
		assertThat(instance).isWaitingAt(CaseProcess.TASK_REVIEW);
		forwardReview();
		assertThat(instance).isWaitingAt(CaseProcess.TASK_DECIDE);
		Assertions.assertThat(taskService().getVariables(task(current).getId()))
			.containsEntry("suggestedOutcome", "PARTY_SERIOUS_WARNING");
	}

	@ParameterizedTest(name = "{0} / {1} / party member {2} → {3}")
	@CsvSource({ "MINOR, MITIGATING, false, 1, EXEMPT", "MINOR, NONE, true, 1, CRITICISM",
			"MINOR, AGGRAVATING, false, 1, ADMONITION", "SERIOUS, MITIGATING, true, 2, ORGANISATIONAL_HANDLING",
			"SERIOUS, MITIGATING, false, 2, WARNING", "SERIOUS, NONE, true, 2, PARTY_WARNING",
			"SERIOUS, NONE, false, 2, DEMERIT", "SERIOUS, AGGRAVATING, true, 2, PARTY_SERIOUS_WARNING",
			"SERIOUS, AGGRAVATING, false, 2, MAJOR_DEMERIT", "GRAVE, MITIGATING, true, 3, PARTY_POST_REMOVAL",
			"GRAVE, MITIGATING, false, 3, DEMOTION", "GRAVE, NONE, true, 3, PARTY_PROBATION",
			"GRAVE, NONE, false, 3, REMOVAL_FROM_POST", "GRAVE, AGGRAVATING, true, 3, PARTY_EXPULSION",
			"GRAVE, AGGRAVATING, false, 3, DISMISSAL", "CRIMINAL, NONE, false, 4, REFER_TO_JUDICIARY" })
	void shouldDecideAsTheOutcomeTableSuggests(String severity, String circumstances, boolean partyMember, int form,
			String outcome) {
		register(partyMember);
		ProcessInstance instance = toDecision(severity, circumstances);
		assertThat(task(current)).hasCandidateUser("wangjianguo");
		Assertions.assertThat(taskService().getVariables(task(current).getId())).containsEntry("suggestedForm", form)
			.containsEntry("suggestedOutcome", outcome)
			.containsEntry("partyMember", partyMember);

		claim(task(current), "wangjianguo");
		complete(task(current));

		CaseOutcome decided = CaseOutcome.valueOf(outcome);
		Assertions.assertThat(theCase.getDecidedOutcome()).isEqualTo(decided);
		Assertions.assertThat(theCase.toFile().decidedBy()).isEqualTo("wangjianguo");
		Assertions.assertThat(theCase.toFile().deviationReason()).isNull();
		verify(sanctions).impose(theCase, decided, theCase.getDecidedAt(), "wangjianguo");
		verify(fixtures.notifications).enqueue(eq("notice"), eq(List.of("huangxin")), any(), eq("discipline-decision:1"));
		assertThat(instance).isWaitingAt(CaseProcess.CALL_DELIVER);

		acknowledge(instance, "no");
		assertThat(instance).isEnded().hasPassed("EndEvent_CaseArchived").hasNotPassed(CaseProcess.TASK_REVIEW_APPEAL);
		Assertions.assertThat(theCase.getStatus()).isEqualTo(CaseStatus.ARCHIVED);
	}

	@Test
	void shouldDecideAnotherOutcomeOnlyWithAReason() {
		ProcessInstance instance = toDecision("SERIOUS", "NONE");
		Assertions.assertThat(taskService().getVariables(task(current).getId())).containsEntry("suggestedOutcome", "PARTY_WARNING")
			.containsEntry("suggestedOutcomeLabel", "党内警告");

		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("decidedOutcome", "DEMERIT")))
			.hasMessageContaining("处理建议为“党内警告”，决定“记过”的，请写明理由");
		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("decidedOutcome", "SOMETHING")))
			.hasMessageContaining("请选择处理决定");
		assertThat(instance).isWaitingAt(CaseProcess.TASK_DECIDE);

		complete(task(current), withVariables("decidedOutcome", "DEMERIT", "deviationReason", "本人系公务员，依法给予政务处分"));
		Assertions.assertThat(theCase.getDecidedOutcome()).isEqualTo(CaseOutcome.DEMERIT);
		Assertions.assertThat(theCase.toFile().suggestedOutcome()).isEqualTo(CaseOutcome.PARTY_WARNING);
		Assertions.assertThat(theCase.toFile().deviationReason()).isEqualTo("本人系公务员，依法给予政务处分");
		verify(sanctions).impose(theCase, CaseOutcome.DEMERIT, theCase.getDecidedAt(), "system");
	}

	@Test
	void shouldUpholdTheDecisionOnAppeal() {
		ProcessInstance instance = toAppealDecision();
		complete(task(current), withVariables("appealOutcome", "UPHOLD"));
		assertThat(instance).isEnded().hasPassed(CaseProcess.TASK_DECIDE_APPEAL, "EndEvent_CaseArchived");
		verify(sanctions, never()).replace(any(), any(), any(), any());
		verify(sanctions, never()).revoke(any(), any(), any());
		verify(fixtures.notifications).enqueue(eq("notice"), eq(List.of("huangxin")),
				eq(Map.of("title", "申诉决定：纪案〔2051〕0001号", "text", "关于纪案〔2051〕0001号的申诉，经复查，决定维持原处理决定（党内警告）。")),
				anyString());
		Assertions.assertThat(theCase.toFile().appealOutcome()).isEqualTo("UPHOLD");
	}

	@Test
	void shouldChangeTheDecisionOnAppeal() {
		ProcessInstance instance = toAppealDecision();
		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("appealOutcome", "CHANGE")))
			.hasMessageContaining("变更或撤销原决定的，请写明理由")
			.hasMessageContaining("请选择与原决定（党内警告）不同的新处理");
		Assertions.assertThatThrownBy(() -> complete(task(current),
				withVariables("appealOutcome", "CHANGE", "appealNewOutcome", "PARTY_WARNING", "appealDecisionReason", "x")))
			.hasMessageContaining("不同的新处理");
		assertThat(instance).isWaitingAt(CaseProcess.TASK_DECIDE_APPEAL);

		complete(task(current), withVariables("appealOutcome", "CHANGE", "appealNewOutcome", "ADMONITION", "appealDecisionReason",
				"主动退还，情节较轻"));
		assertThat(instance).isEnded().hasPassed("EndEvent_CaseArchived");
		verify(sanctions).replace(theCase, CaseOutcome.ADMONITION, "主动退还，情节较轻", "system");
		Assertions.assertThat(theCase.toFile().appealNewOutcome()).isEqualTo(CaseOutcome.ADMONITION);
	}

	@Test
	void shouldRevokeTheDecisionOnAppeal() {
		ProcessInstance instance = toAppealDecision();
		Assertions.assertThatThrownBy(() -> complete(task(current), withVariables("appealOutcome", "REVOKE")))
			.hasMessageContaining("请写明理由");
		complete(task(current), withVariables("appealOutcome", "REVOKE", "appealDecisionReason", "事实不清"));
		assertThat(instance).isEnded().hasPassed("EndEvent_CaseArchived");
		verify(sanctions).revoke(theCase, "事实不清", "system");
		Assertions.assertThat(theCase.getStatus()).isEqualTo(CaseStatus.ARCHIVED);
	}

	@Test
	void shouldMakeTheDecisionFinalWhenTheAppealWindowLapses() {
		ProcessInstance instance = toDecision("SERIOUS", "NONE");
		complete(task(current));
		assertThat(instance).isWaitingAt(CaseProcess.CALL_DELIVER);
		ProcessInstance delivery = calledProcessInstance(instance);
		Date windowEnd = Date.from(start.atZone(CaseFixtures.ZONE).plusMonths(1).toInstant());
		assertThat(task(delivery)).isAssignedTo("huangxin").hasDueDate(windowEnd);
		Assertions.assertThat(taskService().getVariables(task(delivery).getId()))
			.doesNotContainKeys("investigationReport", "reviewOpinion", "filingBasis")
			.containsEntry("kind", "DECISION");
		Assertions.assertThat((String) taskService().getVariable(task(delivery).getId(), "content"))
			.contains("党内警告").contains(FINDINGS).doesNotContain(REPORT);
		assertThat(job(current)).hasDueDate(windowEnd);

		ClockUtil.setCurrentTime(Date.from(windowEnd.toInstant().plusSeconds(1)));
		execute(job(current));
		assertThat(instance).isEnded().hasPassed(CaseProcess.TIMER_APPEAL_WINDOW, "EndEvent_CaseArchived");
		assertThat(delivery).isEnded();
		Assertions.assertThat(theCase.getStatus()).isEqualTo(CaseStatus.ARCHIVED);
		Assertions.assertThat(theCase.toFile().appealedAt()).isNull();
	}

	// --- walking the case -----------------------------------------------------------------------------------

	private ProcessInstance startCase() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("leadId", 7L);
		variables.put("subject", "huangxin");
		variables.put("caseNumber", theCase.getCaseNumber());
		variables.put("caseId", 1L);
		variables.put("summary", theCase.getSummary());
		variables.put("filingBasis", theCase.getFilingBasis());
		current = runtimeService().startProcessInstanceByKey(DisciplineProcesses.CASE, theCase.getCaseNumber(), variables);
		return current;
	}

	private void approveFiling() {
		complete(task(current), withVariables("filingDecision", "approve"));
	}

	private void submitInvestigation(String severity, String circumstances) {
		complete(task(current), withVariables("investigationAction", "submit", "findingsForSubject", FINDINGS,
				"investigationReport", REPORT, "severity", severity, "circumstances", circumstances));
	}

	private void forwardReview() {
		complete(task(current), withVariables("reviewAction", "forward", "reviewOpinion", "事实清楚，证据确实"));
	}

	private ProcessInstance toReview(String severity, String circumstances) {
		ProcessInstance instance = startCase();
		approveFiling();
		submitInvestigation(severity, circumstances);
		complete(task(calledProcessInstance(instance)), withVariables("statement", "无异议"));
		assertThat(instance).isWaitingAt(CaseProcess.TASK_REVIEW);
		return instance;
	}

	private ProcessInstance toDecision(String severity, String circumstances) {
		ProcessInstance instance = toReview(severity, circumstances);
		forwardReview();
		assertThat(instance).isWaitingAt(CaseProcess.TASK_DECIDE).hasPassed("Task_SuggestOutcome");
		return instance;
	}

	private void acknowledge(ProcessInstance instance, String appeal) {
		Map<String, Object> answer = new HashMap<>();
		answer.put("acknowledged", true);
		answer.put("appeal", appeal);
		if ("yes".equals(appeal)) {
			answer.put("appealReason", "情节认定过重");
		}
		complete(task(calledProcessInstance(instance)), answer);
	}

	private ProcessInstance toAppealDecision() {
		ProcessInstance instance = toDecision("SERIOUS", "NONE");
		complete(task(current));
		acknowledge(instance, "yes");
		assertThat(instance).isWaitingAt(CaseProcess.TASK_REVIEW_APPEAL);
		assertThat(task(current)).hasCandidateUser("sunli");
		Assertions.assertThat(theCase.getStatus()).isEqualTo(CaseStatus.APPEAL);
		Assertions.assertThat(taskService().getVariables(task(current).getId())).containsEntry("appealReason", "情节认定过重");
		Assertions.assertThatThrownBy(() -> complete(task(current))).hasMessageContaining("请填写复查意见");
		complete(task(current), withVariables("appealReviewOpinion", "原认定并无不当"));
		assertThat(instance).isWaitingAt(CaseProcess.TASK_DECIDE_APPEAL);
		assertThat(task(current)).hasCandidateUser("wangjianguo");
		return instance;
	}

}
