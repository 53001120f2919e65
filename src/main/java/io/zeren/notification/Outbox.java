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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;

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
	 *
	 * @param subjectArgs arguments of the subject message {@code mail.<template>.subject}
	 * @param digestible whether the mail may wait for the recipient's daily digest
	 * @return how many mails were queued
	 */
	@Transactional
	int enqueue(String template, Collection<String> usernames, Map<String, Object> model, List<?> subjectArgs,
			String dedupKey, boolean digestible) {
		if (!renderer.exists(template)) {
			throw new IllegalArgumentException("No mail template templates/mail/" + template + ".html");
		}
		if (dedupKey == null || dedupKey.isBlank()) {
			throw new IllegalArgumentException("A mail needs a dedup key");
		}
		Set<String> recipients = new LinkedHashSet<>(usernames);
		recipients.remove(null);
		int queued = 0;
		for (String username : recipients) {
			String key = key(dedupKey, username);
			if (mails.countByDedupKey(key) > 0) {
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
			mails.save(new OutboxMail(key, template, username, staff.get().email(), locale,
					subject(template, subjectArgs, locale), MailModel.toParts(json, personal), status, clock.instant()));
			queued++;
		}
		return queued;
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
