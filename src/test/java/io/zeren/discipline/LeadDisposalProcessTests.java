package io.zeren.discipline;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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
import org.springframework.context.support.ResourceBundleMessageSource;

import io.zeren.discipline.LeadRules.AnswerVerdict;
import io.zeren.discipline.LeadRules.Recommendation;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * Every way a lead is disposed of, with the real listeners and rules, the subject's own task process, and the
 * lead register ({@link Leads}) and the access rules ({@link DisciplineAccess}) replaced by Mockito stand-ins:
 * zhaolei heads the office, dongwen is the first free handler, zhengyang (huangxin's unit head) must recuse.
 */
@Deployment(resources = { "processes/discipline/lead-disposal.bpmn", "processes/discipline/subject-task.bpmn",
		"forms/discipline/decide-disposal.form", "forms/discipline/assess-inquiry-answer.form",
		"forms/discipline/preliminary-verification.form", "forms/discipline/confirm-verification.form",
		"forms/discipline/answer-inquiry.form", "forms/discipline/make-statement.form",
		"forms/discipline/acknowledge-decision.form" })
class LeadDisposalProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.excludeProcessDefinitionKeys(DisciplineProcesses.SUBJECT_TASK)
		.assertClassCoverageAtLeast(0.9)
		.build();

	static final long LEAD = 7L;

	static final String NUMBER = "纪线〔2050〕0007号";

	private final Instant start = Instant.parse("2050-03-01T01:00:00Z");

	private final Date recheck = Date.from(start.plus(Duration.ofDays(92)));

	private Leads leads;

	private DisciplineAccess access;

	/** The subject of the lead under test, as the register would give it. */
	private String subject;

	@BeforeEach
	void standIns() {
		ClockUtil.setCurrentTime(Date.from(start));
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		leads = mock(Leads.class);
		access = mock(DisciplineAccess.class);
		when(access.officeHead(any())).thenReturn("zhaolei");
		when(access.handlers(any())).thenReturn(List.of("dongwen", "xueqiang"));
		doThrow(new RuleViolationException(new Msg("discipline.recusal.supervisor", "zhengyang", "huangxin")))
			.when(access).checkAssignable(anyLong(), eq("zhengyang"), eq(Duty.HANDLER));
		when(leads.recheckAt()).thenReturn(recheck);
		// The lead of every instance, as the system's record would give it (the tests start one lead at a time).
		DisciplineInstances instances = mock(DisciplineInstances.class);
		when(instances.leadId(any())).thenReturn(LEAD);
		when(instances.subject(any())).thenAnswer(call -> subject);
		LeadDelegates delegates = new LeadDelegates();
		Mocks.register("disciplineAccess", access);
		Mocks.register("disciplineSubjectTasks", new SubjectTasks(messages));
		Mocks.register("decideDisposalTaskListener", delegates.decideDisposalTaskListener(leads, access, instances, messages));
		when(access.handlerChoices(any())).thenReturn(List.of(new io.zeren.shared.FormRows.Choice("董文（纪检组·科员）", "dongwen"),
				new io.zeren.shared.FormRows.Choice("薛强（纪检组·科员）", "xueqiang")));
		org.mockito.Mockito.doThrow(new io.zeren.shared.RuleViolationException(
				new io.zeren.shared.Msg("discipline.handler.not-offered")))
			.when(access).checkOffered(any(), eq("lina"));
		Mocks.register("handlerChoicesTaskListener", delegates.handlerChoicesTaskListener(access));
		io.zeren.organisation.OrganisationDirectory directory = mock(io.zeren.organisation.OrganisationDirectory.class);
		when(directory.findStaffInfo("xueqiang")).thenReturn(java.util.Optional.of(new io.zeren.organisation.StaffInfo(
				"xueqiang", "薛强", "DIS", "纪检组", "科员", io.zeren.organisation.StaffCategory.NON_LEADING_CADRE,
				io.zeren.organisation.UnitRole.MEMBER, true, "xueqiang@zeren.example", true)));
		Mocks.register("handlerNameTaskListener", delegates.handlerNameTaskListener(directory));
		Mocks.register("recordInquiryAnswerDelegate", delegates.recordInquiryAnswerDelegate(leads, instances));
		Mocks.register("assessInquiryAnswerTaskListener", delegates.assessInquiryAnswerTaskListener(leads, instances, messages));
		Mocks.register("preliminaryVerificationTaskListener",
				delegates.preliminaryVerificationTaskListener(leads, instances, messages));
		Mocks.register("confirmVerificationTaskListener", delegates.confirmVerificationTaskListener(leads, instances, messages));
		Mocks.register("proposeFilingDelegate", delegates.proposeFilingDelegate(leads, instances));
		Mocks.register("recheckLeadDelegate", delegates.recheckLeadDelegate(leads, instances));
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		Mocks.reset();
	}

	@Test
	void shouldCloseWithAReason() {
		ProcessInstance lead = start("huangxin");
		assertThat(lead).isWaitingAt(LeadDisposalProcess.TASK_DECIDE);
		assertThat(task()).isAssignedTo("zhaolei").hasName("线索处置（" + NUMBER + "）");

		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("disposal", "CLOSE")))
			.hasMessageContaining("予以了结须写明理由");
		assertThat(lead).isWaitingAt(LeadDisposalProcess.TASK_DECIDE);

		complete(task(), withVariables("disposal", "CLOSE", "disposalReason", "反映问题不实"));
		assertThat(lead).isEnded().hasPassed("EndEvent_Closed");
		verify(leads).decided(eq(LEAD), argThat(d -> d.disposal() == Disposal.CLOSE && "反映问题不实".equals(d.reason())),
				isNull(), isNull(), eq("zhaolei"));
	}

	@Test
	void shouldAskTheSubjectAndCloseOnTheAnswer() {
		ProcessInstance lead = startInquiry();
		Task answer = subjectTask();
		// The subject's task sees the questions and its own identifiers, nothing of the informant or the summary.
		Assertions.assertThat(taskService().getVariables(answer.getId()))
			.containsEntry("content", "请说明春节期间收受礼品的情况")
			.containsEntry("title", "反映收受礼品问题")
			.containsEntry("kind", "INQUIRY")
			.doesNotContainKeys("leadSummary", "handler", "disposalReason")
			.allSatisfy((name, value) -> Assertions.assertThat(name).doesNotContainIgnoringCase("informant"));
		taskService().complete(answer.getId(), withVariables("answer", "均为亲属间正常往来"));

		assertThat(lead).hasPassed(LeadDisposalProcess.CALL_INQUIRY, "Task_RecordInquiryAnswer")
			.isWaitingAt(LeadDisposalProcess.TASK_ASSESS_ANSWER);
		verify(leads).inquiryAnswered(LEAD, "均为亲属间正常往来", "huangxin");
		assertThat(task()).isAssignedTo("dongwen");
		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("answerVerdict", "CLOSE")))
			.hasMessageContaining("写明理由");
		assertThat(lead).isWaitingAt(LeadDisposalProcess.TASK_ASSESS_ANSWER);

		complete(task(), withVariables("answerVerdict", "CLOSE", "answerNote", "说明属实"));
		assertThat(lead).isEnded().hasPassed("EndEvent_InquiryClosed");
		verify(leads).answerAssessed(eq(LEAD), argThat(a -> a.verdict() == AnswerVerdict.CLOSE), eq("dongwen"));
	}

	@Test
	void shouldRecordCriticismAndEducation() {
		ProcessInstance lead = startInquiry();
		taskService().complete(subjectTask().getId(), withVariables("answer", "确有收受，已退还"));
		complete(task(), withVariables("answerVerdict", "EDUCATE", "answerNote", "已进行批评教育，责令退还"));

		assertThat(lead).isEnded().hasPassed("EndEvent_InquiryEducated");
		verify(leads).answerAssessed(eq(LEAD),
				argThat(a -> a.verdict() == AnswerVerdict.EDUCATE && a.note().contains("批评教育")), eq("dongwen"));
	}

	@Test
	void shouldVerifyAfterTheInquiryAndProposeFiling() {
		ProcessInstance lead = startInquiry();
		taskService().complete(subjectTask().getId(), withVariables("answer", "不存在该问题"));
		complete(task(), withVariables("answerVerdict", "VERIFY"));

		assertThat(lead).isWaitingAt(LeadDisposalProcess.TASK_VERIFY);
		assertThat(task()).isAssignedTo("dongwen");
		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("recommendation", "FILE_CASE")))
			.hasMessageContaining("初步核实情况报告");
		complete(task(), withVariables("verificationReport", "经核实，收受礼品价值较大", "recommendation", "FILE_CASE"));

		assertThat(lead).isWaitingAt(LeadDisposalProcess.TASK_CONFIRM);
		assertThat(task()).isAssignedTo("zhaolei");
		complete(task(), withVariables("confirmation", "AGREE"));

		assertThat(lead).isEnded().hasPassed("Task_ProposeFiling", "EndEvent_FilingProposed");
		verify(leads).verificationReported(eq(LEAD), argThat(r -> r.recommendation() == Recommendation.FILE_CASE),
				eq("dongwen"));
		verify(leads).proposeFiling(LEAD, "zhaolei");
	}

	@Test
	void shouldSendTheReportBackWithAReason() {
		ProcessInstance lead = start("huangxin");
		complete(task(), withVariables("disposal", "PRELIMINARY_VERIFICATION", "handler", "xueqiang"));
		assertThat(lead).isWaitingAt(LeadDisposalProcess.TASK_VERIFY);
		assertThat(task()).isAssignedTo("xueqiang");
		complete(task(), withVariables("verificationReport", "未发现问题", "recommendation", "CLOSE"));

		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("confirmation", "RETURN")))
			.hasMessageContaining("退回重新核实须写明理由");
		complete(task(), withVariables("confirmation", "RETURN", "returnReason", "未调取银行流水"));

		assertThat(lead).isWaitingAt(LeadDisposalProcess.TASK_VERIFY);
		assertThat(task()).isAssignedTo("xueqiang");
		assertThat(lead).variables().containsEntry("returnReason", "未调取银行流水");
		complete(task(), withVariables("verificationReport", "已调取流水，情节轻微", "recommendation", "EDUCATE"));
		assertThat(lead).variables().containsEntry("returnReason", null).containsEntry("confirmation", null);
		complete(task(), withVariables("confirmation", "AGREE"));

		assertThat(lead).isEnded().hasPassed("EndEvent_VerificationEducated");
		verify(leads).verificationConfirmed(eq(LEAD), argThat(c -> !c.agreed()), eq(Recommendation.CLOSE), isNull(),
				eq("zhaolei"));
		verify(leads).verificationConfirmed(eq(LEAD), argThat(c -> c.agreed()), eq(Recommendation.EDUCATE), isNull(),
				eq("zhaolei"));
	}

	@Test
	void shouldCloseOnAnAgreedVerification() {
		ProcessInstance lead = start("huangxin");
		complete(task(), withVariables("disposal", "PRELIMINARY_VERIFICATION"));
		complete(task(), withVariables("verificationReport", "反映不实", "recommendation", "CLOSE"));
		complete(task(), withVariables("confirmation", "AGREE"));
		assertThat(lead).isEnded().hasPassed("EndEvent_VerificationClosed");
	}

	@Test
	void shouldSetAsideUntilTheRecheckDateAndDecideAgain() {
		ProcessInstance lead = start("huangxin");
		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("disposal", "SET_ASIDE")))
			.hasMessageContaining("暂存待查或予以了结须写明理由");
		complete(task(), withVariables("disposal", "SET_ASIDE", "disposalReason", "线索不具体，暂无法核实"));

		assertThat(lead).isWaitingAt("Gateway_SetAsideWait");
		Assertions.assertThat(job().getDuedate()).isEqualTo(recheck);
		verify(leads).decided(eq(LEAD), argThat(d -> d.disposal() == Disposal.SET_ASIDE), isNull(), eq(recheck),
				eq("zhaolei"));

		ClockUtil.setCurrentTime(recheck);
		execute(job());
		assertThat(lead).hasPassed("Task_RecheckDue").isWaitingAt(LeadDisposalProcess.TASK_DECIDE);
		verify(leads).recheckDue(LEAD);
		complete(task(), withVariables("disposal", "CLOSE", "disposalReason", "复查后仍无新线索"));
		assertThat(lead).isEnded();
	}

	@Test
	void shouldWakeUpOnNewInformation() {
		ProcessInstance lead = start("huangxin");
		complete(task(), withVariables("disposal", "PRELIMINARY_VERIFICATION"));
		complete(task(), withVariables("verificationReport", "暂无证据", "recommendation", "SET_ASIDE"));
		complete(task(), withVariables("confirmation", "AGREE"));
		assertThat(lead).isWaitingAt("Gateway_SetAsideWait");
		verify(leads).verificationConfirmed(eq(LEAD), argThat(c -> c.agreed()), eq(Recommendation.SET_ASIDE),
				eq(recheck), eq("zhaolei"));

		runtimeService().createMessageCorrelation(LeadDisposalProcess.MESSAGE_NEW_INFORMATION)
			.processInstanceBusinessKey(NUMBER)
			.correlate();

		assertThat(lead).hasPassed("MessageEvent_NewInformation").hasNotPassed("Task_RecheckDue")
			.isWaitingAt(LeadDisposalProcess.TASK_DECIDE);
		// A new round: the previous decision shown read-only, the decision fields empty.
		Assertions.assertThat(taskService().getVariableLocal(task().getId(), "previousDisposal")).isEqualTo("初步核实");
		Assertions.assertThat(runtimeService().getVariables(lead.getId())).containsEntry("disposal", null)
			.containsEntry("handler", null);
		Assertions.assertThat(managementService().createJobQuery().processInstanceId(lead.getId()).count()).isZero();
		verify(leads, never()).recheckDue(anyLong());
	}

	@Test
	void shouldOfferTheHandlersByNameAndRefuseOneNotOffered() {
		ProcessInstance lead = start("huangxin");
		Assertions.assertThat(taskService().getVariableTyped(task().getId(), "handlerChoices", false).getValue().toString())
			.contains("{\"label\":\"董文（纪检组·科员）\",\"value\":\"dongwen\"}");
		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("disposal", "PRELIMINARY_VERIFICATION",
				"handler", "lina"))).hasMessageContaining("所选承办人不在可选的纪检组成员之中");
		assertThat(lead).isWaitingAt(LeadDisposalProcess.TASK_DECIDE);

		complete(task(), withVariables("disposal", "PRELIMINARY_VERIFICATION", "handler", "xueqiang"));
		complete(task(), withVariables("verificationReport", "未发现问题", "recommendation", "CLOSE"));
		Assertions.assertThat(taskService().getVariableLocal(task().getId(), "handlerName")).isEqualTo("薛强（纪检组·科员）");
	}

	@Test
	void shouldRefuseAConflictedHandlerAndKeepTheTaskOpen() {
		ProcessInstance lead = start("huangxin");
		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("disposal", "PRELIMINARY_VERIFICATION",
				"handler", "zhengyang"))).hasMessageContaining("zhengyang 是 huangxin 的上级领导，应当回避");

		assertThat(lead).isWaitingAt(LeadDisposalProcess.TASK_DECIDE);
		assertThat(task()).isAssignedTo("zhaolei");
		verify(leads, never()).decided(anyLong(), any(), any(), any(), any());
	}

	@Test
	void shouldRefuseAnInquiryOfAUnit() {
		ProcessInstance lead = start(null);
		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("disposal", "TALK_INQUIRY",
				"inquiryQuestions", "请说明")))
			.hasMessageContaining("没有被反映人");
		assertThat(lead).isWaitingAt(LeadDisposalProcess.TASK_DECIDE);
	}

	private ProcessInstance startInquiry() {
		ProcessInstance lead = start("huangxin");
		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("disposal", "TALK_INQUIRY")))
			.hasMessageContaining("谈话函询须填写");
		complete(task(), withVariables("disposal", "TALK_INQUIRY", "inquiryQuestions", "请说明春节期间收受礼品的情况"));
		assertThat(lead).isWaitingAt(LeadDisposalProcess.CALL_INQUIRY);
		verify(leads).decided(eq(LEAD), argThat(d -> d.disposal() == Disposal.TALK_INQUIRY), eq("dongwen"), isNull(),
				eq("zhaolei"));
		verify(access).checkAssignable(LEAD, "dongwen", Duty.HANDLER);
		return lead;
	}

	private Task subjectTask() {
		Task answer = taskService().createTaskQuery().taskAssignee("huangxin").singleResult();
		Assertions.assertThat(answer).isNotNull();
		Assertions.assertThat(answer.getTaskDefinitionKey()).isEqualTo("Task_AnswerInquiry");
		return answer;
	}

	private ProcessInstance start(String subject) {
		this.subject = subject;
		Map<String, Object> variables = new HashMap<>();
		variables.put(DisciplineProcesses.VAR_LEAD_ID, LEAD);
		variables.put(DisciplineProcesses.VAR_SUBJECT, subject);
		variables.put(DisciplineProcesses.VAR_CASE_NUMBER, NUMBER);
		variables.put(LeadDisposalProcess.VAR_TITLE, "反映收受礼品问题");
		variables.put(LeadDisposalProcess.VAR_SUMMARY, "群众来信反映其春节期间收受礼品");
		ProcessInstance instance = runtimeService().startProcessInstanceByKey(LeadDisposalProcess.KEY, NUMBER, variables);
		assertThat(instance).isStarted();
		return instance;
	}

}
