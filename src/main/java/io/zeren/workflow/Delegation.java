package io.zeren.workflow;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Out of office (代理): while it runs, tasks arriving for the owner go to the substitute. */
@Entity
@Table(name = "zr_delegation")
class Delegation {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_delegation_seq")
	@SequenceGenerator(name = "zr_delegation_seq", sequenceName = "zr_delegation_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, length = 64)
	private String ownerUsername;

	@Column(nullable = false, length = 64)
	private String substitute;

	@Column(nullable = false)
	private LocalDate startsOn;

	@Column(nullable = false)
	private LocalDate endsOn;

	@Column(length = 500)
	private String reason;

	@Column(nullable = false, length = 64)
	private String createdBy;

	@Column(nullable = false)
	private Instant createdAt;

	private Instant endedAt;

	@Version
	private int versionNo;

	protected Delegation() {
	}

	Delegation(String ownerUsername, String substitute, LocalDate startsOn, LocalDate endsOn, String reason,
			String createdBy, Instant createdAt) {
		this.ownerUsername = ownerUsername;
		this.substitute = substitute;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.reason = reason;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	boolean activeOn(LocalDate day) {
		return endedAt == null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}

	boolean overlaps(LocalDate from, LocalDate to) {
		return endedAt == null && !to.isBefore(startsOn) && !from.isAfter(endsOn);
	}

	void end(Instant at) {
		this.endedAt = at;
	}

	DelegationView toView() {
		return new DelegationView(id, ownerUsername, substitute, startsOn, endsOn, reason, createdBy, createdAt, endedAt);
	}

	Long getId() {
		return id;
	}

	String getOwnerUsername() {
		return ownerUsername;
	}

	String getSubstitute() {
		return substitute;
	}

	/** A delegation as the API shows it. */
	record DelegationView(Long id, String owner, String substitute, LocalDate startsOn, LocalDate endsOn, String reason,
			String createdBy, Instant createdAt, Instant endedAt) {
	}

}
