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

/** One staff member's assessment for one year: what they wrote, what others said, and each grade on the way. */
@Entity
@Table(name = "zr_assessment")
class Assessment {

	enum Status {

		SELF_SUMMARY, PEER_EVALUATION, HEAD_REVIEW, COMMITTEE, DECIDED, NOTIFIED, ACKNOWLEDGED, REVIEW, APPEAL, ARCHIVED;

		boolean atLeast(Status other) {
			return ordinal() >= other.ordinal();
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_assessment_seq")
	@SequenceGenerator(name = "zr_assessment_seq", sequenceName = "zr_assessment_seq", allocationSize = 50)
	private Long id;

	@Column(name = "asmt_year", nullable = false)
	private int year;

	@Column(nullable = false, length = 64)
	private String username;

	@Column(nullable = false, length = 32)
	private String unitCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private Status status;

	@Column(length = 4000)
	private String selfSummary;

	private Instant summaryAt;

	@Column(length = 2000)
	private String headComment;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private Grade proposedGrade;

	@Column(length = 64)
	private String proposedBy;

	private Instant proposedAt;

	@Column(nullable = false)
	private int peerCount;

	@Column(nullable = false)
	private int votesRequired;

	@Column(name = "failed_rect")
	private Integer failedRectifications;

	private Integer overdueTasks;

	@Column(length = 32)
	private String sanction;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private Grade gradeCap;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private Grade recommendedGrade;

	@Column(name = "recommend_basis", length = 500)
	private String recommendationBasis;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private Grade committeeGrade;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private Grade decidedGrade;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private Grade finalGrade;

	private Instant notifiedAt;

	private Instant reviewDueAt;

	private Instant acknowledgedAt;

	private Instant archivedAt;

	@Column(nullable = false)
	private Instant createdAt;

	@Version
	@Column(name = "version_no", nullable = false)
	private int version;

	protected Assessment() {
	}

	Assessment(int year, String username, String unitCode, Instant createdAt) {
		this.year = year;
		this.username = username;
		this.unitCode = unitCode;
		this.createdAt = createdAt;
		this.status = Status.SELF_SUMMARY;
	}

	String businessKey() {
		return year + ":" + username;
	}

	void summarised(String text, Instant at) {
		this.selfSummary = text;
		this.summaryAt = at;
		this.status = Status.PEER_EVALUATION;
	}

	void peersPlanned(int peers, int required) {
		this.peerCount = peers;
		this.votesRequired = required;
	}

	void proposed(Grade grade, String comment, String by, Instant at) {
		this.proposedGrade = grade;
		this.headComment = comment;
		this.proposedBy = by;
		this.proposedAt = at;
		this.status = Status.HEAD_REVIEW;
	}

	void signals(int failedRectifications, int overdueTasks, String sanction) {
		this.failedRectifications = failedRectifications;
		this.overdueTasks = overdueTasks;
		this.sanction = sanction;
	}

	void recommended(Grade grade, Grade cap, String basis) {
		this.recommendedGrade = grade;
		this.gradeCap = cap;
		this.recommendationBasis = basis;
		this.committeeGrade = grade;
		this.status = Status.COMMITTEE;
	}

	void committeeGrade(Grade grade) {
		this.committeeGrade = grade;
	}

	void decided() {
		this.decidedGrade = committeeGrade;
		this.finalGrade = committeeGrade;
		this.status = Status.DECIDED;
	}

	/** A grade changed after the decision (objection, review, appeal). */
	void regrade(Grade grade) {
		this.decidedGrade = grade;
		this.finalGrade = grade;
	}

	void notified(Instant at, Instant reviewDue) {
		this.notifiedAt = at;
		this.reviewDueAt = reviewDue;
		this.status = Status.NOTIFIED;
	}

	void acknowledged(Instant at) {
		this.acknowledgedAt = at;
		this.status = Status.ACKNOWLEDGED;
	}

	void status(Status status) {
		this.status = status;
	}

	void archived(Instant at) {
		this.archivedAt = at;
		this.status = Status.ARCHIVED;
	}

	Long getId() {
		return id;
	}

	int getYear() {
		return year;
	}

	String getUsername() {
		return username;
	}

	String getUnitCode() {
		return unitCode;
	}

	Status getStatus() {
		return status;
	}

	String getSelfSummary() {
		return selfSummary;
	}

	Instant getSummaryAt() {
		return summaryAt;
	}

	String getHeadComment() {
		return headComment;
	}

	Grade getProposedGrade() {
		return proposedGrade;
	}

	String getProposedBy() {
		return proposedBy;
	}

	int getPeerCount() {
		return peerCount;
	}

	int getVotesRequired() {
		return votesRequired;
	}

	Integer getFailedRectifications() {
		return failedRectifications;
	}

	Integer getOverdueTasks() {
		return overdueTasks;
	}

	String getSanction() {
		return sanction;
	}

	Grade getGradeCap() {
		return gradeCap;
	}

	Grade getRecommendedGrade() {
		return recommendedGrade;
	}

	String getRecommendationBasis() {
		return recommendationBasis;
	}

	Grade getCommitteeGrade() {
		return committeeGrade;
	}

	Grade getDecidedGrade() {
		return decidedGrade;
	}

	Grade getFinalGrade() {
		return finalGrade;
	}

	Instant getNotifiedAt() {
		return notifiedAt;
	}

	Instant getReviewDueAt() {
		return reviewDueAt;
	}

	Instant getAcknowledgedAt() {
		return acknowledgedAt;
	}

	Instant getArchivedAt() {
		return archivedAt;
	}

}
