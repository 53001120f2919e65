package io.zeren.assessment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The committee's review of one unit's grades in one year, the leadership's decision and the publicity. */
@Entity
@Table(name = "zr_asmt_unit")
class UnitReview {

	enum Status {

		COMMITTEE, LEADERSHIP, PUBLICITY, PUBLISHED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_asmt_unit_seq")
	@SequenceGenerator(name = "zr_asmt_unit_seq", sequenceName = "zr_asmt_unit_seq", allocationSize = 50)
	private Long id;

	@Column(name = "asmt_year", nullable = false)
	private int year;

	@Column(nullable = false, length = 32)
	private String unitCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private Status status;

	@Column(nullable = false)
	private int assessed;

	@Column(nullable = false)
	private int quota;

	@Column(length = 64)
	private String committeeBy;

	private Instant committeeAt;

	@Column(length = 2000)
	private String committeeNote;

	@Column(length = 64)
	private String leadershipBy;

	private Instant leadershipAt;

	@Column(length = 2000)
	private String leadershipNote;

	private Instant publicityFrom;

	private Instant publicityUntil;

	private Instant publishedAt;

	@Column(nullable = false)
	private Instant createdAt;

	@Version
	@Column(name = "version_no", nullable = false)
	private int version;

	protected UnitReview() {
	}

	UnitReview(int year, String unitCode, int assessed, int quota, Instant createdAt) {
		this.year = year;
		this.unitCode = unitCode;
		this.assessed = assessed;
		this.quota = quota;
		this.createdAt = createdAt;
		this.status = Status.COMMITTEE;
	}

	String businessKey() {
		return year + ":" + unitCode;
	}

	void reviewed(String by, String note, Instant at) {
		this.committeeBy = by;
		this.committeeNote = note;
		this.committeeAt = at;
		this.status = Status.LEADERSHIP;
	}

	void sentBack(String by, String note, Instant at) {
		this.leadershipBy = by;
		this.leadershipNote = note;
		this.leadershipAt = at;
		this.status = Status.COMMITTEE;
	}

	void approved(String by, String note, Instant at) {
		this.leadershipBy = by;
		this.leadershipNote = note;
		this.leadershipAt = at;
	}

	void publicity(Instant from, Instant until) {
		this.publicityFrom = from;
		this.publicityUntil = until;
		this.status = Status.PUBLICITY;
	}

	void published(Instant at) {
		this.publishedAt = at;
		this.status = Status.PUBLISHED;
	}

	Long getId() {
		return id;
	}

	int getYear() {
		return year;
	}

	String getUnitCode() {
		return unitCode;
	}

	Status getStatus() {
		return status;
	}

	int getAssessed() {
		return assessed;
	}

	int getQuota() {
		return quota;
	}

	String getCommitteeNote() {
		return committeeNote;
	}

	String getLeadershipNote() {
		return leadershipNote;
	}

	Instant getPublicityFrom() {
		return publicityFrom;
	}

	Instant getPublicityUntil() {
		return publicityUntil;
	}

	Instant getPublishedAt() {
		return publishedAt;
	}

}
