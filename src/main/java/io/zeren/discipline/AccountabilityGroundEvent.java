package io.zeren.discipline;

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

/**
 * One ground for accountability (an overdue or failed rectification, a proposed filing, an incompetent head),
 * recorded once per source; counted towards opening a matter and then part of it.
 */
@Entity
@Table(name = "zr_dis_acct_ground")
class AccountabilityGroundEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_dis_acct_ground_seq")
	@SequenceGenerator(name = "zr_dis_acct_ground_seq", sequenceName = "zr_dis_acct_ground_seq", allocationSize = 50)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private AccountabilityGround groundKind;

	@Column(nullable = false, length = 100)
	private String sourceRef;

	@Column(nullable = false, length = 32)
	private String unitCode;

	@Column(name = "acct_year", nullable = false)
	private int year;

	@Column(nullable = false, length = 2000)
	private String detail;

	@Column(nullable = false)
	private Instant occurredAt;

	@Column(name = "acct_id")
	private Long accountabilityId;

	protected AccountabilityGroundEvent() {
	}

	AccountabilityGroundEvent(AccountabilityGround kind, String sourceRef, String unitCode, int year, String detail,
			Instant occurredAt) {
		this.groundKind = kind;
		this.sourceRef = sourceRef;
		this.unitCode = unitCode;
		this.year = year;
		this.detail = detail == null || detail.length() <= 2000 ? String.valueOf(detail) : detail.substring(0, 1997) + "...";
		this.occurredAt = occurredAt;
	}

	void joined(Long accountabilityId) {
		this.accountabilityId = accountabilityId;
	}

	Long getId() {
		return id;
	}

	AccountabilityGround getGroundKind() {
		return groundKind;
	}

	String getSourceRef() {
		return sourceRef;
	}

	String getUnitCode() {
		return unitCode;
	}

	int getYear() {
		return year;
	}

	String getDetail() {
		return detail;
	}

	Instant getOccurredAt() {
		return occurredAt;
	}

	Long getAccountabilityId() {
		return accountabilityId;
	}

}
