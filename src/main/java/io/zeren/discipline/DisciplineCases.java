package io.zeren.discipline;

import io.zeren.shared.LivePolicy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.calendar.WorkingCalendar;
import io.zeren.identity.SystemAuthentication;
import io.zeren.notification.Notifications;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;

/**
 * Cases (立案审查), run by DisciplineCaseProcess (business key = case number): filing approval, investigation with
 * one extension, the subject's statement, review, the decision (suggested by Decision_DisciplineOutcome), delivery,
 * appeal and archive. Every change is written to the discipline audit trail in its own transaction.
 */
@Service
@Transactional
public class DisciplineCases {

	static final int MAX_TEXT = 4000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final CaseRepository cases;

	private final CaseNumbers numbers;

	private final DisciplineAudit audit;

	private final OrganisationDirectory directory;

	private final WorkingCalendar calendar;

	private final RuntimeService runtime;

	private final SystemAuthentication system;

	private final Notifications notifications;

	private final Sanctions sanctions;

	private final LivePolicy<CaseProperties> properties;

	private final CaseMessages messages;

	private final DisciplineInstances instances;

	DisciplineCases(CaseRepository cases, CaseNumbers numbers, DisciplineAudit audit, OrganisationDirectory directory,
			WorkingCalendar calendar, RuntimeService runtime, SystemAuthentication system, Notifications notifications,
			Sanctions sanctions, LivePolicy<CaseProperties> properties, CaseMessages messages,
			DisciplineInstances instances) {
		this.instances = instances;
		this.cases = cases;
		this.numbers = numbers;
		this.audit = audit;
		this.directory = directory;
		this.calendar = calendar;
		this.runtime = runtime;
		this.system = system;
		this.notifications = notifications;
		this.sanctions = sanctions;
		this.properties = properties;
		this.messages = messages;
	}

	// --- filing -------------------------------------------------------------------------------------------

	/**
	 * A lead's disposal proposes filing: opens the case under the next case number and starts
	 * DisciplineCaseProcess, in the publisher's transaction (a refusal rolls the disposal back).
	 */
	public DisciplineCase open(FilingProposed proposal) {
		List<Msg> problems = new ArrayList<>();
		if (isBlank(proposal.subject())) {
			problems.add(new Msg("discipline.case.subject-required", proposal.leadNumber()));
		}
		if (isBlank(proposal.summary())) {
			problems.add(new Msg("discipline.case.summary-required", proposal.leadNumber()));
		}
		cases.findByLeadId(proposal.leadId())
			.stream()
			.filter(open -> open.getStatus() != CaseStatus.NOT_FILED && open.getStatus() != CaseStatus.ARCHIVED)
			.findFirst()
			.ifPresent(open -> problems.add(new Msg("discipline.case.already-open", proposal.leadNumber(),
					open.getCaseNumber())));
		messages.failIfAny(problems);
		Instant now = EngineClock.now();
		String unit = directory.findStaffInfo(proposal.subject()).map(StaffInfo::unitCode).orElse(null);
		DisciplineCase opened = cases.save(new DisciplineCase(numbers.next("case"), proposal.leadId(),
				proposal.subject(), unit, clip(proposal.summary()), clip(proposal.verificationReport()),
				proposal.proposedBy(), now));
		audit.changed(proposal.proposedBy(), "CASE_OPENED", proposal.leadId(), opened.getCaseNumber(),
				"filing proposed on lead " + proposal.leadNumber());

		Map<String, Object> variables = new HashMap<>();
		variables.put(DisciplineProcesses.VAR_LEAD_ID, proposal.leadId());
		variables.put(DisciplineProcesses.VAR_SUBJECT, proposal.subject());
		variables.put(DisciplineProcesses.VAR_CASE_NUMBER, opened.getCaseNumber());
		variables.put(CaseProcess.VAR_CASE_ID, opened.getId());
		variables.put(CaseProcess.VAR_SUMMARY, opened.getSummary());
		variables.put(CaseProcess.VAR_FILING_BASIS, opened.getFilingBasis());
		instances.start(DisciplineProcesses.CASE, DisciplineInstance.Link.caseOf(proposal.leadId(), opened.getId()),
				() -> runtime.createProcessInstanceByKey(DisciplineProcesses.CASE)
					.businessKey(opened.getCaseNumber())
					.setVariables(variables)
					.execute());
		return opened;
	}

	/** The leadership approves the filing (the investigation deadline starts) or refuses it with a reason. */
	Optional<Instant> decideFiling(long caseId, String decision, String reason, String by) {
		DisciplineCase c = find(caseId);
		List<Msg> problems = new ArrayList<>();
		requireDecision(decision, "discipline.case.filing-decision-required", problems);
		if (CaseProcess.REJECT.equals(decision)) {
			requireText(reason, "discipline.case.filing-reason-required", problems);
		}
		requireStatus(c, CaseStatus.FILING, problems);
		messages.failIfAny(problems);
		Instant now = EngineClock.now();
		boolean approved = CaseProcess.APPROVE.equals(decision);
		Instant due = approved ? calendar.plus(now, properties.current().investigationLimit()) : null;
		c.filingDecided(approved, trimmed(reason), by, now, due);
		audit.changed(by, approved ? "FILING_APPROVED" : "FILING_REFUSED", c.getLeadId(), c.getCaseNumber(),
				trimmed(reason));
		return Optional.ofNullable(due);
	}

	// --- investigation ------------------------------------------------------------------------------------

	/** One extension per case may be asked for; a second request is refused. */
	void requestExtension(long caseId, String reason, String by) {
		DisciplineCase c = find(caseId);
		List<Msg> problems = new ArrayList<>();
		if (c.isExtensionRequested()) {
			problems.add(new Msg("discipline.case.extension-once", c.getCaseNumber()));
		}
		else {
			requireText(reason, "discipline.case.extension-reason-required", problems);
		}
		requireStatus(c, CaseStatus.INVESTIGATING, problems);
		messages.failIfAny(problems);
		c.extensionRequested(reason.trim());
		audit.changed(by, "EXTENSION_REQUESTED", c.getLeadId(), c.getCaseNumber(), reason.trim());
	}

	/** @return the investigation deadline after the leadership's decision on the extension */
	Instant decideExtension(long caseId, String decision, String reason, String by) {
		DisciplineCase c = find(caseId);
		List<Msg> problems = new ArrayList<>();
		requireDecision(decision, "discipline.case.extension-decision-required", problems);
		if (CaseProcess.REJECT.equals(decision)) {
			requireText(reason, "discipline.case.extension-refusal-reason-required", problems);
		}
		messages.failIfAny(problems);
		boolean approved = CaseProcess.APPROVE.equals(decision);
		Instant now = EngineClock.now();
		c.extensionDecided(approved, by, now,
				approved ? calendar.plus(c.getInvestigationDueAt(), properties.current().extension()) : null);
		audit.changed(by, approved ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED", c.getLeadId(), c.getCaseNumber(),
				approved ? "until " + c.getInvestigationDueAt() : trimmed(reason));
		return c.getInvestigationDueAt();
	}

	/** The investigation is done: the findings addressed to the subject, the internal report, the assessment. */
	void investigated(long caseId, String findings, String report, String severity, String circumstances, String by) {
		DisciplineCase c = find(caseId);
		List<Msg> problems = new ArrayList<>();
		requireText(findings, "discipline.case.findings-required", problems);
		requireText(report, "discipline.case.report-required", problems);
		Optional<Severity> level = parse(Severity.class, severity);
		if (level.isEmpty()) {
			problems.add(new Msg("discipline.case.severity-required"));
		}
		Optional<Circumstances> how = parse(Circumstances.class, circumstances);
		if (how.isEmpty()) {
			problems.add(new Msg("discipline.case.circumstances-required"));
		}
		requireStatus(c, CaseStatus.INVESTIGATING, problems);
		messages.failIfAny(problems);
		c.investigated(findings.trim(), report.trim(), level.get(), how.get(), by, EngineClock.now());
		audit.changed(by, "INVESTIGATION_SUBMITTED", c.getLeadId(), c.getCaseNumber(),
				level.get() + "/" + how.get());
	}

	String statementTitle(long caseId) {
		return messages.text("discipline.case.statement.title", find(caseId).getCaseNumber());
	}

	void stated(long caseId, String statement, boolean waived) {
		DisciplineCase c = find(caseId);
		c.stated(waived ? null : clip(statement), waived, EngineClock.now());
		audit.changed(c.getSubject(), "STATEMENT_RECORDED", c.getLeadId(), c.getCaseNumber(),
				waived ? "waived" : "statement given");
	}

	// --- review and decision ------------------------------------------------------------------------------

	/**
	 * Review forwards the case with an opinion, or sends it back for supplementary investigation with a reason
	 * (a new investigation deadline per policy).
	 * @return whether it was sent back
	 */
	boolean review(long caseId, String action, String opinion, String sendBackReason, String by) {
		DisciplineCase c = find(caseId);
		List<Msg> problems = new ArrayList<>();
		if (!CaseProcess.ACTION_FORWARD.equals(action) && !CaseProcess.ACTION_SEND_BACK.equals(action)) {
			problems.add(new Msg("discipline.case.review-action-required"));
		}
		else if (CaseProcess.ACTION_FORWARD.equals(action)) {
			requireText(opinion, "discipline.case.review-opinion-required", problems);
		}
		else {
			requireText(sendBackReason, "discipline.case.send-back-reason-required", problems);
		}
		requireStatus(c, CaseStatus.REVIEW, problems);
		messages.failIfAny(problems);
		Instant now = EngineClock.now();
		if (CaseProcess.ACTION_SEND_BACK.equals(action)) {
			c.sentBack(sendBackReason.trim(), by, now, calendar.plus(now, properties.current().supplementaryInvestigation()));
			audit.changed(by, "SENT_BACK", c.getLeadId(), c.getCaseNumber(), sendBackReason.trim());
			return true;
		}
		c.reviewed(opinion.trim(), by, now);
		audit.changed(by, "REVIEWED", c.getLeadId(), c.getCaseNumber(), null);
		return false;
	}

	Instant investigationDue(long caseId) {
		return find(caseId).getInvestigationDueAt();
	}

	/** Whether the subject is a party member, per the organisation model (an input of the outcome table). */
	boolean partyMember(long caseId) {
		return directory.findStaffInfo(find(caseId).getSubject()).map(StaffInfo::partyMember).orElse(false);
	}

	/** What Decision_DisciplineOutcome suggests. */
	CaseOutcome suggested(long caseId, Object form, Object outcome) {
		DisciplineCase c = find(caseId);
		CaseOutcome suggestion = CaseOutcome.parse(outcome)
			.orElseThrow(() -> new IllegalStateException("Decision_DisciplineOutcome gave no known outcome for case "
					+ c.getCaseNumber() + ": " + outcome + " (severity " + c.getSeverity() + ", circumstances "
					+ c.getCircumstances() + ")"));
		c.suggested(((Number) form).intValue(), suggestion);
		audit.changed("system", "OUTCOME_SUGGESTED", c.getLeadId(), c.getCaseNumber(), form + "/" + suggestion);
		return suggestion;
	}

	String outcomeLabel(CaseOutcome outcome) {
		return messages.outcome(outcome);
	}

	/** The leadership decides; another outcome than the suggested one needs a recorded reason. */
	void decide(long caseId, String outcomeCode, String deviationReason, String by) {
		DisciplineCase c = find(caseId);
		List<Msg> problems = new ArrayList<>();
		Optional<CaseOutcome> outcome = CaseOutcome.parse(outcomeCode);
		if (outcome.isEmpty()) {
			problems.add(new Msg("discipline.case.outcome-required"));
		}
		else if (outcome.get() != c.getSuggestedOutcome() && isBlank(deviationReason)) {
			problems.add(new Msg("discipline.case.deviation-reason-required", messages.outcome(c.getSuggestedOutcome()),
					messages.outcome(outcome.get())));
		}
		requireStatus(c, CaseStatus.DECIDING, problems);
		messages.failIfAny(problems);
		String reason = outcome.get() == c.getSuggestedOutcome() ? null : deviationReason.trim();
		c.decided(outcome.get(), reason, by, EngineClock.now());
		audit.changed(by, "DECIDED", c.getLeadId(), c.getCaseNumber(),
				outcome.get() + (reason == null ? "" : " (suggested " + c.getSuggestedOutcome() + "): " + reason));
	}

	/**
	 * Executes and delivers the decision: records its sanction (a sanction with a period starts its
	 * SanctionTermProcess), mails the subject, and opens the appeal window.
	 */
	Delivery execute(long caseId) {
		DisciplineCase c = find(caseId);
		Instant now = EngineClock.now();
		sanctions.impose(c, c.getDecidedOutcome(), c.getDecidedAt(), c.getDecidedBy());
		Instant appealDue = calendar.plus(now, properties.current().appealWindow());
		c.delivered(now, appealDue);
		String title = messages.text("discipline.case.decision.title", c.getCaseNumber());
		String text = messages.text("discipline.case.decision.text", c.getCaseNumber(),
				messages.outcome(c.getDecidedOutcome()), c.getSubjectFindings(), day(appealDue));
		Map<String, Object> model = new HashMap<>();
		model.put("title", title);
		model.put("text", text);
		notifications.enqueue("notice", List.of(c.getSubject()), model, "discipline-decision:" + c.getId());
		audit.changed("system", "DECISION_DELIVERED", c.getLeadId(), c.getCaseNumber(), "appeal until " + appealDue);
		return new Delivery(title, text, appealDue);
	}

	record Delivery(String title, String text, Instant appealDueAt) {
	}

	/** The subject acknowledged the decision, appealing or not. */
	void acknowledged(long caseId, String appeal, String appealReason) {
		DisciplineCase c = find(caseId);
		if ("yes".equals(appeal)) {
			c.appealed(clip(appealReason), EngineClock.now());
			audit.changed(c.getSubject(), "APPEALED", c.getLeadId(), c.getCaseNumber(), clip(appealReason));
		}
		else {
			audit.changed(c.getSubject(), "ACKNOWLEDGED", c.getLeadId(), c.getCaseNumber(), null);
		}
	}

	void appealReviewed(long caseId, String opinion, String by) {
		DisciplineCase c = find(caseId);
		List<Msg> problems = new ArrayList<>();
		requireText(opinion, "discipline.case.appeal-review-required", problems);
		requireStatus(c, CaseStatus.APPEAL, problems);
		messages.failIfAny(problems);
		c.appealReviewed(opinion.trim());
		audit.changed(by, "APPEAL_REVIEWED", c.getLeadId(), c.getCaseNumber(), null);
	}

	/**
	 * The leadership decides the appeal: UPHOLD, CHANGE to another outcome (the sanction is replaced) or REVOKE
	 * (the sanction is revoked). Changing or revoking needs a reason. The subject is told by mail.
	 */
	void decideAppeal(long caseId, String outcomeCode, String newOutcomeCode, String reason, String by) {
		DisciplineCase c = find(caseId);
		List<Msg> problems = new ArrayList<>();
		Optional<DisciplineCase.AppealOutcome> outcome = parse(DisciplineCase.AppealOutcome.class, outcomeCode);
		Optional<CaseOutcome> changedTo = CaseOutcome.parse(newOutcomeCode);
		if (outcome.isEmpty()) {
			problems.add(new Msg("discipline.case.appeal-outcome-required"));
		}
		else if (outcome.get() != DisciplineCase.AppealOutcome.UPHOLD) {
			requireText(reason, "discipline.case.appeal-reason-required", problems);
			if (outcome.get() == DisciplineCase.AppealOutcome.CHANGE
					&& (changedTo.isEmpty() || changedTo.get() == c.getDecidedOutcome())) {
				problems.add(new Msg("discipline.case.appeal-new-outcome-required", messages.outcome(c.getDecidedOutcome())));
			}
		}
		requireStatus(c, CaseStatus.APPEAL, problems);
		messages.failIfAny(problems);
		Instant now = EngineClock.now();
		DisciplineCase.AppealOutcome how = outcome.get();
		CaseOutcome newOutcome = how == DisciplineCase.AppealOutcome.CHANGE ? changedTo.get() : null;
		c.appealDecided(how, newOutcome, trimmed(reason), by, now);
		switch (how) {
			case CHANGE -> sanctions.replace(c, newOutcome, trimmed(reason), by);
			case REVOKE -> sanctions.revoke(c, trimmed(reason), by);
			default -> {
			}
		}
		audit.changed(by, "APPEAL_DECIDED", c.getLeadId(), c.getCaseNumber(),
				how + (newOutcome == null ? "" : " → " + newOutcome) + (reason == null ? "" : ": " + reason.trim()));
		Map<String, Object> model = new HashMap<>();
		model.put("title", messages.text("discipline.case.appeal.title", c.getCaseNumber()));
		model.put("text", messages.text("discipline.case.appeal.text." + how.name(), c.getCaseNumber(),
				messages.outcome(c.getDecidedOutcome()), messages.outcome(newOutcome), reason == null ? "" : reason.trim()));
		notifications.enqueue("notice", List.of(c.getSubject()), model, "discipline-appeal:" + c.getId());
	}

	/** The decision is final (window lapsed, no appeal, or the appeal decided): archived. */
	void archive(long caseId) {
		DisciplineCase c = find(caseId);
		c.archived(EngineClock.now());
		audit.changed("system", "CASE_ARCHIVED", c.getLeadId(), c.getCaseNumber(),
				String.valueOf(c.standingOutcome()));
	}

	// --- reading ------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	Optional<DisciplineCase> findCase(long caseId) {
		return cases.findById(caseId);
	}

	@Transactional(readOnly = true)
	List<DisciplineCase> all() {
		return cases.findAllByOrderByCreatedAtDesc();
	}

	@Transactional(readOnly = true)
	List<DisciplineCase> ofLeads(Set<Long> leadIds) {
		return leadIds.isEmpty() ? List.of() : cases.findByLeadIdInOrderByCreatedAtDesc(leadIds);
	}

	DisciplineCase find(long caseId) {
		return cases.findById(caseId)
			.orElseThrow(() -> new NotFoundException(new Msg("discipline.case.not-found", caseId)));
	}

	// --- helpers ------------------------------------------------------------------------------------------

	private String day(Instant instant) {
		return DAY.format(instant.atZone(ZoneId.of(properties.current().zone())));
	}

	private void requireStatus(DisciplineCase c, CaseStatus expected, List<Msg> problems) {
		if (c.getStatus() != expected) {
			problems.add(new Msg("discipline.case.wrong-status", c.getCaseNumber(), c.getStatus().name()));
		}
	}

	private static void requireDecision(String decision, String code, List<Msg> problems) {
		if (!CaseProcess.APPROVE.equals(decision) && !CaseProcess.REJECT.equals(decision)) {
			problems.add(new Msg(code));
		}
	}

	private static void requireText(String text, String code, List<Msg> problems) {
		if (isBlank(text)) {
			problems.add(new Msg(code));
		}
		else if (text.trim().length() > MAX_TEXT) {
			problems.add(new Msg("discipline.subject.too-long", MAX_TEXT));
		}
	}

	static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
		if (code == null) {
			return Optional.empty();
		}
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(code)) {
				return Optional.of(value);
			}
		}
		return Optional.empty();
	}

	static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static String trimmed(String text) {
		return isBlank(text) ? null : text.trim();
	}

	private static String clip(String text) {
		if (text == null) {
			return null;
		}
		String value = text.trim();
		return value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT - 3) + "...";
	}

}
