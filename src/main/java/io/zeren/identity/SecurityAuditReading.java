package io.zeren.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The audit administrator reads the security audit trail (REST and page alike): newest first, filtered by actor,
 * action and a day range in the agency's zone (inclusive); each look is itself recorded.
 */
@Component
class SecurityAuditReading {

	static final int MAX_PAGE_SIZE = 200;

	private final SecurityAudit audit;

	private final ZoneId zone;

	SecurityAuditReading(SecurityAudit audit, @Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.audit = audit;
		this.zone = zone;
	}

	Page<SecurityAuditEntry> read(String reader, String actor, String action, LocalDate from, LocalDate to, int page,
			int size) {
		Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
		Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to.plusDays(1).atStartOfDay(zone).toInstant();
		audit.record(reader, "AUDIT_VIEWED", SecurityAudit.Outcome.ALLOWED, "security audit", null,
				"actor=" + actor + " action=" + action + " from=" + from + " to=" + to);
		return audit.search(blankToNull(actor), blankToNull(action), start, end,
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE)));
	}

	ZoneId zone() {
		return zone;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
