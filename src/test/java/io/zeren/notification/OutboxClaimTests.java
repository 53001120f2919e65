package io.zeren.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.data.domain.PageRequest;

/**
 * The claim rules, on the real schema: a node may claim a mail that is PENDING and due, or SENDING under a
 * lease that ran out; nothing else. Recording the outcome needs the claim.
 */
@DataJpaTest(showSql = false)
class OutboxClaimTests {

	private static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");

	private static final Instant LEASE_END = T0.plus(Duration.ofMinutes(5));

	@Autowired
	OutboxRepository mails;

	@Test
	void shouldLetOnlyOneNodeClaimADueMail() {
		Long id = queue("a", MailStatus.PENDING, T0);

		assertThat(mails.findClaimable(T0, PageRequest.of(0, 10))).containsExactly(id);
		assertThat(mails.claim(id, "node-1", T0, LEASE_END)).isEqualTo(1);
		assertThat(mails.claim(id, "node-2", T0, LEASE_END)).isZero();
		assertThat(mails.findClaimable(T0.plusSeconds(299), PageRequest.of(0, 10))).isEmpty();

		OutboxMail claimed = mails.findById(id).orElseThrow();
		assertThat(claimed.getStatus()).isEqualTo(MailStatus.SENDING);
		assertThat(claimed.toView().lockedBy()).isEqualTo("node-1");
		assertThat(claimed.getAttempts()).isEqualTo(1);
	}

	@Test
	void shouldNotClaimAMailBeforeItIsDue() {
		Long id = queue("b", MailStatus.PENDING, T0.plusSeconds(30));

		assertThat(mails.findClaimable(T0, PageRequest.of(0, 10))).doesNotContain(id);
		assertThat(mails.claim(id, "node-1", T0, LEASE_END)).isZero();
		assertThat(mails.claim(id, "node-1", T0.plusSeconds(30), LEASE_END)).isEqualTo(1);
	}

	@Test
	void shouldClaimAgainWhenTheLeaseRanOutAndIgnoreTheLateNode() {
		Long id = queue("c", MailStatus.PENDING, T0);
		mails.claim(id, "node-1", T0, LEASE_END);

		assertThat(mails.claim(id, "node-2", LEASE_END, LEASE_END.plus(Duration.ofMinutes(5)))).isZero();
		Instant later = LEASE_END.plusSeconds(1);
		assertThat(mails.findClaimable(later, PageRequest.of(0, 10))).containsExactly(id);
		assertThat(mails.claim(id, "node-2", later, later.plus(Duration.ofMinutes(5)))).isEqualTo(1);

		// node-1 wakes up: it can no longer record anything about the mail.
		assertThat(mails.markSent(id, "node-1", later)).isZero();
		assertThat(mails.markFailed(id, "node-1", MailStatus.FAILED, later, "late")).isZero();
		assertThat(mails.markSent(id, "node-2", later)).isEqualTo(1);
		OutboxMail sent = mails.findById(id).orElseThrow();
		assertThat(sent.getStatus()).isEqualTo(MailStatus.SENT);
		assertThat(sent.getAttempts()).isEqualTo(2);
		assertThat(sent.toView().lockedBy()).isNull();
	}

	@Test
	void shouldNeverClaimHeldSentOrFailedMail() {
		Long held = queue("d", MailStatus.HELD, T0);
		Long sent = queue("e", MailStatus.PENDING, T0);
		mails.claim(sent, "node-1", T0, LEASE_END);
		mails.markSent(sent, "node-1", T0);
		Long failed = queue("f", MailStatus.PENDING, T0);
		mails.claim(failed, "node-1", T0, LEASE_END);
		mails.markFailed(failed, "node-1", MailStatus.FAILED, T0, "550 no such user");

		Instant muchLater = T0.plus(Duration.ofDays(30));
		assertThat(mails.findClaimable(muchLater, PageRequest.of(0, 10))).isEmpty();
		for (Long id : List.of(held, sent, failed)) {
			assertThat(mails.claim(id, "node-2", muchLater, muchLater.plusSeconds(300))).as("claim " + id).isZero();
		}
	}

	@Test
	void shouldPutAFailedAttemptBackInLineUntilItsNextTime() {
		Long id = queue("g", MailStatus.PENDING, T0);
		mails.claim(id, "node-1", T0, LEASE_END);
		mails.markFailed(id, "node-1", MailStatus.PENDING, T0.plusSeconds(30), "Connection refused");

		assertThat(mails.findClaimable(T0.plusSeconds(29), PageRequest.of(0, 10))).isEmpty();
		assertThat(mails.findClaimable(T0.plusSeconds(30), PageRequest.of(0, 10))).containsExactly(id);
		assertThat(mails.findById(id).orElseThrow().toView().lastError()).isEqualTo("Connection refused");
	}

	@Test
	void shouldRetryOnlyFailedMail() {
		Long pending = queue("h", MailStatus.PENDING, T0);
		Long failed = queue("i", MailStatus.PENDING, T0);
		mails.claim(failed, "node-1", T0, LEASE_END);
		mails.markFailed(failed, "node-1", MailStatus.FAILED, T0, "550");

		assertThat(mails.retry(pending, T0)).isZero();
		assertThat(mails.retry(failed, T0.plusSeconds(60))).isEqualTo(1);
		OutboxMail retried = mails.findById(failed).orElseThrow();
		assertThat(retried.getStatus()).isEqualTo(MailStatus.PENDING);
		assertThat(retried.getAttempts()).isZero();
		assertThat(mails.findClaimable(T0.plusSeconds(60), PageRequest.of(0, 10))).contains(pending, failed);
	}

	@Test
	void shouldTakeEachHeldReminderIntoOneDigestOnly() {
		Long first = queue("j", MailStatus.HELD, T0);
		Long second = queue("k", MailStatus.HELD, T0);

		assertThat(mails.markDigested(List.of(first, second), T0)).isEqualTo(2);
		assertThat(mails.markDigested(List.of(first, second), T0)).isZero();
		assertThat(mails.findHeld("lina")).isEmpty();
	}

	private Long queue(String key, MailStatus status, Instant at) {
		return mails.save(new OutboxMail("test:" + key, "task-reminder", "lina", "lina@zeren.example",
				Locale.SIMPLIFIED_CHINESE, "subject", List.of("{}"), status, at)).getId();
	}

}
