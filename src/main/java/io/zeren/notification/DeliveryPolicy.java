package io.zeren.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * When a mail that could not be sent is tried again, and when the sender gives up on it. Attempts are
 * counted when a mail is claimed, so an attempt cut short by a crash counts too and a mail that kills its
 * sender cannot loop forever.
 */
record DeliveryPolicy(int maxAttempts, Duration base, double factor, Duration maxDelay, Duration lease) {

	DeliveryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("zeren.mail.max-attempts must be at least 1");
		}
		if (factor < 1) {
			throw new IllegalArgumentException("zeren.mail.backoff.factor must be at least 1");
		}
		if (base.isNegative() || maxDelay.compareTo(base) < 0) {
			throw new IllegalArgumentException("zeren.mail.backoff: need 0 <= base <= max");
		}
	}

	static DeliveryPolicy of(MailProperties properties) {
		return new DeliveryPolicy(properties.maxAttempts(), properties.backoff().base(), properties.backoff().factor(),
				properties.backoff().max(), properties.lease());
	}

	/** Pause after the given failed attempt (1 = the first): base × factor^(attempt − 1), capped. */
	Duration delayAfter(int attempt) {
		double millis = base.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
		return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
	}

	/** What becomes of a mail whose attempt number {@code attempt} just failed. */
	Next afterFailure(int attempt, Instant now) {
		if (attempt >= maxAttempts) {
			return new Next(MailStatus.FAILED, now);
		}
		return new Next(MailStatus.PENDING, now.plus(delayAfter(attempt)));
	}

	/** Until when a claim made now holds. */
	Instant lockedUntil(Instant now) {
		return now.plus(lease);
	}

	record Next(MailStatus status, Instant nextAttemptAt) {
	}

}
