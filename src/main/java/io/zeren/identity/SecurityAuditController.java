package io.zeren.identity;

import java.security.Principal;
import java.time.LocalDate;

import org.springframework.data.domain.Page;
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

	private final SecurityAuditReading reading;

	SecurityAuditController(SecurityAuditReading reading) {
		this.reading = reading;
	}

	@GetMapping("/api/audit/security")
	@Operation(summary = "Security audit lines, newest first; filter by actor, action and day range (inclusive)")
	Page<SecurityAuditEntry> search(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Principal caller) {
		return reading.read(caller.getName(), actor, action, from, to, page, size);
	}

}
