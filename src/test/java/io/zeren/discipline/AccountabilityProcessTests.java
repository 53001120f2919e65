package io.zeren.discipline;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.VariableScope;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.util.ReflectionTestUtils;

import io.zeren.calendar.WorkingCalendar;
import io.zeren.notification.Notifications;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.organisation.UnitKind;
import io.zeren.organisation.UnitRole;
import io.zeren.support.Rows;

/**
 * AccountabilityProcess with the real {@link AccountabilityFlow} and {@link Accountabilities} (their rules,
 * validations and referrals) over an in-memory matter; persistence, organisation, mail and audit are stand-ins.
 * OPS-1's head zhengyang and his supervisor xuguoqiang answer; the office (dongwen, zhaolei) investigates and the
 * leadership (wangjianguo) decides. The called DisciplineSubjectProcess has its own test and coverage.
 */
@Deployment(resources = { "processes/discipline/accountability.bpmn", "processes/discipline/subject-task.bpmn",
		"forms/discipline/investigate-accountability.form", "forms/discipline/decide-accountability.form",
		"forms/discipline/review-accountability-appeal.form", "forms/discipline/acknowledge-decision.form",
		"forms/discipline/answer-inquiry.form", "forms/discipline/make-statement.form" })
class AccountabilityProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.excludeProcessDefinitionKeys(DisciplineProcesses.SUBJECT_TASK)
		.assertClassCoverageAtLeast(0.9)
		.build();

	static final Instant START = Instant.parse("2055-03-02T01:00:00Z");

	static final Duration WINDOW = Duration.ofDays(30);

	AccountabilityMatter matter;

	AccountabilityMatterRepository matters = mock(AccountabilityMatterRepository.class);

	Notifications notifications = mock(Notifications.class);

	DisciplineAudit audit = mock(DisciplineAudit.class);

	List<Object> published = new ArrayList<>();

	@BeforeEach
	void standIns() {
		ClockUtil.setCurrentTime(Date.from(START));
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);

		matter = new AccountabilityMatter("问责〔2055〕001号", "OPS-1", AccountabilityGround.RECTIFICATIONS,
				"2055 年度整改逾期或未通过累计 3 项", 2055,
				List.of(new ResponsibleLeaders.Leader("zhengyang", "大队长", "OPS-1", 0),
						new ResponsibleLeaders.Leader("xuguoqiang", "支队长", "OPS", 1)),
				"system", START);
		ReflectionTestUtils.setField(matter, "id", 7L);
		when(matters.findById(7L)).thenReturn(Optional.of(matter));

		OrganisationDirectory directory = mock(OrganisationDirectory.class);
		when(directory.unit("OPS-1")).thenReturn(unit("OPS-1", "一大队", "OPS", "zhengyang"));
		when(directory.unit("OPS")).thenReturn(unit("OPS", "治安管理支队", "AG", "xuguoqiang"));
		when(directory.roleOwner("POLITICAL")).thenReturn(unit("POL", "政治部", "AG", "liuzhiqiang"));
		for (StaffInfo staff : List.of(staff("zhengyang", "郑阳", "OPS-1"), staff("xuguoqiang", "徐国强", "OPS"),
				staff("liuzhiqiang", "刘志强", "POL"))) {
			when(directory.findStaffInfo(staff.username())).thenReturn(Optional.of(staff));
			when(directory.head(staff.unitCode())).thenReturn(Optional.of(staff));
		}
		WorkingCalendar calendar = mock(WorkingCalendar.class);
		when(calendar.plus(any(), eq("P1M"))).thenAnswer(call -> ((Instant) call.getArgument(0)).plus(WINDOW));
		ApplicationEventPublisher events = published::add;

		Accountabilities accountabilities = new Accountabilities(matters, mock(AccountabilityGroundRepository.class),
				directory, mock(CaseNumbers.class), audit, null, null, calendar, notifications, events,
				io.zeren.shared.LivePolicy.fixed(new AccountabilityProperties(3, 3, 1, "P1M", "POLITICAL", "Asia/Shanghai")), messages,
				mock(DisciplineInstances.class));
		// The matter of every instance, as the system's record would give it.
		DisciplineInstances instances = mock(DisciplineInstances.class);
		when(instances.of(any())).thenReturn(java.util.Optional.of(new DisciplineInstance("pi", "pi",
				DisciplineProcesses.ACCOUNTABILITY, DisciplineInstance.Link.matter(7L, "zhengyang"), null,
				java.time.Instant.now())));
		Mocks.register("accountabilityFlow", new AccountabilityFlow(accountabilities, instances));
		Mocks.register("disciplineSubjectTasks", new SubjectTasks(messages));
		DisciplineAccess access = mock(DisciplineAccess.class);
		when(access.handlers(any(VariableScope.class))).thenReturn(List.of("dongwen", "zhaolei"));
		when(access.leaders(any(VariableScope.class))).thenReturn(List.of("wangjianguo", "liweidong"));
		Mocks.register("disciplineAccess", access);
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		Mocks.reset();
	}

	@Test
	void shouldCloseWithoutAccountabilityWhenTheInvestigationFindsNone() {
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt("Task_InvestigateAccountability");
		assertThat(task()).hasName("问责调查（问责〔2055〕001号）").hasCandidateUser("dongwen").hasCandidateUser("zhaolei");

		Assertions.assertThatThrownBy(() -> complete(claimed(instance, "dongwen"), withVariables("conclusion", "none",
				"investigationReport", "经查，逾期系上级调整部署所致")))
			.hasMessageContaining("不予问责的，请说明理由");
		assertThat(instance).isWaitingAt("Task_InvestigateAccountability");

		complete(task(instance), withVariables("conclusion", "none", "investigationReport", "经查，逾期系上级调整部署所致",
				"noAccountabilityReason", "不属于履责不力"));
		assertThat(instance).isEnded().hasPassed("EndEvent_NotAccountable").hasNotPassed("Task_DecideAccountability");
		Assertions.assertThat(matter.getStatus()).isEqualTo(AccountabilityMatter.Status.NOT_ACCOUNTABLE);
		Assertions.assertThat(matter.getNoAccountabilityReason()).isEqualTo("不属于履责不力");
		verify(audit).changed(eq("dongwen"), eq("ACCOUNTABILITY_NOT_ACCOUNTABLE"), eq(null), eq("问责〔2055〕001号"),
				anyString());
	}

	@Test
	void shouldDeliverTheDecisionAndCloseWithoutAppeal() {
		ProcessInstance instance = start();
		investigate(instance, "zhengyang：诫勉：三项整改逾期\nxuguoqiang：不予问责：已督促");

		assertThat(instance).isWaitingAt("Task_DecideAccountability");
		assertThat(task()).hasCandidateUser("wangjianguo").hasCandidateUser("liweidong");
		assertThat(instance).variables().containsEntry("organisationMeasure", "CIRCULATED_CRITICISM");
		// The leadership starts from the office's proposal, as rows.
		Assertions.assertThat(rowsOf(instance, "leaderMeasures")).containsExactly(
				new MeasureRows.Row("zhengyang", "ADMONITION", "三项整改逾期"), new MeasureRows.Row("xuguoqiang", "NONE", "已督促"));
		// A measure without a reason and a leader left out are refused; the task stays.
		Assertions.assertThatThrownBy(() -> complete(claimed(instance, "wangjianguo"), withVariables("organisationMeasure",
				"CIRCULATED_CRITICISM", "organisationReason", "", "leaderMeasures",
				Rows.of("leader,measure,reason", "zhengyang", "ADMONITION", " "))))
			.hasMessageContaining("请填写对单位问责方式的理由")
			.hasMessageContaining("第 1 行：请填写对 郑阳 的问责理由")
			.hasMessageContaining("未填写责任领导 徐国强 的问责方式");
		// A row naming someone else than the offered leaders, and a list that is no list of rows.
		Assertions.assertThatThrownBy(() -> complete(task(instance), withVariables("organisationMeasure",
				"CIRCULATED_CRITICISM", "organisationReason", "主体责任落实不力", "leaderMeasures",
				Rows.of("leader,measure,reason", "zhengyang", "ADMONITION", "逾期", "huangxin", "NONE", "无关"))))
			.hasMessageContaining("第 2 行：所列人员不是本事项的责任领导")
			.hasMessageContaining("未填写责任领导 徐国强 的问责方式");
		Assertions.assertThatThrownBy(() -> complete(task(instance), withVariables("organisationMeasure",
				"CIRCULATED_CRITICISM", "organisationReason", "主体责任落实不力", "leaderMeasures",
				org.camunda.spin.plugin.variable.SpinValues.jsonValue("{\"leader\":").create())))
			.hasMessageContaining("form.rows.malformed");
		assertThat(instance).isWaitingAt("Task_DecideAccountability");
		decide("CIRCULATED_CRITICISM", "zhengyang：诫勉：三项整改逾期\nxuguoqiang：不予问责：已督促");

		// Only zhengyang has a measure: only he receives the decision, due at the end of the window.
		Task decision = decisionTask("zhengyang");
		assertThat(decision).hasName("签收处理决定（问责〔2055〕001号）").hasDueDate(Date.from(START.plus(WINDOW)));
		Assertions.assertThat(taskService().createTaskQuery().taskAssignee("xuguoqiang").count()).isZero();
		Map<String, Object> inputs = runtimeService().getVariables(decision.getExecutionId());
		Assertions.assertThat(inputs).containsOnlyKeys("subject", "kind", "caseNumber", "title", "content", "dueAt");
		Assertions.assertThat((String) inputs.get("content")).contains("诫勉", "三项整改逾期", "通报", "2055-04-01")
			.doesNotContain("调查报告");

		complete(decision, withVariables("acknowledged", true, "appeal", "no"));
		assertThat(instance).isEnded().hasPassed("Task_RecordAccountability", "EndEvent_AccountabilityClosed")
			.hasNotPassed("Task_ReviewAccountabilityAppeal", "Task_RecordWindowLapsed");
		Assertions.assertThat(matter.getStatus()).isEqualTo(AccountabilityMatter.Status.CLOSED);
		Assertions.assertThat(matter.leader("zhengyang").orElseThrow().getAcknowledgedAt()).isNotNull();
		Assertions.assertThat(published).isEmpty();
		verify(notifications).enqueue(eq("notice"), eq(new java.util.LinkedHashSet<>(List.of("zhengyang", "xuguoqiang",
				"liuzhiqiang"))), any(), eq("accountability:问责〔2055〕001号"));
	}

	@Test
	void shouldTreatTheLapsedObjectionWindowAsNoAppeal() {
		ProcessInstance instance = start();
		investigate(instance, "zhengyang：诫勉：三项整改逾期\nxuguoqiang：通报：督促不力");
		decide("INSPECTION", "zhengyang：诫勉：三项整改逾期\nxuguoqiang：通报：督促不力");
		complete(decisionTask("zhengyang"), withVariables("acknowledged", true, "appeal", "no"));
		assertThat(decisionTask("xuguoqiang")).isNotNull();

		ClockUtil.setCurrentTime(Date.from(START.plus(WINDOW).plusSeconds(60)));
		execute(job());

		assertThat(instance).isEnded().hasPassed("Task_RecordWindowLapsed", "EndEvent_AccountabilityClosed");
		Assertions.assertThat(taskService().createTaskQuery().taskAssignee("xuguoqiang").count()).isZero();
		Assertions.assertThat(matter.leader("xuguoqiang").orElseThrow().isLapsed()).isTrue();
		Assertions.assertThat(matter.leader("zhengyang").orElseThrow().isLapsed()).isFalse();
		Assertions.assertThat(matter.getStatus()).isEqualTo(AccountabilityMatter.Status.CLOSED);
	}

	@Test
	void shouldUpholdOneAppealAndRevokeAnother() {
		ProcessInstance instance = start();
		investigate(instance, "zhengyang：诫勉：三项整改逾期\nxuguoqiang：通报：督促不力");
		decide("CIRCULATED_CRITICISM", "zhengyang：诫勉：三项整改逾期\nxuguoqiang：通报：督促不力");
		complete(decisionTask("zhengyang"), withVariables("acknowledged", true, "appeal", "yes", "appealReason", "逾期系客观原因"));
		complete(decisionTask("xuguoqiang"), withVariables("acknowledged", true, "appeal", "yes", "appealReason", "已多次督促"));

		assertThat(instance).isWaitingAt("Task_ReviewAccountabilityAppeal");
		List<Task> reviews = taskService().createTaskQuery().taskDefinitionKey("Task_ReviewAccountabilityAppeal").list();
		Assertions.assertThat(reviews).hasSize(2);
		Task forZhengyang = review(reviews, "zhengyang");
		Assertions.assertThat((String) taskService().getVariable(forZhengyang.getId(), "appealText"))
			.contains("郑阳", "诫勉", "逾期系客观原因");
		Assertions.assertThatThrownBy(() -> complete(forZhengyang, withVariables("appealOutcome", "UPHOLD")))
			.hasMessageContaining("请填写复查理由");
		// A leader answerable in the same matter does not review a fellow leader's appeal.
		taskService().setAssignee(forZhengyang.getId(), "xuguoqiang");
		Assertions.assertThatThrownBy(() -> complete(forZhengyang, withVariables("appealOutcome", "UPHOLD",
				"appealNote", "理由不成立"))).hasMessageContaining("xuguoqiang 是本事项的责任领导，应当回避");
		taskService().setAssignee(forZhengyang.getId(), "wangjianguo");
		complete(forZhengyang, withVariables("appealOutcome", "UPHOLD", "appealNote", "理由不成立"));
		complete(review(taskService().createTaskQuery().taskDefinitionKey("Task_ReviewAccountabilityAppeal").list(),
				"xuguoqiang"), withVariables("appealOutcome", "REVOKE", "appealNote", "督促记录属实"));

		assertThat(instance).isEnded().hasPassed("Task_ReviewAccountabilityAppeal", "EndEvent_AccountabilityClosed");
		Assertions.assertThat(matter.leader("zhengyang").orElseThrow().getMeasure()).isEqualTo(LeaderMeasure.ADMONITION);
		Assertions.assertThat(matter.leader("xuguoqiang").orElseThrow().getMeasure()).isEqualTo(LeaderMeasure.NONE);
		Assertions.assertThat(matter.leader("xuguoqiang").orElseThrow().getDecidedMeasure())
			.isEqualTo(LeaderMeasure.CIRCULATED_CRITICISM);
		Assertions.assertThat(published).isEmpty();
	}

	@Test
	void shouldChangeAMeasureOnAppealAndReferADisciplineMeasureAsALead() {
		ProcessInstance instance = start();
		investigate(instance, "zhengyang：纪律处分：屡次整改不到位\nxuguoqiang：诫勉：督促不力");
		decide("REORGANISATION", "zhengyang：纪律处分：屡次整改不到位\nxuguoqiang：诫勉：督促不力");
		complete(decisionTask("zhengyang"), withVariables("acknowledged", true, "appeal", "no"));
		complete(decisionTask("xuguoqiang"), withVariables("acknowledged", true, "appeal", "yes", "appealReason", "过重"));

		Task review = task(instance);
		Assertions.assertThatThrownBy(() -> complete(review, withVariables("appealOutcome", "CHANGE", "appealNote", "酌减")))
			.hasMessageContaining("变更的，请选择与原决定不同的问责方式");
		complete(review, withVariables("appealOutcome", "CHANGE", "changedMeasure", "CIRCULATED_CRITICISM",
				"appealNote", "情节较轻，改为通报"));

		assertThat(instance).isEnded();
		Assertions.assertThat(matter.leader("xuguoqiang").orElseThrow().getMeasure())
			.isEqualTo(LeaderMeasure.CIRCULATED_CRITICISM);
		Assertions.assertThat(published).singleElement().isInstanceOfSatisfying(LeadReferred.class, lead -> {
			Assertions.assertThat(lead.source()).isEqualTo("REFERRAL");
			Assertions.assertThat(lead.sourceRef()).isEqualTo("accountability:7:zhengyang");
			Assertions.assertThat(lead.subject()).isEqualTo("zhengyang");
			Assertions.assertThat(lead.unitCode()).isEqualTo("OPS-1");
			Assertions.assertThat(lead.summary()).contains("问责〔2055〕001号", "屡次整改不到位");
		});
	}

	@Test
	void shouldRecordAtOnceWhenNoLeaderIsMeasured() {
		ProcessInstance instance = start();
		investigate(instance, "zhengyang：不予问责：已整改\nxuguoqiang：不予问责：已督促");
		decide("INSPECTION", "zhengyang：不予问责：已整改\nxuguoqiang：不予问责：已督促");

		assertThat(instance).isEnded().hasPassed("Task_RecordAccountability")
			.hasNotPassed("CallActivity_DeliverDecision");
		Assertions.assertThat(matter.getOrganisationMeasure()).isEqualTo(OrganisationMeasure.INSPECTION);
		verify(audit, never()).changed(any(), eq("ACCOUNTABILITY_APPEALED"), any(), any(), any());
	}

	// -------------------------------------------------------------------------------------------------------

	private ProcessInstance start() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("subject", "zhengyang");
		variables.put("caseNumber", "问责〔2055〕001号");
		variables.put("accountabilityId", 7L);
		variables.put("unitName", "一大队");
		variables.put("groundText", matter.getGroundDetail());
		variables.put("leadersText", "郑阳（大队长）\n徐国强（支队长）");
		variables.put("proposedMeasures", Rows.of("leader,measure,reason", "zhengyang", null, null, "xuguoqiang", null, null));
		return runtimeService().startProcessInstanceByKey(DisciplineProcesses.ACCOUNTABILITY, "问责〔2055〕001号", variables);
	}

	private void investigate(ProcessInstance instance, String lines) {
		Task investigation = claimed(instance, "dongwen");
		Assertions.assertThatThrownBy(() -> complete(investigation, withVariables("conclusion", "accountable",
				"investigationReport", "调查报告：……", "proposedMeasures",
				Rows.of("leader,measure,reason", "zhengyang", "WARNING", "x"))))
			.hasMessageContaining("请选择对单位（党组织）的问责方式")
			.hasMessageContaining("第 1 行：请选择对 郑阳 的问责方式");
		complete(investigation, withVariables("conclusion", "accountable", "investigationReport", "调查报告：……",
				"proposedOrganisationMeasure", "CIRCULATED_CRITICISM", "proposedMeasures", measures(lines)));
	}

	private void decide(String organisationMeasure, String lines) {
		Task decision = taskService().createTaskQuery().taskDefinitionKey("Task_DecideAccountability").singleResult();
		taskService().claim(decision.getId(), "wangjianguo");
		complete(decision, withVariables("organisationMeasure", organisationMeasure, "organisationReason", "主体责任落实不力",
				"leaderMeasures", measures(lines)));
		Assertions.assertThat(matter.getDecidedBy()).isEqualTo("wangjianguo");
	}

	/** Rows from lines {@code 用户名：问责方式：理由}, the measure by its Chinese label, as the form's selects submit. */
	static org.camunda.bpm.engine.variable.value.TypedValue measures(String lines) {
		List<Object> cells = new ArrayList<>();
		for (String line : lines.split("\n")) {
			String[] parts = line.split("：", 3);
			cells.add(parts[0]);
			cells.add(LeaderMeasure.parse(parts[1]).orElseThrow().name());
			cells.add(parts[2]);
		}
		return Rows.of("leader,measure,reason", cells.toArray());
	}

	private static List<MeasureRows.Row> rowsOf(ProcessInstance instance, String name) {
		var value = (org.camunda.bpm.engine.variable.value.SerializableValue) runtimeService()
			.getVariableTyped(instance.getId(), name, false);
		return io.zeren.shared.FormRows.parse(name, value.getValueSerialized(), MeasureRows.Row.class);
	}

	private Task claimed(ProcessInstance instance, String user) {
		Task task = task(instance);
		taskService().claim(task.getId(), user);
		return task;
	}

	private static Task decisionTask(String leader) {
		return taskService().createTaskQuery().taskDefinitionKey("Task_AcknowledgeDecision").taskAssignee(leader)
			.singleResult();
	}

	private static Task review(List<Task> reviews, String appellant) {
		return reviews.stream()
			.filter(task -> appellant.equals(taskService().getVariable(task.getId(), "appellant")))
			.findFirst()
			.orElseThrow();
	}

	private static UnitInfo unit(String code, String name, String parent, String head) {
		return new UnitInfo(code, name, name, UnitKind.SECTION, parent, 1, true, head);
	}

	private static StaffInfo staff(String username, String name, String unit) {
		return new StaffInfo(username, name, unit, unit, "负责人", StaffCategory.LEADING_CADRE, UnitRole.HEAD, true,
				username + "@zeren.example", true);
	}

}
