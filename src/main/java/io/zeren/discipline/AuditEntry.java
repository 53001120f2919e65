package io.zeren.discipline;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One line of the discipline audit trail: who read or changed what, when. Never updated or deleted. */
@Entity
@Immutable
@Table(name = "zr_dis_audit")
public class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_dis_audit_seq")
	@SequenceGenerator(name = "zr_dis_audit_seq", sequenceName = "zr_dis_audit_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false, length = 64)
	private String actor;

	@Column(nullable = false, length = 40)
	private String action;

	private Long leadId;

	@Column(length = 64)
	private String ref;

	@Column(length = 2000)
	private String detail;

	protected AuditEntry() {
	}

	AuditEntry(Instant at, String actor, String action, Long leadId, String ref, String detail) {
		this.at = at;
		this.actor = actor;
		this.action = action;
		this.leadId = leadId;
		this.ref = ref;
		this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
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

	public Long getLeadId() {
		return leadId;
	}

	public String getRef() {
		return ref;
	}

	public String getDetail() {
		return detail;
	}

}
