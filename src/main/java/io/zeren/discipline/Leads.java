package io.zeren.discipline;

import io.zeren.shared.LivePolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.calendar.WorkingCalendar;
import io.zeren.discipline.LeadRules.AnswerAssessment;
import io.zeren.discipline.LeadRules.Confirmation;
import io.zeren.discipline.LeadRules.DisposalDecision;
import io.zeren.discipline.LeadRules.NewLead;
import io.zeren.discipline.LeadRules.Recommendation;
import io.zeren.discipline.LeadRules.VerificationReport;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;

/**
 * The lead register (问题线索) and the steps of each lead's disposal (线索处置, LeadDisposalProcess, business key =
 * the lead number). Every change is written to the discipline audit trail in its own transaction; every read
 * through the API is checked against {@link DisciplineAccess} and audited, refused or not.
 */
@Service
@Transactional
class Leads {

	static final String SERIES = "lead";

	private final LeadRepository leads;

	private final LeadEntryRepository entries;

	private final CaseNumbers numbers;

	private final DisciplineAccess access;

	private final DisciplineAudit audit;

	private final OrganisationDirectory directory;

	private final WorkingCalendar calendar;

	private final RuntimeService runtime;

	private final SystemAuthentication system;

	private final ApplicationEventPublisher events;

	private final LivePolicy<LeadProperties> properties;

	private final ZoneId zone;

	private final DisciplineInstances instances;

	Leads(LeadRepository leads, LeadEntryRepository entries, CaseNumbers numbers, DisciplineAccess access,
			DisciplineAudit audit, OrganisationDirectory directory, WorkingCalendar calendar, RuntimeService runtime,
			SystemAuthentication system, ApplicationEventPublisher events, LivePolicy<LeadProperties> properties,
			@Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone, DisciplineInstances instances) {
		this.instances = instances;
		this.leads = leads;
		this.entries = entries;
		this.numbers = numbers;
		this.access = access;
		this.audit = audit;
		this.directory = directory;
		this.calendar = calendar;
		this.runtime = runtime;
		this.system = system;
		this.events = events;
		this.properties = properties;
		this.zone = zone;
	}

	// --- registration ---------------------------------------------------------------------------------------

	/** A lead entered by the discipline office: stored, audited, the registrar made its handler, disposal started. */
	LeadView register(LeadRules.LeadRequest request, String registrar) {
		NewLead lead = LeadRules.registration(request, today(), this::isStaff, this::isUnit,
				subject -> directory.staff(subject).unitCode());
		if (lead.sourceRef() != null && leads.findBySourceAndSourceRef(lead.source(), lead.sourceRef()).isPresent()) {
			throw new InvalidLeadException(List.of(new Msg("discipline.lead.duplicate", lead.source().name(),
					lead.sourceRef())));
		}
		Lead saved = store(lead, registrar);
		access.participate(saved.getId(), registrar, Duty.HANDLER);
		return LeadView.of(saved);
	}

	/**
	 * A lead derived from an event, once per (source, source reference): a repeated event finds the lead it
	 * registered before and changes nothing.
	 * @return the new lead's id, empty if it was registered before
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Optional<Long> registerOnce(NewLead lead, String registrar) {
		if (leads.findBySourceAndSourceRef(lead.source(), lead.sourceRef()).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(store(lead, registrar).getId());
	}

	private Lead store(NewLead lead, String registrar) {
		Instant now = EngineClock.now();
		String number = numbers.next(SERIES);
		Lead saved = leads.save(new Lead(number, LocalDate.ofInstant(now, zone).getYear(), lead, registrar, now));
		audit.changed(registrar, "LEAD_REGISTERED", saved.getId(), number, "source=" + lead.source() + " ref="
				+ saved.getSourceRef() + " subject=" + lead.subject() + " unit=" + lead.unitCode());
		// Only what the office needs to decide: never the informant.
		Map<String, Object> variables = new HashMap<>();
		variables.put(DisciplineProcesses.VAR_LEAD_ID, saved.getId());
		variables.put(DisciplineProcesses.VAR_SUBJECT, saved.getSubjectUsername());
		variables.put(DisciplineProcesses.VAR_CASE_NUMBER, number);
		variables.put(LeadDisposalProcess.VAR_TITLE, saved.getTitle());
		variables.put(LeadDisposalProcess.VAR_SUMMARY, saved.getSummary());
		instances.start(LeadDisposalProcess.KEY, DisciplineInstance.Link.lead(saved.getId()),
				() -> runtime.createProcessInstanceByKey(LeadDisposalProcess.KEY)
					.businessKey(number)
					.setVariables(variables)
					.execute());
		return saved;
	}

	// --- steps of LeadDisposalProcess -------------------------------------------------------------------------

	/** When a lead set aside now comes back for a new decision, per policy ({@code zeren.discipline.leads.recheck-after}). */
	@Transactional(readOnly = true)
	Date recheckAt() {
		return Date.from(calendar.plus(EngineClock.now(), properties.current().recheckAfter()));
	}

	/** The office head's disposal decision; the handler (if any) has passed the recusal check. */
	void decided(long leadId, DisposalDecision decision, String handler, Date recheckAt, String actor) {
		Lead lead = find(leadId);
		requireOpen(lead);
		Instant now = EngineClock.now();
		lead.decide(decision.disposal(), decision.reason(), handler, recheckAt == null ? null : recheckAt.toInstant(), now);
		String text = decision.disposal() == Disposal.TALK_INQUIRY ? decision.questions() : decision.reason();
		entries.save(new LeadEntry(leadId, LeadEntry.Kind.DISPOSAL, decision.disposal().name(), handler, text, actor, now));
		if (handler != null) {
			access.participate(leadId, handler, Duty.HANDLER);
		}
		audit.changed(actor, "LEAD_DISPOSAL_DECIDED", leadId, lead.getLeadNumber(), "disposal=" + decision.disposal()
				+ (handler == null ? "" : " handler=" + handler) + (recheckAt == null ? "" : " recheckAt=" + recheckAt.toInstant()));
		if (decision.disposal() == Disposal.CLOSE) {
			audit.changed(actor, "LEAD_CLOSED", leadId, lead.getLeadNumber(), "outcome=" + LeadOutcome.CLOSED);
		}
	}

	/** The subject's written answer came back from DisciplineSubjectProcess. */
	void inquiryAnswered(long leadId, String answer, String subject) {
		Lead lead = find(leadId);
		entries.save(new LeadEntry(leadId, LeadEntry.Kind.INQUIRY_ANSWER, null, null, answer, subject, EngineClock.now()));
		audit.changed(subject, "LEAD_INQUIRY_ANSWERED", leadId, lead.getLeadNumber(), null);
	}

	/** The handler's assessment of the answer: close, criticise and educate (both close the lead), or verify. */
	void answerAssessed(long leadId, AnswerAssessment assessment, String actor) {
		Lead lead = find(leadId);
		requireOpen(lead);
		Instant now = EngineClock.now();
		entries.save(new LeadEntry(leadId, LeadEntry.Kind.ANSWER_ASSESSED, assessment.verdict().name(), lead.getHandler(),
				assessment.note(), actor, now));
		audit.changed(actor, "LEAD_ANSWER_ASSESSED", leadId, lead.getLeadNumber(), "verdict=" + assessment.verdict());
		switch (assessment.verdict()) {
			case CLOSE -> close(lead, LeadOutcome.CLOSED, actor, now);
			case EDUCATE -> close(lead, LeadOutcome.EDUCATED, actor, now);
			case VERIFY -> lead.verify();
		}
	}

	/** The handler's preliminary verification report and recommendation. */
	void verificationReported(long leadId, VerificationReport report, String actor) {
		Lead lead = find(leadId);
		requireOpen(lead);
		entries.save(new LeadEntry(leadId, LeadEntry.Kind.VERIFICATION_REPORT, report.recommendation().name(),
				lead.getHandler(), report.report(), actor, EngineClock.now()));
		audit.changed(actor, "LEAD_VERIFICATION_REPORTED", leadId, lead.getLeadNumber(),
				"recommendation=" + report.recommendation());
	}

	/**
	 * The office head agrees with the recommendation or sends the report back. Agreed: CLOSE and EDUCATE close
	 * the lead, SET_ASIDE sets it aside until {@code recheckAt}, FILE_CASE waits for {@link #proposeFiling}.
	 */
	void verificationConfirmed(long leadId, Confirmation confirmation, Recommendation recommendation, Date recheckAt,
			String actor) {
		Lead lead = find(leadId);
		requireOpen(lead);
		Instant now = EngineClock.now();
		entries.save(new LeadEntry(leadId, LeadEntry.Kind.VERIFICATION_CONFIRMED,
				confirmation.agreed() ? "AGREE" : "RETURN", lead.getHandler(), confirmation.returnReason(), actor, now));
		if (!confirmation.agreed()) {
			lead.verify();
			audit.changed(actor, "LEAD_VERIFICATION_RETURNED", leadId, lead.getLeadNumber(), null);
			return;
		}
		audit.changed(actor, "LEAD_VERIFICATION_CONFIRMED", leadId, lead.getLeadNumber(),
				"recommendation=" + recommendation);
		switch (recommendation) {
			case CLOSE -> close(lead, LeadOutcome.CLOSED, actor, now);
			case EDUCATE -> close(lead, LeadOutcome.EDUCATED, actor, now);
			case SET_ASIDE -> lead.setAside(null, recheckAt.toInstant());
			case FILE_CASE -> {
				// the filing is proposed by the next step of the process
			}
		}
	}

	/** The re-check date of a set-aside lead was reached: back to the office head for a new decision. */
	void recheckDue(long leadId) {
		Lead lead = find(leadId);
		if (lead.getStatus() != LeadStatus.SET_ASIDE) {
			return;
		}
		lead.reopen();
		entries.save(new LeadEntry(leadId, LeadEntry.Kind.RECHECK_DUE, null, null, null, "system", EngineClock.now()));
		audit.changed("system", "LEAD_RECHECK_DUE", leadId, lead.getLeadNumber(), null);
	}

	/**
	 * Verification warrants a case: the lead is FILING_PROPOSED and {@link FilingProposed} is published in this
	 * transaction (the case process starts from it; if it refuses, the confirmation is rolled back).
	 */
	void proposeFiling(long leadId, String proposedBy) {
		Lead lead = find(leadId);
		requireOpen(lead);
		Instant now = EngineClock.now();
		String report = latest(leadId, LeadEntry.Kind.VERIFICATION_REPORT).map(LeadEntry::text).orElse(null);
		lead.close(LeadOutcome.FILING_PROPOSED, now);
		entries.save(new LeadEntry(leadId, LeadEntry.Kind.FILING_PROPOSED, null, lead.getHandler(), null, proposedBy, now));
		audit.changed(proposedBy, "LEAD_FILING_PROPOSED", leadId, lead.getLeadNumber(), null);
		events.publishEvent(new FilingProposed(leadId, lead.getLeadNumber(), lead.getSubjectUsername(), lead.getSummary(),
				report, proposedBy));
	}

	// --- new information ------------------------------------------------------------------------------------

	/** New information on an open lead: stored; a lead set aside comes back for a new decision at once. */
	LeadView addInformation(long leadId, String text, String actor) {
		String information = LeadRules.information(text);
		Lead lead = find(leadId);
		requireOpen(lead);
		entries.save(new LeadEntry(leadId, LeadEntry.Kind.NEW_INFORMATION, null, null, information, actor,
				EngineClock.now()));
		boolean wakeUp = lead.getStatus() == LeadStatus.SET_ASIDE;
		audit.changed(actor, "LEAD_INFORMATION_ADDED", leadId, lead.getLeadNumber(), wakeUp ? "woken up" : null);
		if (wakeUp) {
			lead.reopen();
			// The lead's own disposal instance, from the system's record: correlated as the system, after the
			// caller's access was checked (LeadController), so nobody learns from it whether a lead exists.
			instances.instancesOfLead(leadId, LeadDisposalProcess.KEY).forEach(instance -> system.run(() -> runtime
				.createMessageCorrelation(LeadDisposalProcess.MESSAGE_NEW_INFORMATION)
				.processInstanceId(instance)
				.correlateAllWithResult()));
		}
		return LeadView.of(lead);
	}

	// --- reading --------------------------------------------------------------------------------------------

	/**
	 * The register: every lead for the discipline office and case review, a participant's own leads otherwise,
	 * each only if the reader may read it (a conflicted office member does not see the lead).
	 */
	@Transactional(readOnly = true)
	List<LeadView> register(LeadStatus status, LeadSource source, Integer year, String reader) {
		boolean all = access.isOfficeOrReview(reader);
		Set<Long> own = access.leadsOf(reader);
		String filters = "status=" + status + " source=" + source + " year=" + year;
		if (!all && own.isEmpty()) {
			audit.read(reader, "READ_DENIED", null, "register", filters);
			throw new ForbiddenException(new Msg("discipline.lead.register-denied-read"));
		}
		List<Long> ids = own.isEmpty() ? List.of(-1L) : List.copyOf(own);
		List<LeadView> visible = leads.search(status, source, year, all, ids)
			.stream()
			.filter(lead -> access.canRead(reader, lead.getId()))
			.map(LeadView::of)
			.toList();
		audit.read(reader, "LEAD_VIEWED", null, "register", filters + " rows=" + visible.size());
		return visible;
	}

	/** A lead's file; the informant's identity only for the discipline office ({@code office}). */
	@Transactional(readOnly = true)
	LeadFile file(long leadId, String reader, boolean office) {
		if (!access.canRead(reader, leadId)) {
			audit.read(reader, "READ_DENIED", leadId, null, "lead file");
			throw new ForbiddenException(new Msg("discipline.access.denied"));
		}
		Lead lead = find(leadId);
		List<LeadEntry> history = entries.findByLeadIdOrderByAtAscIdAsc(leadId);
		audit.read(reader, "LEAD_VIEWED", leadId, lead.getLeadNumber(),
				office ? "file with informant" : "file, informant masked");
		return LeadFile.of(lead, history, office);
	}

	/** For the write endpoints: the reader must be allowed to read the lead (audited as a refused read if not). */
	@Transactional(readOnly = true)
	void requireReadable(long leadId, String reader) {
		if (!access.canRead(reader, leadId)) {
			audit.read(reader, "READ_DENIED", leadId, null, "lead information");
			throw new ForbiddenException(new Msg("discipline.access.denied"));
		}
	}

	// ---------------------------------------------------------------------------------------------------------

	private void close(Lead lead, LeadOutcome outcome, String actor, Instant now) {
		lead.close(outcome, now);
		audit.changed(actor, "LEAD_CLOSED", lead.getId(), lead.getLeadNumber(), "outcome=" + outcome);
	}

	private Optional<LeadEntry> latest(long leadId, LeadEntry.Kind kind) {
		return entries.findByLeadIdOrderByAtAscIdAsc(leadId)
			.stream()
			.filter(entry -> entry.getKind() == kind)
			.max(Comparator.comparing(LeadEntry::getAt).thenComparing(LeadEntry::getId));
	}

	private Lead find(long leadId) {
		return leads.findById(leadId)
			.orElseThrow(() -> new NotFoundException(new Msg("discipline.lead.not-found", leadId)));
	}

	private static void requireOpen(Lead lead) {
		if (!lead.getStatus().isOpen()) {
			throw new RuleViolationException(new Msg("discipline.lead.closed", lead.getLeadNumber()));
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(EngineClock.now(), zone);
	}

	private boolean isStaff(String username) {
		return directory.findStaffInfo(username).filter(StaffInfo::active).isPresent();
	}

	private boolean isUnit(String code) {
		return directory.units().stream().map(UnitInfo::code).anyMatch(code::equals);
	}

	// --- views ----------------------------------------------------------------------------------------------

	/** A row of the register: no informant. */
	record LeadView(long id, String leadNumber, int year, LeadSource source, String sourceRef, LeadStatus status,
			Disposal disposal, LeadOutcome outcome, String subject, String unitCode, String title, LocalDate receivedOn,
			String handler, Instant recheckAt, String registeredBy, Instant registeredAt, Instant closedAt) {

		static LeadView of(Lead lead) {
			return new LeadView(lead.getId(), lead.getLeadNumber(), lead.getLeadYear(), lead.getSource(),
					lead.getSourceRef(), lead.getStatus(), lead.getDisposal(), lead.getOutcome(), lead.getSubjectUsername(),
					lead.getUnitCode(), lead.getTitle(), lead.getReceivedOn(), lead.getHandler(), lead.getRecheckAt(),
					lead.getRegisteredBy(), lead.getRegisteredAt(), lead.getClosedAt());
		}

	}

	/** One step of the file. */
	record EntryView(String kind, String choice, String handler, String text, String by, Instant at) {
	}

	/** The lead's file: the lead, its summary and informant (masked unless for the office), and its history. */
	record LeadFile(LeadView lead, String summary, String disposalReason, String informantName, String informantContact,
			String informantUsername, List<EntryView> history, String inquiryAnswer, String verificationReport) {

		static LeadFile of(Lead lead, List<LeadEntry> entries, boolean office) {
			List<EntryView> history = new ArrayList<>();
			String answer = null;
			String report = null;
			for (LeadEntry entry : entries) {
				history.add(new EntryView(entry.getKind().name(), entry.getChoice(), entry.getHandler(), entry.text(),
						entry.getActor(), entry.getAt()));
				if (entry.getKind() == LeadEntry.Kind.INQUIRY_ANSWER) {
					answer = entry.text();
				}
				else if (entry.getKind() == LeadEntry.Kind.VERIFICATION_REPORT) {
					report = entry.text();
				}
			}
			return new LeadFile(LeadView.of(lead), lead.getSummary(), lead.getDisposalReason(),
					LeadRules.informant(lead.getInformantName(), office),
					LeadRules.informant(lead.getInformantContact(), office),
					LeadRules.informant(lead.getInformantUsername(), office), history, answer, report);
		}

	}

}
