package io.zeren.discipline;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * SanctionTermProcess with the real Sanctions service (over mocked repositories, directory and mail): imposing a
 * sanction with a period starts the term; at its end the sanction is lifted and the person and their unit head are
 * mailed; revoking it on appeal cancels the term by message.
 */
@Deployment(resources = "processes/discipline/sanction-term.bpmn")
class SanctionTermProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
		.configurationResource("zeren-process-test.cfg.xml")
		.assertClassCoverageAtLeast(0.9)
		.build();

	private final Instant decidedAt = Instant.parse("2051-05-10T02:00:00Z");

	private CaseFixtures fixtures;

	private Sanctions sanctions;

	private DisciplineCase theCase;

	private final AtomicReference<Sanction> saved = new AtomicReference<>();

	@BeforeEach
	void standIns() {
		ClockUtil.setCurrentTime(Date.from(decidedAt));
		fixtures = new CaseFixtures(true);
		theCase = fixtures.oneCase(CaseFixtures.newCase(decidedAt));
		when(fixtures.sanctionRepository.save(any(Sanction.class))).thenAnswer(call -> {
			Sanction sanction = call.getArgument(0);
			org.springframework.test.util.ReflectionTestUtils.setField(sanction, "id", 41L);
			saved.set(sanction);
			return sanction;
		});
		when(fixtures.sanctionRepository.findById(anyLong())).thenAnswer(call -> Optional.ofNullable(saved.get()));
		when(fixtures.sanctionRepository.findByCaseIdOrderById(any())).thenAnswer(
				call -> saved.get() == null ? List.of() : List.of(saved.get()));
		when(fixtures.sanctionRepository.findByUsernameOrderByStartsAtDesc("huangxin")).thenAnswer(
				call -> saved.get() == null ? List.of() : List.of(saved.get()));
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		Mocks.reset();
	}

	private void register() {
		sanctions = fixtures.sanctions(runtimeService());
		Mocks.register("liftSanctionDelegate", new CaseDelegates(fixtures.instances).liftSanctionDelegate(sanctions));
	}

	@Test
	void shouldLiftTheSanctionAtTheEndOfItsPeriodAndTellThePersonAndTheirHead() {
		register();
		sanctions.impose(theCase, CaseOutcome.DEMERIT, decidedAt, "wangjianguo");
		ProcessInstance term = runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(DisciplineProcesses.SANCTION_TERM)
			.singleResult();
		Instant endsAt = decidedAt.atZone(CaseFixtures.ZONE).plusMonths(12).toInstant();
		assertThat(term).isWaitingAt("Gateway_Term")
			.hasBusinessKey(theCase.getCaseNumber())
			.variables()
			.containsEntry("sanctionId", 41L)
			.containsEntry("subject", "huangxin")
			.containsEntry("endsAt", Date.from(endsAt));
		assertThat(job(term)).hasDueDate(Date.from(endsAt));
		Assertions.assertThat(sanctions.strictest("huangxin", decidedAt.plusSeconds(60))).contains(CaseOutcome.DEMERIT);

		ClockUtil.setCurrentTime(Date.from(endsAt.plusSeconds(1)));
		execute(job(term));

		assertThat(term).isEnded().hasPassed("Task_LiftSanction", "EndEvent_SanctionLifted");
		Assertions.assertThat(saved.get().getStatus()).isEqualTo(SanctionStatus.LIFTED);
		Assertions.assertThat(sanctions.strictest("huangxin", endsAt.plusSeconds(60))).isEmpty();
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> mail = ArgumentCaptor.forClass(Map.class);
		verify(fixtures.notifications).enqueue(eq("notice"), eq(List.of("huangxin", "zhengyang")), mail.capture(),
				eq("discipline-sanction-lifted:41"));
		Assertions.assertThat(mail.getValue()).containsEntry("title", "黄鑫的处分期满解除");
		Assertions.assertThat((String) mail.getValue().get("text")).contains("记过").contains("2051-05-10");
		verify(fixtures.audit).changed("system", "SANCTION_LIFTED", 7L, theCase.getCaseNumber(), "DEMERIT");
	}

	@Test
	void shouldCancelTheTermWhenTheSanctionIsRevokedOnAppeal() {
		register();
		sanctions.impose(theCase, CaseOutcome.WARNING, decidedAt, "wangjianguo");
		ProcessInstance term = runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(DisciplineProcesses.SANCTION_TERM)
			.singleResult();
		assertThat(term).isWaitingAt("Gateway_Term");

		sanctions.revoke(theCase, "事实不清", "wangjianguo");

		assertThat(term).isEnded().hasPassed("Event_TermCancelled", "EndEvent_TermCancelled").hasNotPassed("Task_LiftSanction");
		Assertions.assertThat(saved.get().getStatus()).isEqualTo(SanctionStatus.REVOKED);
		Assertions.assertThat(sanctions.strictest("huangxin", decidedAt.plusSeconds(60))).isEmpty();
		verify(fixtures.notifications, never()).enqueue(any(), any(), any(), any());
	}

	@Test
	void shouldStartNoTermForASanctionWithoutPeriod() {
		register();
		Optional<Sanction> dismissal = sanctions.impose(theCase, CaseOutcome.DISMISSAL, decidedAt, "wangjianguo");
		Assertions.assertThat(dismissal).isPresent();
		Assertions.assertThat(dismissal.get().getEndsAt()).isNull();
		Assertions.assertThat(runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(DisciplineProcesses.SANCTION_TERM)
			.count()).isZero();
		Assertions.assertThat(sanctions.strictest("huangxin", decidedAt.plusSeconds(3600L * 24 * 3650)))
			.contains(CaseOutcome.DISMISSAL);
		Assertions.assertThat(sanctions.impose(theCase, CaseOutcome.CRITICISM, decidedAt, "wangjianguo")).isEmpty();
	}

}
