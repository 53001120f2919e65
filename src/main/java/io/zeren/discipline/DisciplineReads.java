package io.zeren.discipline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.identity.CallerGroups;
import io.zeren.identity.GroupIds;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;

/**
 * The confidential reads of discipline work, with their access rules and audit lines, in one place for both
 * doors: the REST controllers ({@link CaseController}, {@link AccountabilityController},
 * {@link DisciplineAuditController}, {@link LeadController}) and the workbench pages. Every read and every refused
 * read is written to the discipline audit trail with the authenticated reader.
 */
@Service
class DisciplineReads {

	/** The case file with its sanctions. */
	record CaseFileView(DisciplineCase.CaseFile file, List<Sanction.SanctionView> sanctions) {
	}

	private final Leads leads;

	private final DisciplineCases cases;

	private final Sanctions sanctions;

	private final SanctionRepository sanctionRows;

	private final Accountabilities accountabilities;

	private final DisciplineAccess access;

	private final DisciplineAudit audit;

	private final DisciplineProperties properties;

	private final AuditRepository entries;

	private final ZoneId zone;

	DisciplineReads(Leads leads, DisciplineCases cases, Sanctions sanctions, SanctionRepository sanctionRows,
			Accountabilities accountabilities, DisciplineAccess access, DisciplineAudit audit,
			DisciplineProperties properties, AuditRepository entries,
			@Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.leads = leads;
		this.cases = cases;
		this.sanctions = sanctions;
		this.sanctionRows = sanctionRows;
		this.accountabilities = accountabilities;
		this.access = access;
		this.audit = audit;
		this.properties = properties;
		this.entries = entries;
		this.zone = zone;
	}

	// --- who ----------------------------------------------------------------------------------------------

	/** A member of the discipline office (registers leads, adds information, sees informants). */
	boolean isOffice(Authentication caller) {
		return CallerGroups.inAny(caller, GroupIds.role(properties.roles().office()));
	}

	/** The discipline office, case review and the leadership read accountability matters. */
	boolean mayReadAccountability(Authentication caller) {
		return access.isOfficeOrReview(caller.getName())
				|| CallerGroups.inAny(caller, GroupIds.role(properties.roles().leadership()));
	}

	/** The head of the discipline office and the audit administrator read the audit trail. */
	boolean mayReadAudit(Authentication caller) {
		return access.isOfficeHead(caller.getName()) || CallerGroups.inAny(caller, GroupIds.AUDIT_ADMINS);
	}

	// --- leads --------------------------------------------------------------------------------------------

	/** Registers a lead (discipline office only; a refusal is audited as LEAD_REGISTER_DENIED). */
	Leads.LeadView registerLead(LeadRules.LeadRequest request, Authentication caller) {
		if (!isOffice(caller)) {
			audit.read(caller.getName(), "LEAD_REGISTER_DENIED", null, "register", "not in the discipline office");
			throw new ForbiddenException(new Msg("discipline.lead.register-denied"));
		}
		return leads.register(request, caller.getName());
	}

	/** The register: all for the office and case review, a participant's own leads otherwise (audited). */
	List<Leads.LeadView> leadRegister(LeadStatus status, LeadSource source, Integer year, Authentication caller) {
		return leads.register(status, source, year, caller.getName());
	}

	/** A lead's file, the informant shown to the discipline office only (audited). */
	Leads.LeadFile leadFile(long id, Authentication caller) {
		return leads.file(id, caller.getName(), isOffice(caller));
	}

	/** New information on an open lead: the reader must read the lead and be in the discipline office. */
	Leads.LeadView addInformation(long id, String text, Authentication caller) {
		leads.requireReadable(id, caller.getName());
		if (!isOffice(caller)) {
			throw new ForbiddenException(new Msg("discipline.lead.information-denied"));
		}
		return leads.addInformation(id, text, caller.getName());
	}

	// --- cases --------------------------------------------------------------------------------------------

	/**
	 * Cases the reader may read: all for the discipline office and case review (except where they must recuse
	 * themselves), the cases they work on for others; each listed case audited as CASE_VIEWED.
	 */
	@Transactional(readOnly = true)
	List<DisciplineCase.CaseSummary> cases(String user) {
		boolean office = access.isOfficeOrReview(user);
		Set<Long> mine = access.leadsOf(user);
		if (!office && mine.isEmpty()) {
			audit.read(user, "READ_DENIED", null, "cases", "case list");
			throw new ForbiddenException(new Msg("discipline.case.list-denied"));
		}
		List<DisciplineCase.CaseSummary> visible = new ArrayList<>();
		for (DisciplineCase c : office ? cases.all() : cases.ofLeads(mine)) {
			if (access.canRead(user, c.getLeadId())) {
				audit.read(user, "CASE_VIEWED", c.getLeadId(), c.getCaseNumber(), "list");
				visible.add(c.toSummary());
			}
		}
		return visible;
	}

	/** The case file with its sanctions, for those who may read the lead behind it. */
	@Transactional(readOnly = true)
	CaseFileView caseFile(long id, String user) {
		DisciplineCase c = cases.find(id);
		if (!access.canRead(user, c.getLeadId())) {
			audit.read(user, "READ_DENIED", c.getLeadId(), c.getCaseNumber(), "case file");
			throw new ForbiddenException(new Msg("discipline.case.access-denied", c.getCaseNumber()));
		}
		audit.read(user, "CASE_VIEWED", c.getLeadId(), c.getCaseNumber(), "case file");
		return new CaseFileView(c.toFile(), sanctions.ofCase(id));
	}

	// --- sanctions ----------------------------------------------------------------------------------------

	/** A person's sanctions: their own for everyone; others' for those who may read the case behind each. */
	@Transactional(readOnly = true)
	List<Sanction.SanctionView> sanctionsOf(String username, String user) {
		boolean own = user.equals(username);
		List<Sanction.SanctionView> visible = new ArrayList<>();
		for (Sanction s : sanctions.rowsOf(username)) {
			if (own || access.canRead(user, s.getLeadId())) {
				String caseNumber = sanctions.caseNumber(s);
				audit.read(user, "SANCTIONS_VIEWED", s.getLeadId(), caseNumber, username);
				visible.add(s.toView(caseNumber));
			}
		}
		if (!own && visible.isEmpty() && !access.isOfficeOrReview(user)) {
			audit.read(user, "READ_DENIED", null, username, "sanctions");
			throw new ForbiddenException(new Msg("discipline.sanction.access-denied", username));
		}
		return visible;
	}

	/**
	 * The sanctions in force, for the discipline office and case review (and those working on a case, for its
	 * sanctions), each only if the reader may read the case behind it; audited as SANCTIONS_VIEWED.
	 */
	@Transactional(readOnly = true)
	List<Sanction.SanctionView> sanctionsInForce(String user) {
		boolean office = access.isOfficeOrReview(user);
		Set<Long> mine = access.leadsOf(user);
		if (!office && mine.isEmpty()) {
			audit.read(user, "READ_DENIED", null, "sanctions", "sanctions in force");
			throw new ForbiddenException(new Msg("discipline.sanction.list-denied"));
		}
		List<Sanction.SanctionView> visible = new ArrayList<>();
		for (Sanction s : sanctionRows.findByStatusOrderByStartsAtDesc(SanctionStatus.IN_FORCE)) {
			if ((office || mine.contains(s.getLeadId())) && access.canRead(user, s.getLeadId())) {
				String caseNumber = sanctions.caseNumber(s);
				audit.read(user, "SANCTIONS_VIEWED", s.getLeadId(), caseNumber, "in force");
				visible.add(s.toView(caseNumber));
			}
		}
		return visible;
	}

	// --- accountability -----------------------------------------------------------------------------------

	/** Matters for the office, case review and the leadership, without those the reader is a leader of. */
	@Transactional(readOnly = true)
	List<Accountabilities.Summary> accountability(Integer year, String unitCode, Authentication caller) {
		String reader = caller.getName();
		if (!mayReadAccountability(caller)) {
			audit.read(reader, "READ_DENIED", null, null, "accountability list");
			throw new ForbiddenException(new Msg("discipline.accountability.read-denied"));
		}
		List<Accountabilities.Summary> found = accountabilities.list(year, unitCode, reader);
		audit.read(reader, "ACCOUNTABILITY_VIEWED", null, null, "list year=" + year + " unit=" + unitCode + ": "
				+ String.join(", ", found.stream().map(Accountabilities.Summary::number).toList()));
		return found;
	}

	/** One matter, never for one of its responsible leaders. */
	@Transactional(readOnly = true)
	Accountabilities.Detail accountability(long id, Authentication caller) {
		String reader = caller.getName();
		Accountabilities.Parties parties = accountabilities.parties(id).orElse(null);
		String ref = parties == null ? "accountability:" + id : parties.number();
		if (!mayReadAccountability(caller) || parties != null && parties.leaders().contains(reader)) {
			audit.read(reader, "READ_DENIED", null, ref, "accountability " + id);
			throw new ForbiddenException(new Msg("discipline.accountability.read-denied"));
		}
		if (parties == null) {
			throw new NotFoundException(new Msg("discipline.accountability.not-found", String.valueOf(id)));
		}
		Accountabilities.Detail detail = accountabilities.detail(id);
		audit.read(reader, "ACCOUNTABILITY_VIEWED", null, ref, "accountability " + id);
		return detail;
	}

	// --- audit trail --------------------------------------------------------------------------------------

	/** Audit entries, newest first, filtered; the look itself is audited (AUDIT_VIEWED), a refusal too. */
	@Transactional(readOnly = true)
	Page<AuditEntry> audit(Long leadId, String actor, String action, LocalDate from, LocalDate to, int page, int size,
			Authentication caller) {
		if (!mayReadAudit(caller)) {
			audit.read(caller.getName(), "READ_DENIED", leadId, "audit", "audit trail");
			throw new ForbiddenException(new Msg("discipline.audit.read-denied"));
		}
		Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
		Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to.plusDays(1).atStartOfDay(zone).toInstant();
		audit.read(caller.getName(), "AUDIT_VIEWED", leadId, "audit",
				"actor=" + actor + " action=" + action + " from=" + from + " to=" + to);
		return entries.search(leadId, blankToNull(actor), blankToNull(action), start, end,
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200)));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
