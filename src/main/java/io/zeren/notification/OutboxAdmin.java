package io.zeren.notification;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.notification.OutboxMail.OutboxView;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;

/** What admins see of the outbox and how they retry mails that failed. */
@Service
@Transactional
class OutboxAdmin {

	private final OutboxRepository mails;

	private final Clock clock;

	OutboxAdmin(OutboxRepository mails, ObjectProvider<Clock> clock) {
		this.mails = mails;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional(readOnly = true)
	Page<OutboxView> list(MailStatus status, Pageable page) {
		return (status == null ? mails.findAll(page) : mails.findByStatus(status, page)).map(OutboxMail::toView);
	}

	/** How many mails are in each state, in the order of {@link MailStatus}. */
	@Transactional(readOnly = true)
	java.util.Map<MailStatus, Long> counts() {
		java.util.Map<MailStatus, Long> counts = new java.util.EnumMap<>(MailStatus.class);
		for (MailStatus status : MailStatus.values()) {
			counts.put(status, mails.countByStatus(status));
		}
		return counts;
	}

	/** Gives a failed mail a fresh round of attempts, due now. */
	OutboxView retry(Long id) {
		OutboxMail mail = mails.findById(id)
			.orElseThrow(() -> new NotFoundException(new Msg("mail.outbox.not-found", String.valueOf(id))));
		if (mails.retry(id, clock.instant()) == 0) {
			throw new RuleViolationException(new Msg("mail.outbox.not-failed", String.valueOf(id), mail.getStatus()));
		}
		return mails.findById(id).orElseThrow().toView();
	}

	int retryAllFailed() {
		return mails.retryAllFailed(clock.instant());
	}

}
