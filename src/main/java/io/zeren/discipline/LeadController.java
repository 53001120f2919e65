package io.zeren.discipline;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The lead register over REST. Confidential: only the discipline office registers; the office, case review and
 * the people working on a lead read it; every read and every refusal is in the audit trail. The disposal
 * itself happens in Tasklist (LeadDisposalProcess).
 */
@RestController
@Tag(name = "Discipline leads", description = "问题线索: register, files and new information (confidential)")
class LeadController {

	record InformationRequest(String text) {
	}

	private final DisciplineReads reads;

	LeadController(DisciplineReads reads) {
		this.reads = reads;
	}

	@PostMapping("/api/discipline/leads")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a lead (discipline office only): stored, audited, the registrar becomes a handler, "
			+ "LeadDisposalProcess starts (business key = lead number). 400 lists every problem of the input")
	Leads.LeadView register(@RequestBody LeadRules.LeadRequest body, Authentication caller) {
		return reads.registerLead(body, caller);
	}

	@GetMapping("/api/discipline/leads")
	@Operation(summary = "The lead register, filtered by status, source and year: all leads for the discipline office "
			+ "and case review, a participant's own leads otherwise (never the informant); 403 for anyone else")
	List<Leads.LeadView> list(@RequestParam(required = false) LeadStatus status,
			@RequestParam(required = false) LeadSource source, @RequestParam(required = false) Integer year,
			Authentication caller) {
		return reads.leadRegister(status, source, year, caller);
	}

	@GetMapping("/api/discipline/leads/{id}")
	@Operation(summary = "A lead's file: the lead, its disposal history, the inquiry answer and the verification "
			+ "report. The informant is shown to the discipline office only, masked as （保密） for other readers")
	Leads.LeadFile file(@PathVariable long id, Authentication caller) {
		return reads.leadFile(id, caller);
	}

	@PostMapping("/api/discipline/leads/{id}/information")
	@Operation(summary = "New information on an open lead (discipline office): stored in the file; a lead set aside "
			+ "(暂存待查) comes back to the office head for a new disposal decision at once")
	Leads.LeadView information(@PathVariable long id, @RequestBody InformationRequest body, Authentication caller) {
		return reads.addInformation(id, body == null ? null : body.text(), caller);
	}

}
