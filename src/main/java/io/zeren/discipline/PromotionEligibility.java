package io.zeren.discipline;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.zeren.calendar.EngineClock;

/**
 * Whether a person may be promoted now as far as discipline is concerned: no sanction barring promotion (per
 * zeren.discipline.sanctions.promotion-blocks, else for as long as it is in force). Tells no case details.
 */
@Service
public class PromotionEligibility {

	private final Sanctions sanctions;

	PromotionEligibility(Sanctions sanctions) {
		this.sanctions = sanctions;
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
