package io.zeren.discipline;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitRole;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Msg;

/**
 * Whether a person may be promoted now as far as discipline is concerned: no sanction barring promotion (per
 * zeren.discipline.sanctions.promotion-blocks, else for as long as it is in force). Tells no case details.
 */
@Service
public class PromotionEligibility {

	private final Sanctions sanctions;

	private final OrganisationDirectory directory;

	private final LeadRepository leads;

	private final EligibilityProperties readers;

	private final DisciplineAudit audit;

	PromotionEligibility(Sanctions sanctions, OrganisationDirectory directory, LeadRepository leads,
			EligibilityProperties readers, DisciplineAudit audit) {
		this.sanctions = sanctions;
		this.directory = directory;
		this.leads = leads;
		this.readers = readers;
		this.audit = audit;
	}

	/**
	 * The answer for a person who needs to know: a member of a reader role (the leadership), or the head or a
	 * deputy of a unit that prepares promotions (zeren.discipline.eligibility) — never the person asked about, never
	 * someone who reported them (the informant of a lead against them). Everyone else gets one refusal, whether the
	 * person asked about exists or has sanctions or not. Each read and each refusal is on the audit trail.
	 */
	@Transactional(readOnly = true)
	public Eligibility askedBy(String reader, String username) {
		String refused = refusal(reader, username);
		if (refused != null) {
			audit.read(reader, "READ_DENIED", null, username, "promotion eligibility: " + refused);
			throw new ForbiddenException(new Msg("discipline.eligibility.denied"));
		}
		Eligibility answer = of(username);
		audit.read(reader, "ELIGIBILITY_VIEWED", null, username, answer.eligible() ? "eligible" : "blocked");
		return answer;
	}

	/** Why the reader may not ask, or null if they may. */
	private String refusal(String reader, String username) {
		if (reader.equals(username)) {
			return "the person themself";
		}
		Optional<OrganisationDirectory.Membership> membership = directory.membership(reader)
			.filter(m -> m.staff().active());
		if (membership.isEmpty()) {
			return "not active staff";
		}
		StaffInfo staff = membership.get().staff();
		boolean role = readers.readerRoles().stream().anyMatch(membership.get().roleCodes()::contains);
		boolean cadre = (staff.unitRole() == UnitRole.HEAD || staff.unitRole() == UnitRole.DEPUTY)
				&& readers.leadingCadresOf().contains(staff.unitCode());
		if (!role && !cadre) {
			return "no need to know";
		}
		if (leads.existsBySubjectUsernameAndInformantUsername(username, reader)) {
			return "informant against the person";
		}
		return null;
	}

	public Eligibility of(String username) {
		return at(username, EngineClock.now());
	}

	public Eligibility at(String username, Instant at) {
		Optional<Optional<Instant>> blocked = sanctions.promotionBlockedUntil(username, at);
		return blocked.map(until -> new Eligibility(username, false, until.orElse(null), until.isEmpty()))
			.orElseGet(() -> new Eligibility(username, true, null, false));
	}

	/**
	 * @param eligible no sanction bars promotion now
	 * @param blockedUntil when the bar ends (null when eligible, or when it has no end)
	 * @param indefinitely barred without an end (a sanction without a period)
	 */
	public record Eligibility(String username, boolean eligible, Instant blockedUntil, boolean indefinitely) {
	}

}
