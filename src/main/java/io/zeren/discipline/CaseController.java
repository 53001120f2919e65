package io.zeren.discipline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Msg;

/**
 * Case files, sanctions and promotion eligibility over REST (the case itself is worked in Tasklist). Every read
 * is checked against {@link DisciplineAccess} and written to the audit trail, refused reads too (READ_DENIED).
 */
@RestController
@Tag(name = "Discipline cases", description = "Case files (立案审查), sanctions and promotion eligibility; confidential and audited")
class CaseController {

	private final DisciplineCases cases;

	private final Sanctions sanctions;

	private final PromotionEligibility eligibility;

	private final DisciplineAccess access;

	private final DisciplineAudit audit;

	CaseController(DisciplineCases cases, Sanctions sanctions, PromotionEligibility eligibility,
			DisciplineAccess access, DisciplineAudit audit) {
		this.cases = cases;
		this.sanctions = sanctions;
		this.eligibility = eligibility;
		this.access = access;
		this.audit = audit;
	}

	/** The case file with its sanctions. */
	record CaseFileView(DisciplineCase.CaseFile file, List<Sanction.SanctionView> sanctions) {
	}

	@GetMapping("/api/discipline/cases")
	@Operation(summary = "Cases the caller may read: all for the discipline office and case review (except where they "
			+ "must recuse themselves), the cases they work on for others. Each listed case is audited as CASE_VIEWED")
	List<DisciplineCase.CaseSummary> list(Authentication caller) {
		String user = caller.getName();
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

	@GetMapping("/api/discipline/cases/{id}")
	@Operation(summary = "The case file (internal report and review opinion included): for the discipline office, case "
			+ "review and those working on the case, never for the subject. Audited as CASE_VIEWED or READ_DENIED")
	CaseFileView detail(@PathVariable long id, Authentication caller) {
		String user = caller.getName();
		DisciplineCase c = cases.find(id);
		if (!access.canRead(user, c.getLeadId())) {
			audit.read(user, "READ_DENIED", c.getLeadId(), c.getCaseNumber(), "case file");
			throw new ForbiddenException(new Msg("discipline.case.access-denied", c.getCaseNumber()));
		}
		audit.read(user, "CASE_VIEWED", c.getLeadId(), c.getCaseNumber(), "case file");
		return new CaseFileView(c.toFile(), sanctions.ofCase(id));
	}

	@GetMapping("/api/discipline/sanctions")
	@Operation(summary = "A person's sanctions (kind, period, promotion block, status): their own for everyone; others' "
			+ "for those who may read the case behind each. Audited as SANCTIONS_VIEWED or READ_DENIED")
	List<Sanction.SanctionView> sanctions(@RequestParam String username, Authentication caller) {
		String user = caller.getName();
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

	@GetMapping("/api/discipline/promotion-eligibility/{username}")
	@Operation(summary = "Whether discipline bars a person's promotion now, and until when — no case details. For the "
			+ "leadership and the head and deputies of the units that prepare promotions (zeren.discipline.eligibility), "
			+ "never the person themself or their informant; one 403 for everyone else. Audited either way")
	PromotionEligibility.Eligibility eligibility(@PathVariable String username, Authentication caller) {
		return eligibility.askedBy(caller.getName(), username);
	}

}
