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
import io.zeren.identity.CallerGroups;
import io.zeren.identity.GroupIds;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Msg;

/**
 * Accountability matters (问责) over REST. Confidential: only the discipline office, case review and the
 * leadership read them, never a leader the matter is about; every read and every refused read is audited.
 * The work itself (investigation, decision, delivery, appeals) is done in Tasklist.
 */
@RestController
@Tag(name = "Accountability", description = "问责: matters against the leaders answerable for a failing unit")
class AccountabilityController {

	static final String DISCIPLINE = GroupIds.role("DISCIPLINE");

	/** A matter the discipline office opens by hand. */
	record NewMatter(String unitCode, Integer year, String detail) {
	}

	private final Accountabilities accountabilities;

	private final DisciplineReads reads;

	private final DisciplineAudit audit;

	AccountabilityController(Accountabilities accountabilities, DisciplineReads reads, DisciplineAudit audit) {
		this.accountabilities = accountabilities;
		this.reads = reads;
		this.audit = audit;
	}

	@PostMapping("/api/discipline/accountability")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open an accountability matter on a unit (discipline office only); starts AccountabilityProcess "
			+ "with the unit head and the configured supervisor levels as responsible leaders")
	Accountabilities.Detail open(@RequestBody NewMatter body, Authentication caller) {
		if (!CallerGroups.inAny(caller, DISCIPLINE)) {
			throw new ForbiddenException(new Msg("discipline.accountability.open-denied"));
		}
		long id = accountabilities.openManual(body == null ? null : body.unitCode(), body == null ? null : body.year(),
				body == null ? null : body.detail(), caller.getName());
		Accountabilities.Detail detail = accountabilities.detail(id);
		audit.read(caller.getName(), "ACCOUNTABILITY_VIEWED", null, detail.matter().number(), "opened " + id);
		return detail;
	}

	@GetMapping("/api/discipline/accountability")
	@Operation(summary = "Accountability matters (discipline office, case review, leadership), newest first; "
			+ "a reader who is one of a matter's responsible leaders does not see it")
	List<Accountabilities.Summary> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String unitCode, Authentication caller) {
		return reads.accountability(year, unitCode, caller);
	}

	@GetMapping("/api/discipline/accountability/{id}")
	@Operation(summary = "One matter with its grounds, responsible leaders, report, decision and appeals")
	Accountabilities.Detail detail(@PathVariable long id, Authentication caller) {
		return reads.accountability(id, caller);
	}

}
