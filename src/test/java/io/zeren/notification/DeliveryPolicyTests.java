package io.zeren.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DeliveryPolicyTests {

	private static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");

	private final DeliveryPolicy policy = new DeliveryPolicy(8, Duration.ofSeconds(30), 2, Duration.ofHours(1),
			Duration.ofMinutes(5));

	@Test
	void shouldDoubleThePauseAfterEachFailedAttempt() {
		assertThat(IntStream.rangeClosed(1, 7).mapToObj(policy::delayAfter)).containsExactly(Duration.ofSeconds(30),
				Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
				Duration.ofMinutes(16), Duration.ofMinutes(32));
	}

	@Test
	void shouldNeverPauseLongerThanTheMaximum() {
		assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofHours(1));
		assertThat(policy.delayAfter(500)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void shouldRetryUntilTheLastAttemptAndThenGiveUp() {
		assertThat(policy.afterFailure(1, NOW)).isEqualTo(new DeliveryPolicy.Next(MailStatus.PENDING, NOW.plusSeconds(30)));
		assertThat(policy.afterFailure(7, NOW))
			.isEqualTo(new DeliveryPolicy.Next(MailStatus.PENDING, NOW.plus(Duration.ofMinutes(32))));
		assertThat(policy.afterFailure(8, NOW).status()).isEqualTo(MailStatus.FAILED);
		assertThat(policy.afterFailure(9, NOW).status()).isEqualTo(MailStatus.FAILED);
	}

	@Test
	void shouldGiveUpAtOnceWhenOnlyOneAttemptIsAllowed() {
		DeliveryPolicy once = new DeliveryPolicy(1, Duration.ofSeconds(30), 2, Duration.ofHours(1), Duration.ofMinutes(5));

		assertThat(once.afterFailure(1, NOW).status()).isEqualTo(MailStatus.FAILED);
	}

	@Test
	void shouldHoldAClaimForTheLease() {
		assertThat(policy.lockedUntil(NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void shouldRejectPoliciesThatCannotWork() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeliveryPolicy(0, Duration.ofSeconds(30), 2, Duration.ofHours(1), Duration.ofMinutes(5)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeliveryPolicy(8, Duration.ofSeconds(30), 0.5, Duration.ofHours(1), Duration.ofMinutes(5)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeliveryPolicy(8, Duration.ofHours(2), 2, Duration.ofHours(1), Duration.ofMinutes(5)));
	}

}
