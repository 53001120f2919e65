package io.zeren.discipline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An accountability matter (问责): a unit whose principal responsibility failed, the leaders who answer for it,
 * the investigation, the decision for the organisation and per leader, delivery, appeals and closing. Run by
 * AccountabilityProcess (business key = the number).
 */
@Entity
@Table(name = "zr_dis_acct")
class AccountabilityMatter {

	enum Status {

		/** 问责调查 by the discipline office. */
		INVESTIGATING,
		/** 问责决定 by the leadership. */
		DECIDING,
		/** The decision is with the leaders, the objection window runs. */
		DELIVERED,
		/** Appeals are with the leadership. */
		APPEAL_REVIEW,
		/** Decided, delivered, recorded. */
		CLOSED,
		/** The investigation found no ground for accountability. */
		NOT_ACCOUNTABLE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_dis_acct_seq")
	@SequenceGenerator(name = "zr_dis_acct_seq", sequenceName = "zr_dis_acct_seq", allocationSize = 50)
	private Long id;

	@Column(name = "acct_number", nullable = false, length = 64)
	private String number;

	@Column(nullable = false, length = 32)
	private String unitCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private AccountabilityGround groundKind;

	@Column(nullable = false, length = 2000)
	private String groundDetail;

	@Column(name = "acct_year", nullable = false)
	private int year;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private Status status;

	@Column(length = 80)
	private String openKey;

	@Column(nullable = false, length = 64)
	private String principal;

	@Column(nullable = false, length = 64)
	private String openedBy;

	@Column(nullable = false)
	private Instant openedAt;

	@Column(length = 4000)
	private String report;

	@Enumerated(EnumType.STRING)
	@Column(length = 32)
	private OrganisationMeasure proposedOrg;

	@Column(length = 4000)
	private String proposedMeasures;

	@Column(name = "no_acct_reason", length = 2000)
	private String noAccountabilityReason;

	@Column(length = 64)
	private String investigatedBy;

	private Instant investigatedAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "org_measure", length = 32)
	private OrganisationMeasure organisationMeasure;

	@Column(name = "org_reason", length = 2000)
	private String organisationReason;

	@Column(length = 64)
	private String decidedBy;

	private Instant decidedAt;

	private Instant objectionDueAt;

	private Instant closedAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "acct_id", nullable = false, updatable = false)
	@OrderBy("chainLevel, id")
	private List<AccountableLeader> leaders = new ArrayList<>();

	@Version
	private int versionNo;

	protected AccountabilityMatter() {
	}

	AccountabilityMatter(String number, String unitCode, AccountabilityGround kind, String groundDetail, int year,
			List<ResponsibleLeaders.Leader> responsible, String openedBy, Instant openedAt) {
		this.number = number;
		this.unitCode = unitCode;
		this.groundKind = kind;
		this.groundDetail = groundDetail.length() <= 2000 ? groundDetail : groundDetail.substring(0, 1997) + "...";
		this.year = year;
		this.status = Status.INVESTIGATING;
		this.openKey = kind == AccountabilityGround.MANUAL ? null : openKey(unitCode, kind, year);
		this.principal = responsible.get(0).username();
		this.openedBy = openedBy;
		this.openedAt = openedAt;
		responsible.forEach(leader -> leaders.add(new AccountableLeader(leader)));
	}

	/** What makes a triggered matter unique while it is open. */
	static String openKey(String unitCode, AccountabilityGround kind, int year) {
		return unitCode + "|" + kind.name() + "|" + year;
	}

	void investigated(String report, OrganisationMeasure proposedOrg, String proposedMeasures, String by, Instant at) {
		this.report = report;
		this.proposedOrg = proposedOrg;
		this.proposedMeasures = proposedMeasures;
		this.investigatedBy = by;
		this.investigatedAt = at;
		this.status = Status.DECIDING;
	}

	void notAccountable(String report, String reason, String by, Instant at) {
		this.report = report;
		this.noAccountabilityReason = reason;
		this.investigatedBy = by;
		this.investigatedAt = at;
		this.status = Status.NOT_ACCOUNTABLE;
		this.openKey = null;
		this.closedAt = at;
	}

	void decided(OrganisationMeasure measure, String reason, String by, Instant at, Instant objectionDueAt) {
		this.organisationMeasure = measure;
		this.organisationReason = reason;
		this.decidedBy = by;
		this.decidedAt = at;
		this.objectionDueAt = objectionDueAt;
		this.status = Status.DELIVERED;
	}

	void appealsUnderReview() {
		this.status = Status.APPEAL_REVIEW;
	}

	void closed(Instant at) {
		this.status = Status.CLOSED;
		this.openKey = null;
		this.closedAt = at;
	}

	boolean isOpen() {
		return status != Status.CLOSED && status != Status.NOT_ACCOUNTABLE;
	}

	Optional<AccountableLeader> leader(String username) {
		return leaders.stream().filter(leader -> leader.getUsername().equals(username)).findFirst();
	}

	List<String> leaderNames() {
		return leaders.stream().map(AccountableLeader::getUsername).toList();
	}

	Long getId() {
		return id;
	}

	String getNumber() {
		return number;
	}

	String getUnitCode() {
		return unitCode;
	}

	AccountabilityGround getGroundKind() {
		return groundKind;
	}

	String getGroundDetail() {
		return groundDetail;
	}

	int getYear() {
		return year;
	}

	Status getStatus() {
		return status;
	}

	String getPrincipal() {
		return principal;
	}

	String getOpenedBy() {
		return openedBy;
	}

	Instant getOpenedAt() {
		return openedAt;
	}

	String getReport() {
		return report;
	}

	OrganisationMeasure getProposedOrg() {
		return proposedOrg;
	}

	String getProposedMeasures() {
		return proposedMeasures;
	}

	String getNoAccountabilityReason() {
		return noAccountabilityReason;
	}

	String getInvestigatedBy() {
		return investigatedBy;
	}

	Instant getInvestigatedAt() {
		return investigatedAt;
	}

	OrganisationMeasure getOrganisationMeasure() {
		return organisationMeasure;
	}

	String getOrganisationReason() {
		return organisationReason;
	}

	String getDecidedBy() {
		return decidedBy;
	}

	Instant getDecidedAt() {
		return decidedAt;
	}

	Instant getObjectionDueAt() {
		return objectionDueAt;
	}

	Instant getClosedAt() {
		return closedAt;
	}

	List<AccountableLeader> getLeaders() {
		return leaders;
	}

}
