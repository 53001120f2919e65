package io.zeren.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Combines the reminders held for people who chose a daily digest into one mail per person. Each person's
 * digest is made in its own transaction, and only from reminders that are still HELD when it commits: if
 * two nodes run the digest at the same time, each reminder goes into exactly one of them.
 */
@Component
class DailyDigest {

	static final String TEMPLATE = "daily-digest";

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	private static final List<String> ITEM_FIELDS = List.of("taskId", "taskName", "processName", "businessKey", "due");

	private final OutboxRepository mails;

	private final Outbox outbox;

	private final ObjectMapper json;

	private final TransactionTemplate tx;

	private final Clock clock;

	DailyDigest(OutboxRepository mails, Outbox outbox, ObjectMapper json, PlatformTransactionManager transactions,
			ObjectProvider<Clock> clock) {
		this.mails = mails;
		this.outbox = outbox;
		this.json = json;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Queues a digest for everyone with held reminders; returns how many digests were queued. */
	int queueDigests() {
		int queued = 0;
		for (String recipient : mails.findRecipientsWithHeldMail()) {
			if (Boolean.TRUE.equals(tx.execute(status -> {
				boolean made = combine(recipient);
				if (!made) {
					status.setRollbackOnly();
				}
				return made;
			}))) {
				queued++;
			}
		}
		return queued;
	}

	private boolean combine(String recipient) {
		List<OutboxMail> held = mails.findHeld(recipient);
		if (held.isEmpty()) {
			return false;
		}
		// Read everything needed before the bulk update below detaches the loaded mails.
		List<Long> ids = held.stream().map(OutboxMail::getId).toList();
		OutboxMail first = held.get(0);
		OutboxMail latest = held.get(held.size() - 1);
		List<Map<String, Object>> items = new ArrayList<>();
		Object recipientName = recipient;
		for (OutboxMail mail : held) {
			Map<String, Object> model = MailModel.fromParts(json, mail.getModelParts());
			recipientName = model.getOrDefault("recipientName", recipientName);
			Map<String, Object> item = new LinkedHashMap<>();
			ITEM_FIELDS.forEach(field -> item.put(field, model.get(field)));
			items.add(item);
		}
		Instant now = clock.instant();
		if (mails.markDigested(ids, now) != ids.size()) {
			log.info("Reminders for {} were taken into a digest elsewhere meanwhile; skipped here", recipient);
			return false;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("recipientName", recipientName);
		model.put("count", items.size());
		model.put("items", items);
		mails.save(new OutboxMail("digest:" + recipient + ":" + first.getId(), TEMPLATE, recipient, latest.getAddress(),
				latest.getLocale(), outbox.subject(TEMPLATE, List.of(items.size()), latest.getLocale()),
				MailModel.toParts(json, model), MailStatus.PENDING, now));
		return true;
	}

}
