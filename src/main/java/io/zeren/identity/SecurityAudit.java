package io.zeren.identity;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security audit trail: refused and suspicious attempts at every door, and administrative acts, each with the
 * authenticated actor (never a name taken from a request body or a process variable). Every line commits in a
 * transaction of its own, so a refusal that rolls the caller's work back is still on record.
 */
@Component
public class SecurityAudit {

	/** What happened to the attempt. */
	public enum Outcome {
		REFUSED, ALLOWED, FAILED
	}

	private final SecurityAuditRepository entries;

	SecurityAudit(SecurityAuditRepository entries) {
		this.entries = entries;
	}

	/** A refused attempt: who (null = anonymous), what, on what, from where, and why. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(String actor, String action, String target, String source, String detail) {
		save(actor, action, Outcome.REFUSED, target, source, detail);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String actor, String action, Outcome outcome, String target, String source, String detail) {
		save(actor, action, outcome, target, source, detail);
	}

	private void save(String actor, String action, Outcome outcome, String target, String source, String detail) {
		// Wall-clock time: tests move the engine's clock, an audit line keeps when it really happened.
		entries.save(new SecurityAuditEntry(Instant.now(),
				actor == null || actor.isBlank() ? "anonymous" : actor, action, outcome, target, source, detail));
	}

	@Transactional(readOnly = true)
	public Page<SecurityAuditEntry> search(String actor, String action, Instant from, Instant to, Pageable page) {
		return entries.search(actor, action, from, to, page);
	}

	/** Every kind of line the trail holds, for a filter. */
	@Transactional(readOnly = true)
	public java.util.List<String> actions() {
		return entries.findActions();
	}

}
