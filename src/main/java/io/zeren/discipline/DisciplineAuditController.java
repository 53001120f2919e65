package io.zeren.discipline;

import java.time.LocalDate;

import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The discipline audit trail, for the head of the discipline office and the audit administrator (itself audited). */
@RestController
@Tag(name = "Discipline audit", description = "Who read and changed which lead or case (纪检审计日志)")
class DisciplineAuditController {

	private final DisciplineReads reads;

	DisciplineAuditController(DisciplineReads reads) {
		this.reads = reads;
	}

	@GetMapping("/api/discipline/audit")
	@Operation(summary = "Audit entries, newest first; filter by lead, actor, action and day range (inclusive)")
	Page<AuditEntry> search(@RequestParam(required = false) Long leadId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			Authentication caller) {
		return reads.audit(leadId, actor, action, from, to, page, size, caller);
	}

}
