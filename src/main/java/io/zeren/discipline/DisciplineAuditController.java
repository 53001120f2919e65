package io.zeren.discipline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeren.identity.CallerGroups;
import io.zeren.identity.GroupIds;

/** The discipline audit trail, for the head of the discipline office and the audit administrator (itself audited). */
@RestController
@Tag(name = "Discipline audit", description = "Who read and changed which lead or case (纪检审计日志)")
class DisciplineAuditController {

	private final AuditRepository entries;

	private final DisciplineAccess access;

	private final DisciplineAudit audit;

	private final ZoneId zone;

	DisciplineAuditController(AuditRepository entries, DisciplineAccess access, DisciplineAudit audit,
			@Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.entries = entries;
		this.access = access;
		this.audit = audit;
		this.zone = zone;
	}

	@GetMapping("/api/discipline/audit")
	@Transactional(readOnly = true)
	@Operation(summary = "Audit entries, newest first; filter by lead, actor, action and day range (inclusive)")
	Page<AuditEntry> search(@RequestParam(required = false) Long leadId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			Authentication caller) {
		// The head of the discipline office oversees reads of cases; the audit administrator (三员) audits everything.
		if (!access.isOfficeHead(caller.getName()) && !CallerGroups.inAny(caller, GroupIds.AUDIT_ADMINS)) {
			audit.read(caller.getName(), "READ_DENIED", leadId, "audit", "audit trail");
			throw new AccessDeniedException("Only the head of the discipline office reads the audit trail");
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
