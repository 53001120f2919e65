package io.zeren.discipline;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Case files, sanctions and promotion eligibility over REST (the case itself is worked in Tasklist). Every read
 * is checked against {@link DisciplineAccess} and written to the audit trail, refused reads too (READ_DENIED), by
 * {@link DisciplineReads}, which the workbench pages call too.
 */
@RestController
@Tag(name = "Discipline cases", description = "Case files (立案审查), sanctions and promotion eligibility; confidential and audited")
class CaseController {

	private final DisciplineReads reads;

	private final PromotionEligibility eligibility;

	CaseController(DisciplineReads reads, PromotionEligibility eligibility) {
		this.reads = reads;
		this.eligibility = eligibility;
	}

	@GetMapping("/api/discipline/cases")
	@Operation(summary = "Cases the caller may read: all for the discipline office and case review (except where they "
			+ "must recuse themselves), the cases they work on for others. Each listed case is audited as CASE_VIEWED")
	List<DisciplineCase.CaseSummary> list(Authentication caller) {
		return reads.cases(caller.getName());
	}

	@GetMapping("/api/discipline/cases/{id}")
	@Operation(summary = "The case file (internal report and review opinion included): for the discipline office, case "
			+ "review and those working on the case, never for the subject. Audited as CASE_VIEWED or READ_DENIED")
	DisciplineReads.CaseFileView detail(@PathVariable long id, Authentication caller) {
		return reads.caseFile(id, caller.getName());
	}

	@GetMapping("/api/discipline/sanctions")
	@Operation(summary = "A person's sanctions (kind, period, promotion block, status): their own for everyone; others' "
			+ "for those who may read the case behind each. Audited as SANCTIONS_VIEWED or READ_DENIED")
	List<Sanction.SanctionView> sanctions(@RequestParam String username, Authentication caller) {
		return reads.sanctionsOf(username, caller.getName());
	}

	@GetMapping("/api/discipline/promotion-eligibility/{username}")
	@Operation(summary = "Whether discipline bars a person's promotion now, and until when — no case details. For the "
			+ "leadership and the head and deputies of the units that prepare promotions (zeren.discipline.eligibility), "
			+ "never the person themself or their informant; one 403 for everyone else. Audited either way")
	PromotionEligibility.Eligibility eligibility(@PathVariable String username, Authentication caller) {
		return eligibility.askedBy(caller.getName(), username);
	}

}
