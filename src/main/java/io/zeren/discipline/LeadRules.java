package io.zeren.discipline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * The rules of registering and disposing of a lead, as plain functions of what was entered: every problem is
 * reported at once, and a form that breaks a rule is refused as a whole.
 */
final class LeadRules {

	static final int MAX_TITLE = 200;

	/** Summaries, reasons and notes: one varchar(4000) column holds 1000 characters in any encoding. */
	static final int MAX_SHORT_TEXT = 1000;

	/** Questions, answers and reports (stored in parts). */
	static final int MAX_LONG_TEXT = 10_000;

	static final String MASK = "（保密）";

	private LeadRules() {
	}

	/** What the office enters to register a lead, as sent (dates as text, so that a bad one gets a clear message). */
	record LeadRequest(String source, String sourceRef, String subject, String unitCode, String title, String summary,
			String receivedOn, String informantName, String informantContact, String informantUsername) {
	}

	/** A lead checked and normalised, ready to store. */
	record NewLead(LeadSource source, String sourceRef, String subject, String unitCode, String title, String summary,
			LocalDate receivedOn, String informantName, String informantContact, String informantUsername) {
	}

	/** The office head's decision on Task_DecideDisposal; handler null = the default handler. */
	record DisposalDecision(Disposal disposal, String reason, String questions, String handler) {

		boolean needsHandler() {
			return disposal == Disposal.TALK_INQUIRY || disposal == Disposal.PRELIMINARY_VERIFICATION;
		}

	}

	enum AnswerVerdict {
		/** 了结. */
		CLOSE,
		/** 批评教育. */
		EDUCATE,
		/** 初步核实. */
		VERIFY
	}

	record AnswerAssessment(AnswerVerdict verdict, String note) {
	}

	enum Recommendation {
		FILE_CASE, CLOSE, EDUCATE, SET_ASIDE
	}

	record VerificationReport(String report, Recommendation recommendation) {
	}

	/** The office head agrees with the verification report, or returns it with a reason. */
	record Confirmation(boolean agreed, String returnReason) {
	}

	// --- registration -----------------------------------------------------------------------------------

	/**
	 * Checks a registration entered by hand.
	 * @param isStaff whether a username names a staff member
	 * @param isUnit whether a code names a unit
	 * @param unitOf the unit of a staff member (for a lead against a person without a unit given)
	 * @throws InvalidLeadException listing every problem
	 */
	static NewLead registration(LeadRequest request, LocalDate today, Predicate<String> isStaff,
			Predicate<String> isUnit, Function<String, String> unitOf) {
		List<Msg> problems = new ArrayList<>();
		LeadSource source = LeadSource.LETTER_REPORT;
		if (!blank(request.source())) {
			source = parse(LeadSource.class, request.source());
			if (source == null) {
				problems.add(new Msg("discipline.lead.source-invalid", request.source(), Arrays.stream(LeadSource.values())
					.filter(LeadSource::enteredByHand).map(Enum::name).collect(Collectors.joining(", "))));
			}
			else if (!source.enteredByHand()) {
				problems.add(new Msg("discipline.lead.source-automatic", source.name()));
			}
		}
		String sourceRef = trim(request.sourceRef());
		if (sourceRef != null && sourceRef.length() > 100) {
			problems.add(new Msg("discipline.lead.source-ref-too-long", 100));
		}
		String subject = trim(request.subject());
		String unitCode = trim(request.unitCode());
		if (subject == null && unitCode == null) {
			problems.add(new Msg("discipline.lead.target-required"));
		}
		if (subject != null && !isStaff.test(subject)) {
			problems.add(new Msg("discipline.lead.subject-unknown", subject));
		}
		if (unitCode != null && !isUnit.test(unitCode)) {
			problems.add(new Msg("discipline.lead.unit-unknown", unitCode));
		}
		String title = trim(request.title());
		if (title == null) {
			problems.add(new Msg("discipline.lead.title-required"));
		}
		else if (title.length() > MAX_TITLE) {
			problems.add(new Msg("discipline.lead.title-too-long", MAX_TITLE));
		}
		String summary = trim(request.summary());
		if (summary == null) {
			problems.add(new Msg("discipline.lead.summary-required"));
		}
		else if (summary.length() > MAX_SHORT_TEXT) {
			problems.add(new Msg("discipline.lead.summary-too-long", MAX_SHORT_TEXT));
		}
		LocalDate receivedOn = null;
		if (blank(request.receivedOn())) {
			problems.add(new Msg("discipline.lead.received-required"));
		}
		else {
			try {
				receivedOn = LocalDate.parse(request.receivedOn().trim());
				if (receivedOn.isAfter(today)) {
					problems.add(new Msg("discipline.lead.received-future", receivedOn.toString()));
				}
			}
			catch (DateTimeParseException ex) {
				problems.add(new Msg("discipline.lead.received-format", request.receivedOn()));
			}
		}
		String informantName = trim(request.informantName());
		String informantContact = trim(request.informantContact());
		String informantUsername = trim(request.informantUsername());
		if (informantName != null && informantName.length() > 100
				|| informantContact != null && informantContact.length() > 200) {
			problems.add(new Msg("discipline.lead.informant-too-long"));
		}
		if (informantUsername != null && !isStaff.test(informantUsername)) {
			problems.add(new Msg("discipline.lead.informant-unknown", informantUsername));
		}
		if (informantUsername != null && informantUsername.equals(subject) && source != LeadSource.SELF_REPORT) {
			problems.add(new Msg("discipline.lead.informant-is-subject"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidLeadException(problems);
		}
		if (unitCode == null) {
			unitCode = unitOf.apply(subject);
		}
		return new NewLead(source, sourceRef, subject, unitCode, title, summary, receivedOn, informantName,
				informantContact, informantUsername);
	}

	// --- disposal -----------------------------------------------------------------------------------------

	/** Task_DecideDisposal: one of the four ways, with what each needs. */
	static DisposalDecision disposal(Object disposal, Object reason, Object questions, Object handler,
			boolean hasSubject) {
		List<Msg> problems = new ArrayList<>();
		Disposal chosen = disposal == null ? null : parse(Disposal.class, disposal.toString());
		String why = text(reason);
		String asked = text(questions);
		if (chosen == null) {
			problems.add(new Msg("discipline.disposal.required"));
		}
		else if (chosen == Disposal.TALK_INQUIRY) {
			if (!hasSubject) {
				problems.add(new Msg("discipline.disposal.unit-lead-inquiry"));
			}
			if (asked == null) {
				problems.add(new Msg("discipline.disposal.questions-required"));
			}
		}
		else if ((chosen == Disposal.SET_ASIDE || chosen == Disposal.CLOSE) && why == null) {
			problems.add(new Msg("discipline.disposal.reason-required"));
		}
		tooLong(why, MAX_SHORT_TEXT, "reason", problems);
		tooLong(asked, MAX_LONG_TEXT, "questions", problems);
		failIfAny(problems);
		return new DisposalDecision(chosen, why, chosen == Disposal.TALK_INQUIRY ? asked : null, text(handler));
	}

	/** Task_AssessInquiryAnswer: close, criticise and educate (both with a note), or verify. */
	static AnswerAssessment answerAssessment(Object verdict, Object note) {
		List<Msg> problems = new ArrayList<>();
		AnswerVerdict chosen = verdict == null ? null : parse(AnswerVerdict.class, verdict.toString());
		String written = text(note);
		if (chosen == null) {
			problems.add(new Msg("discipline.assessment.required"));
		}
		else if (chosen != AnswerVerdict.VERIFY && written == null) {
			problems.add(new Msg("discipline.assessment.note-required"));
		}
		tooLong(written, MAX_SHORT_TEXT, "note", problems);
		failIfAny(problems);
		return new AnswerAssessment(chosen, written);
	}

	/** Task_PreliminaryVerification: a report and a recommendation; a lead against a unit is not filed as a case. */
	static VerificationReport verification(Object report, Object recommendation, boolean hasSubject) {
		List<Msg> problems = new ArrayList<>();
		String written = text(report);
		Recommendation chosen = recommendation == null ? null
				: parse(Recommendation.class, recommendation.toString());
		if (written == null) {
			problems.add(new Msg("discipline.verification.report-required"));
		}
		tooLong(written, MAX_LONG_TEXT, "report", problems);
		if (chosen == null) {
			problems.add(new Msg("discipline.verification.recommendation-required"));
		}
		else if (chosen == Recommendation.FILE_CASE && !hasSubject) {
			problems.add(new Msg("discipline.verification.unit-lead-filing"));
		}
		failIfAny(problems);
		return new VerificationReport(written, chosen);
	}

	/** Task_ConfirmVerification: AGREE, or RETURN with a reason. */
	static Confirmation confirmation(Object confirmation, Object returnReason) {
		List<Msg> problems = new ArrayList<>();
		String choice = text(confirmation);
		String why = text(returnReason);
		boolean agreed = "AGREE".equalsIgnoreCase(String.valueOf(choice));
		if (!agreed && !"RETURN".equalsIgnoreCase(String.valueOf(choice))) {
			problems.add(new Msg("discipline.confirmation.required"));
		}
		else if (!agreed && why == null) {
			problems.add(new Msg("discipline.confirmation.reason-required"));
		}
		tooLong(why, MAX_SHORT_TEXT, "reason", problems);
		failIfAny(problems);
		return new Confirmation(agreed, agreed ? null : why);
	}

	/** New information on a lead. */
	static String information(String text) {
		String written = trim(text);
		List<Msg> problems = new ArrayList<>();
		if (written == null) {
			problems.add(new Msg("discipline.lead.information-required"));
		}
		tooLong(written, MAX_LONG_TEXT, "information", problems);
		if (!problems.isEmpty()) {
			throw new InvalidLeadException(problems);
		}
		return written;
	}

	/** The informant's identity for a reader: as entered for the discipline office, masked for everyone else. */
	static String informant(String value, boolean office) {
		if (value == null) {
			return null;
		}
		return office ? value : MASK;
	}

	// ------------------------------------------------------------------------------------------------------

	private static void tooLong(String text, int max, String field, List<Msg> problems) {
		if (text != null && text.length() > max) {
			problems.add(new Msg("discipline.too-long." + field, max));
		}
	}

	private static void failIfAny(List<Msg> problems) {
		if (!problems.isEmpty()) {
			throw new RuleViolationException(problems);
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String text(Object value) {
		return value == null ? null : trim(value.toString());
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
