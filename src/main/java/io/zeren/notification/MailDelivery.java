package io.zeren.notification;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends what is due in the outbox. A mail is claimed in one short transaction, sent with no transaction
 * open, and its outcome recorded in another: the SMTP conversation never holds a database lock or
 * connection. Delivery is at least once: a node that dies between sending and recording leaves the mail
 * SENDING until its lease runs out, and it is sent again with the same Message-ID, which receivers can use
 * to drop the duplicate.
 */
@Component
class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	/** Batches per run at most, so that one run cannot starve the digest job sharing the scheduler thread. */
	private static final int MAX_BATCHES = 10;

	private final OutboxRepository mails;

	private final JavaMailSender sender;

	private final MailRenderer renderer;

	private final ObjectMapper json;

	private final TransactionTemplate tx;

	private final DeliveryPolicy policy;

	private final MailProperties properties;

	private final Clock clock;

	private final String node;

	private final String messageIdDomain;

	MailDelivery(OutboxRepository mails, JavaMailSender sender, MailRenderer renderer, ObjectMapper json,
			PlatformTransactionManager transactions, DeliveryPolicy policy, MailProperties properties,
			ObjectProvider<Clock> clock) {
		this.mails = mails;
		this.sender = sender;
		this.renderer = renderer;
		this.json = json;
		this.tx = new TransactionTemplate(transactions);
		this.policy = policy;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.node = properties.nodeId() == null || properties.nodeId().isBlank() ? defaultNodeId() : properties.nodeId();
		this.messageIdDomain = domainOf(properties.from());
	}

	/** Sends every mail that is due now; returns how many were sent. */
	int deliverDue() {
		int sent = 0;
		for (int batch = 0; batch < MAX_BATCHES; batch++) {
			List<Claimed> claimed = claimBatch();
			if (claimed.isEmpty()) {
				break;
			}
			for (Claimed mail : claimed) {
				if (deliver(mail)) {
					sent++;
				}
			}
		}
		return sent;
	}

	String node() {
		return node;
	}

	/** The Message-ID of a mail: the same for every attempt, so a resent mail shows as a duplicate. */
	String messageId(String dedupKey) {
		return "<" + Outbox.sha256(dedupKey).substring(0, 40) + "@" + messageIdDomain + ">";
	}

	private List<Claimed> claimBatch() {
		return tx.execute(status -> {
			Instant now = clock.instant();
			List<Claimed> claimed = new ArrayList<>();
			for (Long id : mails.findClaimable(now, PageRequest.of(0, properties.batchSize()))) {
				if (mails.claim(id, node, now, policy.lockedUntil(now)) == 1) {
					mails.findById(id).map(Claimed::of).ifPresent(claimed::add);
				}
			}
			return claimed;
		});
	}

	private boolean deliver(Claimed mail) {
		try {
			Map<String, Object> model = MailModel.fromParts(json, mail.modelParts());
			String html = renderer.render(mail.template(), model, mail.locale());
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(properties.from());
			helper.setTo(mail.address());
			helper.setSubject(mail.subject());
			helper.setText(html, true);
			// JavaMailSenderImpl keeps a Message-ID that was set explicitly.
			message.setHeader("Message-ID", messageId(mail.dedupKey()));
			// RFC 3834: no vacation auto-replies to a robot.
			message.setHeader("Auto-Submitted", "auto-generated");
			sender.send(message);
		}
		catch (MessagingException | RuntimeException ex) {
			failed(mail, ex);
			return false;
		}
		Instant now = clock.instant();
		Integer marked = tx.execute(status -> mails.markSent(mail.id(), node, now));
		if (marked == null || marked == 0) {
			log.warn("Mail {} was sent, but {} no longer held its claim (lease {} too short?)", mail.id(), node,
					properties.lease());
		}
		return true;
	}

	private void failed(Claimed mail, Exception ex) {
		Instant now = clock.instant();
		DeliveryPolicy.Next next = policy.afterFailure(mail.attempts(), now);
		String error = describe(ex);
		tx.executeWithoutResult(status -> mails.markFailed(mail.id(), node, next.status(), next.nextAttemptAt(), error));
		if (next.status() == MailStatus.FAILED) {
			log.error("Mail {} to {} failed for good after {} attempts: {}", mail.id(), mail.address(), mail.attempts(),
					error);
		}
		else {
			log.warn("Mail {} to {} failed (attempt {}), next attempt at {}: {}", mail.id(), mail.address(),
					mail.attempts(), next.nextAttemptAt(), error);
		}
	}

	private static String describe(Exception ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = ex; cause != null && text.length() < 1000; cause = cause.getCause()) {
			if (!text.isEmpty()) {
				text.append(" <- ");
			}
			text.append(cause.getClass().getSimpleName());
			if (cause.getMessage() != null) {
				text.append(": ").append(cause.getMessage());
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return text.length() <= 1000 ? text.toString() : text.substring(0, 999) + "…";
	}

	private static String defaultNodeId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown";
		}
		String pid = Long.toString(ManagementFactory.getRuntimeMXBean().getPid());
		String id = host + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8);
		return id.length() <= 100 ? id : id.substring(id.length() - 100);
	}

	private static String domainOf(String from) {
		try {
			String address = new InternetAddress(from).getAddress();
			int at = address.lastIndexOf('@');
			return at < 0 ? "zeren.localhost" : address.substring(at + 1);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("zeren.mail.from is not a mail address: " + from, ex);
		}
	}

	/** What the sender needs of a claimed mail, read inside the claiming transaction. */
	private record Claimed(Long id, String dedupKey, String template, String address, Locale locale, String subject,
			int attempts, List<String> modelParts) {

		static Claimed of(OutboxMail mail) {
			return new Claimed(mail.getId(), mail.getDedupKey(), mail.getTemplate(), mail.getAddress(),
					mail.getLocale(), mail.getSubject(), mail.getAttempts(), List.copyOf(mail.getModelParts()));
		}

	}

}
