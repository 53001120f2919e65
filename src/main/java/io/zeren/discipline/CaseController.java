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
import io.zeren.identity.CallerGroups;
import io.zeren.identity.GroupIds;
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

	private final DisciplineProperties properties;

	CaseController(DisciplineCases cases, Sanctions sanctions, PromotionEligibility eligibility,
			DisciplineAccess access, DisciplineAudit audit, DisciplineProperties properties) {
		this.cases = cases;
		this.sanctions = sanctions;
		this.eligibility = eligibility;
		this.access = access;
		this.audit = audit;
		this.properties = properties;
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
			+ "leadership, the political department and the discipline office")
	PromotionEligibility.Eligibility eligibility(@PathVariable String username, Authentication caller) {
		String user = caller.getName();
		if (!CallerGroups.inAny(caller, GroupIds.role(properties.roles().leadership()), GroupIds.role("POLITICAL"),
				GroupIds.role(properties.roles().office()))) {
			audit.read(user, "READ_DENIED", null, username, "promotion eligibility");
			throw new ForbiddenException(new Msg("discipline.eligibility.denied"));
		}
		audit.read(user, "ELIGIBILITY_VIEWED", null, username, null);
		return eligibility.of(username);
	}

}
