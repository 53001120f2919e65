package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.zeren.discipline.LeadRules.AnswerVerdict;
import io.zeren.discipline.LeadRules.LeadRequest;
import io.zeren.discipline.LeadRules.NewLead;
import io.zeren.discipline.LeadRules.Recommendation;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

class LeadRulesTests {

	static final LocalDate TODAY = LocalDate.of(2050, 3, 10);

	static final Set<String> STAFF = Set.of("huangxin", "lina");

	static final Set<String> UNITS = Set.of("OPS-1", "POL-ORG");

	@Test
	void shouldTakeALetterReportAndDeriveTheSubjectsUnit() {
		NewLead lead = register(new LeadRequest(null, " XF-2050-12 ", "huangxin", null, " 反映收受礼品 ", "春节期间收受礼品",
				"2050-03-09", "匿名", "", "lina"));

		assertThat(lead.source()).isEqualTo(LeadSource.LETTER_REPORT);
		assertThat(lead.sourceRef()).isEqualTo("XF-2050-12");
		assertThat(lead.unitCode()).isEqualTo("OPS-1");
		assertThat(lead.title()).isEqualTo("反映收受礼品");
		assertThat(lead.informantContact()).isNull();
		assertThat(lead.receivedOn()).isEqualTo(LocalDate.of(2050, 3, 9));
	}

	@Test
	void shouldTakeALeadAgainstAUnitOnly() {
		NewLead lead = register(new LeadRequest("AUDIT", null, null, "POL-ORG", "审计发现", "经费使用不规范", "2050-03-10",
				null, null, null));
		assertThat(lead.subject()).isNull();
		assertThat(lead.unitCode()).isEqualTo("POL-ORG");
		assertThat(lead.source()).isEqualTo(LeadSource.AUDIT);
	}

	@Test
	void shouldListEveryProblemOfARegistration() {
		assertThatThrownBy(() -> register(new LeadRequest("RECTIFICATION_FAILED", null, "nobody", "NOPE", " ", null,
				"2050-13-01", null, null, "ghost")))
			.isInstanceOfSatisfying(InvalidLeadException.class, ex -> assertThat(ex.violations()).containsExactly(
					new Msg("discipline.lead.source-automatic", "RECTIFICATION_FAILED"),
					new Msg("discipline.lead.subject-unknown", "nobody"), new Msg("discipline.lead.unit-unknown", "NOPE"),
					new Msg("discipline.lead.title-required"), new Msg("discipline.lead.summary-required"),
					new Msg("discipline.lead.received-format", "2050-13-01"),
					new Msg("discipline.lead.informant-unknown", "ghost")));
	}

	@Test
	void shouldRefuseAMissingTargetAFutureDateAndTheSubjectAsInformant() {
		assertThatThrownBy(() -> register(new LeadRequest("BOGUS", null, null, null, "t", "s", "2050-03-11", null, null,
				null)))
			.isInstanceOfSatisfying(InvalidLeadException.class, ex -> assertThat(ex.violations()).extracting(Msg::code)
				.containsExactly("discipline.lead.source-invalid", "discipline.lead.target-required",
						"discipline.lead.received-future"));
		assertThatThrownBy(() -> register(new LeadRequest(null, null, "huangxin", null, "t", "s", "2050-03-01", null, null,
				"huangxin")))
			.isInstanceOfSatisfying(InvalidLeadException.class, ex -> assertThat(ex.violations()).extracting(Msg::code)
				.containsExactly("discipline.lead.informant-is-subject"));
		// Reporting on oneself is a self-report.
		assertThat(register(new LeadRequest("SELF_REPORT", null, "huangxin", null, "t", "s", "2050-03-01", null, null,
				"huangxin")).informantUsername()).isEqualTo("huangxin");
	}

	@Test
	void shouldRequireWhatEachDisposalNeeds() {
		assertThat(codes(() -> LeadRules.disposal(null, null, null, null, true)))
			.containsExactly("discipline.disposal.required");
		assertThat(codes(() -> LeadRules.disposal("TALK_INQUIRY", null, " ", null, false)))
			.containsExactly("discipline.disposal.unit-lead-inquiry", "discipline.disposal.questions-required");
		assertThat(codes(() -> LeadRules.disposal("SET_ASIDE", "", null, null, true)))
			.containsExactly("discipline.disposal.reason-required");
		assertThat(codes(() -> LeadRules.disposal("CLOSE", "x".repeat(1001), null, null, true)))
			.containsExactly("discipline.too-long.reason");

		LeadRules.DisposalDecision inquiry = LeadRules.disposal("talk_inquiry", null, " 请说明 ", " ", true);
		assertThat(inquiry.disposal()).isEqualTo(Disposal.TALK_INQUIRY);
		assertThat(inquiry.questions()).isEqualTo("请说明");
		assertThat(inquiry.handler()).isNull();
		assertThat(inquiry.needsHandler()).isTrue();
		// Questions typed before switching to another disposal are not kept.
		LeadRules.DisposalDecision verification = LeadRules.disposal("PRELIMINARY_VERIFICATION", null, "旧问题", "dongwen",
				false);
		assertThat(verification.questions()).isNull();
		assertThat(verification.handler()).isEqualTo("dongwen");
		assertThat(LeadRules.disposal("CLOSE", "不实", null, null, true).needsHandler()).isFalse();
	}

	@Test
	void shouldRequireANoteToCloseOrEducate() {
		assertThat(codes(() -> LeadRules.answerAssessment("EDUCATE", " "))).containsExactly("discipline.assessment.note-required");
		assertThat(codes(() -> LeadRules.answerAssessment("maybe", null))).containsExactly("discipline.assessment.required");
		assertThat(LeadRules.answerAssessment("VERIFY", null).verdict()).isEqualTo(AnswerVerdict.VERIFY);
	}

	@Test
	void shouldRequireAReportAndNotFileAUnitLead() {
		assertThat(codes(() -> LeadRules.verification(null, null, true))).containsExactly(
				"discipline.verification.report-required", "discipline.verification.recommendation-required");
		assertThat(codes(() -> LeadRules.verification("报告", "FILE_CASE", false)))
			.containsExactly("discipline.verification.unit-lead-filing");
		assertThat(LeadRules.verification("报告", "FILE_CASE", true).recommendation()).isEqualTo(Recommendation.FILE_CASE);
	}

	@Test
	void shouldRequireAReasonToReturnAReport() {
		assertThat(codes(() -> LeadRules.confirmation(null, null))).containsExactly("discipline.confirmation.required");
		assertThat(codes(() -> LeadRules.confirmation("RETURN", " "))).containsExactly("discipline.confirmation.reason-required");
		assertThat(LeadRules.confirmation("AGREE", "ignored").returnReason()).isNull();
		assertThat(LeadRules.confirmation("RETURN", "补充证据").agreed()).isFalse();
	}

	@Test
	void shouldMaskTheInformantForEveryoneButTheOffice() {
		assertThat(LeadRules.informant("张三", true)).isEqualTo("张三");
		assertThat(LeadRules.informant("张三", false)).isEqualTo("（保密）");
		assertThat(LeadRules.informant(null, false)).isNull();
		assertThat(codes(() -> LeadRules.information(" "))).containsExactly("discipline.lead.information-required");
	}

	private static NewLead register(LeadRequest request) {
		return LeadRules.registration(request, TODAY, STAFF::contains, UNITS::contains,
				username -> "huangxin".equals(username) ? "OPS-1" : "POL-ORG");
	}

	private static java.util.List<String> codes(Runnable call) {
		try {
			call.run();
		}
		catch (RuleViolationException ex) {
			return ex.violations().stream().map(Msg::code).toList();
		}
		throw new AssertionError("no rule violated");
	}

}
