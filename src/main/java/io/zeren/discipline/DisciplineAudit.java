package io.zeren.discipline;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;

/**
 * The append-only audit trail of discipline work. Changes are recorded in the transaction that makes them
 * (a rolled-back change leaves no line); reads are recorded in a transaction of their own, so a read that is
 * then refused or fails is still on record.
 */
@Component
public class DisciplineAudit {

	private final AuditRepository entries;

	DisciplineAudit(AuditRepository entries) {
		this.entries = entries;
	}

	/** A change, within the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(String actor, String action, Long leadId, String ref, String detail) {
		entries.save(new AuditEntry(EngineClock.now(), actor == null ? "system" : actor, action, leadId, ref, detail));
	}

	/** A read (or a refused read), committed on its own. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void read(String actor, String action, Long leadId, String ref, String detail) {
		entries.save(new AuditEntry(EngineClock.now(), actor == null ? "anonymous" : actor, action, leadId, ref, detail));
	}

}
