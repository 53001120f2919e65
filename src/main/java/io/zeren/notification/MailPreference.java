package io.zeren.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.type.YesNoConverter;

/** How one person wants their mail. Without a row: every mail on its own. */
@Entity
@Table(name = "zr_mail_pref")
class MailPreference {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_mail_pref_seq")
	@SequenceGenerator(name = "zr_mail_pref_seq", sequenceName = "zr_mail_pref_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true, length = 64)
	private String username;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean digest;

	@Column(nullable = false)
	private Instant updatedAt;

	protected MailPreference() {
	}

	MailPreference(String username) {
		this.username = username;
	}

	void change(boolean digest, Instant now) {
		this.digest = digest;
		this.updatedAt = now;
	}

	boolean isDigest() {
		return digest;
	}

}
