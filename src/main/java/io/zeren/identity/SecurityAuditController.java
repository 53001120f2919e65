package io.zeren.identity;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The security audit trail, for the audit administrator only (SecurityConfiguration); each look is itself recorded. */
@RestController
@Tag(name = "Security audit", description = "Refused and suspicious attempts, administrative acts (安全审计日志)")
class SecurityAuditController {

	private final SecurityAudit audit;

	private final ZoneId zone;

	SecurityAuditController(SecurityAudit audit, @Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.audit = audit;
		this.zone = zone;
	}

	@GetMapping("/api/audit/security")
	@Operation(summary = "Security audit lines, newest first; filter by actor, action and day range (inclusive)")
	Page<SecurityAuditEntry> search(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Principal caller) {
		Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
		Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to.plusDays(1).atStartOfDay(zone).toInstant();
		audit.record(caller.getName(), "AUDIT_VIEWED", SecurityAudit.Outcome.ALLOWED, "security audit", null,
				"actor=" + actor + " action=" + action + " from=" + from + " to=" + to);
		return audit.search(blankToNull(actor), blankToNull(action), start, end,
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200)));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
