package io.zeren.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One mail to one recipient. Written in the business transaction that caused it; state changes after that
 * are conditional updates in {@link OutboxRepository}, so that two nodes never send the same mail.
 */
@Entity
@Table(name = "zr_mail_outbox")
class OutboxMail {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_mail_outbox_seq")
	@SequenceGenerator(name = "zr_mail_outbox_seq", sequenceName = "zr_mail_outbox_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true, length = 200)
	private String dedupKey;

	@Column(nullable = false, length = 64)
	private String template;

	@Column(nullable = false, length = 64)
	private String recipient;

	@Column(nullable = false, length = 254)
	private String address;

	@Column(nullable = false, length = 16)
	private String locale;

	@Column(nullable = false, length = 400)
	private String subject;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private MailStatus status;

	@Column(nullable = false)
	private int attempts;

	@Column(nullable = false)
	private Instant nextAttemptAt;

	@Column(length = 1000)
	private String lastError;

	@Column(nullable = false)
	private Instant createdAt;

	private Instant sentAt;

	@Column(length = 100)
	private String lockedBy;

	private Instant lockedUntil;

	@ElementCollection
	@CollectionTable(name = "zr_mail_part", joinColumns = @JoinColumn(name = "outbox_id"))
	@OrderColumn(name = "part_no")
	@Column(name = "chunk", nullable = false, length = 4000)
	private List<String> modelParts = new ArrayList<>();

	protected OutboxMail() {
	}

	OutboxMail(String dedupKey, String template, String recipient, String address, Locale locale, String subject,
			List<String> modelParts, MailStatus status, Instant now) {
		this.dedupKey = dedupKey;
		this.template = template;
		this.recipient = recipient;
		this.address = address;
		this.locale = locale.toLanguageTag();
		this.subject = subject.length() <= 400 ? subject : subject.substring(0, 399) + "…";
		this.modelParts = new ArrayList<>(modelParts);
		this.status = status;
		this.attempts = 0;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	OutboxView toView() {
		return new OutboxView(id, dedupKey, template, recipient, address, subject, status, attempts, nextAttemptAt,
				lastError, createdAt, sentAt, lockedBy, lockedUntil);
	}

	Long getId() {
		return id;
	}

	String getDedupKey() {
		return dedupKey;
	}

	String getTemplate() {
		return template;
	}

	String getRecipient() {
		return recipient;
	}

	String getAddress() {
		return address;
	}

	Locale getLocale() {
		return Locale.forLanguageTag(locale);
	}

	String getSubject() {
		return subject;
	}

	MailStatus getStatus() {
		return status;
	}

	int getAttempts() {
		return attempts;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	List<String> getModelParts() {
		return modelParts;
	}

	/** A mail as admins see it in the outbox view. */
	record OutboxView(Long id, String dedupKey, String template, String recipient, String address, String subject,
			MailStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
			String lockedBy, Instant lockedUntil) {
	}

}
