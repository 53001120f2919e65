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

/** A peer's vote in the democratic evaluation (民主测评). */
@Entity
@Table(name = "zr_asmt_vote")
class PeerVote {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_asmt_vote_seq")
	@SequenceGenerator(name = "zr_asmt_vote_seq", sequenceName = "zr_asmt_vote_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long assessmentId;

	@Column(nullable = false, length = 64)
	private String voter;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private Grade grade;

	@Column(length = 1000)
	private String remark;

	@Column(nullable = false)
	private Instant votedAt;

	protected PeerVote() {
	}

	PeerVote(Long assessmentId, String voter, Grade grade, String remark, Instant votedAt) {
		this.assessmentId = assessmentId;
		this.voter = voter;
		this.grade = grade;
		this.remark = remark;
		this.votedAt = votedAt;
	}

	String getVoter() {
		return voter;
	}

	Grade getGrade() {
		return grade;
	}

	String getRemark() {
		return remark;
	}

	Instant getVotedAt() {
		return votedAt;
	}

}

/** One change of a grade: at which step, who, when, from what to what and why. */
@Entity
@Table(name = "zr_asmt_change")
class GradeChange {

	enum Stage {

		HEAD, RECOMMENDATION, COMMITTEE, LEADERSHIP, OBJECTION, REVIEW, APPEAL

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_asmt_change_seq")
	@SequenceGenerator(name = "zr_asmt_change_seq", sequenceName = "zr_asmt_change_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long assessmentId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private Stage stage;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private Grade fromGrade;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private Grade toGrade;

	@Column(nullable = false, length = 64)
	private String changedBy;

	@Column(nullable = false)
	private Instant changedAt;

	@Column(length = 2000)
	private String reason;

	protected GradeChange() {
	}

	GradeChange(Long assessmentId, Stage stage, Grade from, Grade to, String by, Instant at, String reason) {
		this.assessmentId = assessmentId;
		this.stage = stage;
		this.fromGrade = from;
		this.toGrade = to;
		this.changedBy = by;
		this.changedAt = at;
		this.reason = reason;
	}

	AssessmentView.Change toView() {
		return new AssessmentView.Change(stage.name(), fromGrade, toGrade, changedBy, changedAt, reason);
	}

}

/** An objection against a publicised 优秀 grade, resolved by the committee. */
@Entity
@Table(name = "zr_asmt_objection")
class PublicityObjection {

	enum Status {

		FILED, OPEN, UPHELD, CHANGED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_asmt_objection_seq")
	@SequenceGenerator(name = "zr_asmt_objection_seq", sequenceName = "zr_asmt_objection_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long assessmentId;

	@Column(nullable = false, length = 64)
	private String filedBy;

	@Column(nullable = false, length = 2000)
	private String reason;

	@Column(nullable = false)
	private Instant filedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Status status;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private Grade newGrade;

	@Column(length = 64)
	private String resolvedBy;

	private Instant resolvedAt;

	@Column(length = 2000)
	private String resolutionNote;

	@Version
	@Column(name = "version_no", nullable = false)
	private int version;

	protected PublicityObjection() {
	}

	PublicityObjection(Long assessmentId, String filedBy, String reason, Instant filedAt) {
		this.assessmentId = assessmentId;
		this.filedBy = filedBy;
		this.reason = reason;
		this.filedAt = filedAt;
		this.status = Status.FILED;
	}

	void opened() {
		this.status = Status.OPEN;
	}

	void resolved(Grade changedTo, String by, String note, Instant at) {
		this.status = changedTo == null ? Status.UPHELD : Status.CHANGED;
		this.newGrade = changedTo;
		this.resolvedBy = by;
		this.resolutionNote = note;
		this.resolvedAt = at;
	}

	Long getId() {
		return id;
	}

	Long getAssessmentId() {
		return assessmentId;
	}

	String getReason() {
		return reason;
	}

	Status getStatus() {
		return status;
	}

	AssessmentView.ObjectionView toView(boolean withObjector) {
		return new AssessmentView.ObjectionView(id, withObjector ? filedBy : null, reason, filedAt, status.name(), newGrade,
				resolvedBy, resolvedAt, resolutionNote);
	}

}

/** A request for review (复核) or appeal (申诉) of a notified grade, and its outcome. */
@Entity
@Table(name = "zr_asmt_review")
class ReviewRequest {

	enum Kind {

		REVIEW, APPEAL

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_asmt_review_seq")
	@SequenceGenerator(name = "zr_asmt_review_seq", sequenceName = "zr_asmt_review_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long assessmentId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Kind kind;

	@Column(nullable = false, length = 64)
	private String requestedBy;

	@Column(nullable = false, length = 2000)
	private String reason;

	@Column(nullable = false)
	private Instant requestedAt;

	@Column(length = 16)
	private String outcome;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private Grade newGrade;

	@Column(length = 64)
	private String decidedBy;

	private Instant decidedAt;

	@Column(length = 2000)
	private String decisionNote;

	@Version
	@Column(name = "version_no", nullable = false)
	private int version;

	protected ReviewRequest() {
	}

	ReviewRequest(Long assessmentId, Kind kind, String requestedBy, String reason, Instant requestedAt) {
		this.assessmentId = assessmentId;
		this.kind = kind;
		this.requestedBy = requestedBy;
		this.reason = reason;
		this.requestedAt = requestedAt;
	}

	void decided(Grade changedTo, String by, String note, Instant at) {
		this.outcome = changedTo == null ? "UPHELD" : "CHANGED";
		this.newGrade = changedTo;
		this.decidedBy = by;
		this.decisionNote = note;
		this.decidedAt = at;
	}

	Kind getKind() {
		return kind;
	}

	String getReason() {
		return reason;
	}

	AssessmentView.ReviewView toView() {
		return new AssessmentView.ReviewView(kind.name(), requestedBy, reason, requestedAt, outcome, newGrade, decidedBy,
				decidedAt, decisionNote);
	}

}

/** A consequence of consecutive years' grades, for the people who act on it. */
@Entity
@Table(name = "zr_asmt_follow_up")
class FollowUp {

	enum Kind {

		MERIT_CITATION, DEMOTION, DISMISSAL_REVIEW

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_asmt_follow_up_seq")
	@SequenceGenerator(name = "zr_asmt_follow_up_seq", sequenceName = "zr_asmt_follow_up_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, length = 64)
	private String username;

	@Column(name = "asmt_year", nullable = false)
	private int year;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private Kind kind;

	@Column(nullable = false, length = 500)
	private String basis;

	@Column(nullable = false)
	private Instant createdAt;

	protected FollowUp() {
	}

	FollowUp(String username, int year, Kind kind, String basis, Instant createdAt) {
		this.username = username;
		this.year = year;
		this.kind = kind;
		this.basis = basis;
		this.createdAt = createdAt;
	}

	FollowUpItem toItem() {
		return new FollowUpItem(username, year, kind.name(), basis, createdAt);
	}

}
