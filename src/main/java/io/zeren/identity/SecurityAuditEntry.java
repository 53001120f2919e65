package io.zeren.identity;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Immutable
@Table(name = "zr_sec_audit")
public class SecurityAuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_sec_audit_seq")
	@SequenceGenerator(name = "zr_sec_audit_seq", sequenceName = "zr_sec_audit_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false, length = 64)
	private String actor;

	@Column(nullable = false, length = 40)
	private String action;

	@Column(nullable = false, length = 16)
	private String outcome;

	@Column(length = 64)
	private String source;

	@Column(length = 500)
	private String target;

	@Column(length = 2000)
	private String detail;

	protected SecurityAuditEntry() {
	}

	SecurityAuditEntry(Instant at, String actor, String action, SecurityAudit.Outcome outcome, String target, String source, String detail) {
		this.at = at;
		this.actor = cut(actor, 64);
		this.action = cut(action, 40);
		this.outcome = outcome.name();
		this.target = cut(target, 500);
		this.source = cut(source, 64);
		this.detail = cut(detail, 2000);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	public Long getId() {
		return id;
	}

	public Instant getAt() {
		return at;
	}

	public String getActor() {
		return actor;
	}

	public String getAction() {
		return action;
	}

	public String getOutcome() {
		return outcome;
	}

	public String getSource() {
		return source;
	}

	public String getTarget() {
		return target;
	}

	public String getDetail() {
		return detail;
	}

}
