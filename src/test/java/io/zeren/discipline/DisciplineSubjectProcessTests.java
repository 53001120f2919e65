package io.zeren.discipline;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.ResourceBundleMessageSource;

@Deployment(resources = { "processes/discipline/subject-task.bpmn", "forms/discipline/answer-inquiry.form",
		"forms/discipline/make-statement.form", "forms/discipline/acknowledge-decision.form" })
class DisciplineSubjectProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	@BeforeEach
	void listeners() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Mocks.register("disciplineSubjectTasks", new SubjectTasks(messages));
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void shouldAskTheSubjectForAWrittenAnswer() {
		ProcessInstance instance = start("INQUIRY", null);

		assertThat(instance).isWaitingAt("Task_AnswerInquiry");
		assertThat(task()).isAssignedTo("huangxin").hasName("书面说明（XS-2026-0001）");
		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("answer", "  ")))
			.hasMessageContaining("请填写书面说明");
		assertThat(instance).isWaitingAt("Task_AnswerInquiry");

		complete(task(), withVariables("answer", "情况说明如下……"));
		assertThat(instance).isEnded().hasPassed("EndEvent_SubjectTaskDone").variables().containsEntry("answer",
				"情况说明如下……");
	}

	@Test
	void shouldTakeAStatementOrItsWaiver() {
		ProcessInstance instance = start("STATEMENT", null);
		assertThat(instance).isWaitingAt("Task_MakeStatement");
		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("statement", "")))
			.hasMessageContaining("放弃陈述申辩");

		complete(task(), withVariables("statementWaived", true));
		assertThat(instance).isEnded().variables().containsEntry("statementWaived", true);
	}

	@Test
	void shouldRecordTheStatement() {
		ProcessInstance instance = start("STATEMENT", null);
		complete(task(instance), withVariables("statement", "对第二项事实有异议"));
		assertThat(instance).isEnded().variables().containsEntry("statementWaived", false);
	}

	@Test
	void shouldLetTheSubjectAcknowledgeAndAppealWithReasons() {
		Date windowEnd = new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);
		ProcessInstance instance = start("DECISION", windowEnd);
		assertThat(instance).isWaitingAt("Task_AcknowledgeDecision");
		assertThat(task()).hasDueDate(windowEnd);

		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("appeal", "yes")))
			.hasMessageContaining("请确认已收到").hasMessageContaining("申诉理由");
		Assertions.assertThatThrownBy(() -> complete(task(), withVariables("acknowledged", true)))
			.hasMessageContaining("请选择是否申诉");

		complete(task(), withVariables("acknowledged", true, "appeal", "yes", "appealReason", "情节认定过重"));
		assertThat(instance).isEnded().variables().containsEntry("appeal", "yes");
	}

	@Test
	void shouldAcceptAnAcknowledgementWithoutAppeal() {
		ProcessInstance instance = start("DECISION", new Date());
		complete(task(instance), withVariables("acknowledged", true, "appeal", "no"));
		assertThat(instance).isEnded().hasPassed("Task_AcknowledgeDecision");
	}

	private ProcessInstance start(String kind, Date dueAt) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("kind", kind);
		variables.put("subject", "huangxin");
		variables.put("caseNumber", "XS-2026-0001");
		variables.put("title", "反映违规收受礼品问题");
		variables.put("content", "请说明 2026 年春节期间收受礼品情况");
		variables.put("dueAt", dueAt);
		return runtimeService().startProcessInstanceByKey(DisciplineProcesses.SUBJECT_TASK, variables);
	}

}
