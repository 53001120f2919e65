package io.zeren.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.InLists;

/**
 * Queues mails. Runs in the caller's transaction (the engine's, for task events), so a rolled-back task
 * queues nothing, and it only writes rows: sending happens later in {@link MailDelivery}, so a mail server
 * that is down can neither fail nor slow down the business transaction.
 */
@Service
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	static final int MAX_KEY_LENGTH = 200;

	private final OutboxRepository mails;

	private final MailPreferenceRepository preferences;

	private final OrganisationDirectory directory;

	private final MailRenderer renderer;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final MailProperties properties;

	private final Clock clock;

	Outbox(OutboxRepository mails, MailPreferenceRepository preferences, OrganisationDirectory directory,
			MailRenderer renderer, MessageSource messages, ObjectMapper json, MailProperties properties,
			ObjectProvider<Clock> clock) {
		this.mails = mails;
		this.preferences = preferences;
		this.directory = directory;
		this.renderer = renderer;
		this.messages = messages;
		this.json = json;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Queues one mail per recipient. A recipient who already has a mail with this key (the same event handled
	 * twice, e.g. by a retried job) gets no second one; people without a staff record (such as {@code admin})
	 * or no longer in service get none.
	 * <p>
	 * The mails are written when the transaction commits, all of them together: the keys are checked against
	 * the committed mails in one query and the rows inserted in JDBC batches (a kick-off batch queues a mail per
	 * member; asked and written one by one that was a query, two inserts and a flush each, docs/performance.md
	 * item 30). A key queued twice in the same transaction counts once. If the check or the insert fails, the
	 * transaction rolls back with everything it did. Not for a transaction's own before-commit callbacks (Zeren
	 * has none that mail, and Spring would not run a synchronization registered there).
	 *
	 * @param subjectArgs arguments of the subject message {@code mail.<template>.subject}
	 * @param digestible whether the mail may wait for the recipient's daily digest
	 */
	@Transactional
	void enqueue(String template, Collection<String> usernames, Map<String, Object> model, List<?> subjectArgs,
			String dedupKey, boolean digestible) {
		if (!renderer.exists(template)) {
			throw new IllegalArgumentException("No mail template templates/mail/" + template + ".html");
		}
		if (dedupKey == null || dedupKey.isBlank()) {
			throw new IllegalArgumentException("A mail needs a dedup key");
		}
		Set<String> recipients = new LinkedHashSet<>(usernames);
		recipients.remove(null);
		Queued queued = queuedInThisTransaction();
		for (String username : recipients) {
			String key = key(dedupKey, username);
			if (queued.mails.containsKey(key)) {
				log.debug("Mail {} already queued, not queued again", key);
				continue;
			}
			Optional<StaffInfo> staff = directory.cachedStaffInfo(username);
			if (staff.isEmpty() || !staff.get().active()) {
				log.info("No mail {} for {}: {}", template, username,
						staff.isEmpty() ? "no staff record" : "no longer in service");
				continue;
			}
			Map<String, Object> personal = new LinkedHashMap<>(model);
			personal.put("recipientName", staff.get().fullName());
			Locale locale = localeOf(staff.get());
			MailStatus status = digestible && preferences.existsByUsernameAndDigestTrue(username) ? MailStatus.HELD
					: MailStatus.PENDING;
			OutboxMail mail = new OutboxMail(key, template, username, staff.get().email(), locale,
					subject(template, subjectArgs, locale), MailModel.toParts(json, personal), status, clock.instant());
			queued.mails.put(key, mail);
		}
	}

	/** The mails queued in the current transaction; the first mail registers them to be written before it commits. */
	private Queued queuedInThisTransaction() {
		// @Transactional on enqueue: there is a transaction, and Spring synchronizes every one by default.
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Mails are queued inside a transaction with synchronization");
		}
		// Found among the transaction's synchronizations (not bound as a resource): an inner REQUIRES_NEW
		// transaction suspends its caller's synchronizations, so its mails commit with it, not with the caller.
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Queued queued && queued.outbox() == this) {
				if (queued.writing) {
					throw new IllegalStateException("Mails cannot be queued while the transaction's mails are written");
				}
				return queued;
			}
		}
		Queued queued = new Queued();
		TransactionSynchronizationManager.registerSynchronization(queued);
		return queued;
	}

	/** Writes a transaction's queued mails, but those whose key a committed mail already has. */
	private void write(Queued queued) {
		queued.writing = true;
		if (queued.mails.isEmpty()) {
			return;
		}
		Set<String> committed = InLists.queryAll(List.copyOf(queued.mails.keySet()), mails::findDedupKeysAmong);
		for (OutboxMail mail : queued.mails.values()) {
			if (committed.contains(mail.getDedupKey())) {
				log.debug("Mail {} already queued, not queued again", mail.getDedupKey());
			}
			else {
				mails.save(mail);
			}
		}
		mails.flush();
	}

	/** One transaction's queued mails, by key in the order queued; written in its before-commit phase. */
	private final class Queued implements TransactionSynchronization {

		private final Map<String, OutboxMail> mails = new LinkedHashMap<>();

		private boolean writing;

		@Override
		public void beforeCommit(boolean readOnly) {
			write(this);
		}

		private Outbox outbox() {
			return Outbox.this;
		}

	}

	String subject(String template, List<?> args, Locale locale) {
		Object[] values = args.stream().map(arg -> arg == null ? "" : arg).toArray();
		return messages.getMessage("mail." + template + ".subject", values, template, locale);
	}

	/** Every staff member reads mail in the configured language until staff get a language of their own. */
	Locale localeOf(StaffInfo staff) {
		return properties.defaultLocale();
	}

	/** The event's key made per recipient; keys too long for the column keep a readable head and a hash. */
	static String key(String dedupKey, String username) {
		String key = dedupKey + "|" + username;
		if (key.length() <= MAX_KEY_LENGTH) {
			return key;
		}
		return key.substring(0, MAX_KEY_LENGTH - 65) + "#" + sha256(key);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
