package io.zeren.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the sender and the daily digest on every node (claims keep them from doing the same work twice).
 * Absent with {@code zeren.mail.enabled=false}, as in the test profile: tests drive {@link MailDelivery}
 * and {@link DailyDigest} themselves, so no background thread sends mail behind an unrelated test's back.
 */
@Component
@ConditionalOnProperty(prefix = "zeren.mail", name = "enabled", havingValue = "true", matchIfMissing = true)
class MailScheduler {

	private final MailDelivery delivery;

	private final DailyDigest digest;

	MailScheduler(MailDelivery delivery, DailyDigest digest) {
		this.delivery = delivery;
		this.digest = digest;
	}

	@Scheduled(fixedDelayString = "${zeren.mail.poll-interval:5s}", initialDelayString = "${zeren.mail.poll-interval:5s}")
	void deliverDue() {
		delivery.deliverDue();
	}

	@Scheduled(cron = "${zeren.mail.digest-cron:0 0 8 * * *}", zone = "${zeren.mail.zone:Asia/Shanghai}")
	void queueDigests() {
		digest.queueDigests();
		// Send them now rather than at the next poll.
		delivery.deliverDue();
	}

}
