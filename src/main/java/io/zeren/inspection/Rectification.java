package io.zeren.inspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.type.YesNoConverter;

/**
 * The rectification (整改) of one finding: the responsible person's plan, their evidence, the inspector's
 * verifications. Keyed by the finding's id. Overdue and failed are flags, not states: a late or failed
 * rectification goes on until it is accepted late or closed as failed.
 */
@Entity
@Table(name = "zr_rectification")
class Rectification {

	enum State {

		/** Waiting for the responsible person's plan. */
		PLANNING,
		/** Waiting for (more) evidence. */
		EVIDENCE,
		/** Waiting for the inspector's verification. */
		VERIFYING,
		/** Accepted by the inspector (maybe late: see overdue). */
		CLOSED,
		/** Closed by the inspector as not rectified. */
		CLOSED_FAILED

	}

	/** What the inspector decided on one verification. */
	enum Verdict {

		ACCEPTED, REJECTED, CLOSED_FAILED

	}

	@Id
	private Long findingId;

	@Column(nullable = false, length = 64)
	private String responsible;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private State state;

	@Column(nullable = false)
	private Instant deadlineAt;

	@Column(length = 2000)
	private String planText;

	private Instant planAt;

	@Column(nullable = false)
	private int rejections;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean overdue;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean failed;

	private Instant closedAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "finding_id", nullable = false, updatable = false)
	@OrderBy("submittedAt, id")
	private List<Evidence> evidence = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "finding_id", nullable = false, updatable = false)
	@OrderBy("verifiedAt, id")
	private List<Verification> verifications = new ArrayList<>();

	@Version
	private int versionNo;

	protected Rectification() {
	}

	Rectification(Long findingId, String responsible, Instant deadlineAt) {
		this.findingId = findingId;
		this.responsible = responsible;
		this.deadlineAt = deadlineAt;
		this.state = State.PLANNING;
	}

	void plan(String text, Instant at) {
		this.planText = text;
		this.planAt = at;
		this.state = State.EVIDENCE;
	}

	void submitEvidence(String note, String by, Instant at) {
		evidence.add(new Evidence(note, by, at, at.isAfter(deadlineAt)));
		state = State.VERIFYING;
	}

	void accept(String by, Instant at) {
		verifications.add(new Verification(Verdict.ACCEPTED, null, by, at));
		state = State.CLOSED;
		closedAt = at;
	}

	/** @return whether this rejection is the one that exceeds the limit (the rectification fails now) */
	boolean reject(String reason, String by, Instant at, int maxRejections) {
		verifications.add(new Verification(Verdict.REJECTED, reason, by, at));
		rejections++;
		state = State.EVIDENCE;
		return !failed && rejections > maxRejections;
	}

	void closeAsFailed(String reason, String by, Instant at) {
		verifications.add(new Verification(Verdict.CLOSED_FAILED, reason, by, at));
		state = State.CLOSED_FAILED;
		closedAt = at;
	}

	/** @return whether it was not overdue before */
	boolean markOverdue() {
		boolean first = !overdue;
		overdue = true;
		return first;
	}

	/** @return whether it had not failed before */
	boolean markFailed() {
		boolean first = !failed;
		failed = true;
		return first;
	}

	boolean isOpen() {
		return state != State.CLOSED && state != State.CLOSED_FAILED;
	}

	Long getFindingId() {
		return findingId;
	}

	String getResponsible() {
		return responsible;
	}

	State getState() {
		return state;
	}

	Instant getDeadlineAt() {
		return deadlineAt;
	}

	int getRejections() {
		return rejections;
	}

	boolean isOverdue() {
		return overdue;
	}

	boolean isFailed() {
		return failed;
	}

	String lastRejectionReason() {
		for (int i = verifications.size() - 1; i >= 0; i--) {
			if (verifications.get(i).verdict == Verdict.REJECTED) {
				return verifications.get(i).reason;
			}
		}
		return null;
	}

	RectificationView toView(Finding finding) {
		return new RectificationView(findingId, finding.getInspectionId(), finding.getYear(), finding.getUnitCode(),
				finding.getTarget(), finding.getPersonUsername(), finding.getDescription(), finding.getRequirement(),
				finding.getDeadline(), responsible, state, deadlineAt, planText, planAt, rejections, overdue, failed,
				closedAt, evidence.stream().map(Evidence::toView).toList(),
				verifications.stream().map(Verification::toView).toList());
	}

	/** A rectification as the API shows it, with its finding. */
	record RectificationView(Long findingId, Long inspectionId, int year, String unitCode, Finding.Target target,
			String personUsername, String description, String requirement, java.time.LocalDate deadline,
			String responsible, State state, Instant deadlineAt, String plan, Instant planAt, int rejections,
			boolean overdue, boolean failed, Instant closedAt, List<EvidenceView> evidence,
			List<VerificationView> verifications) {
	}

	record EvidenceView(String note, String submittedBy, Instant submittedAt, boolean late) {
	}

	record VerificationView(Verdict verdict, String reason, String verifiedBy, Instant verifiedAt) {
	}

	@Entity
	@Table(name = "zr_rect_evidence")
	static class Evidence {

		@Id
		@jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.SEQUENCE,
				generator = "zr_rect_evidence_seq")
		@jakarta.persistence.SequenceGenerator(name = "zr_rect_evidence_seq", sequenceName = "zr_rect_evidence_seq",
				allocationSize = 50)
		private Long id;

		@Column(nullable = false, length = 2000)
		private String note;

		@Column(nullable = false, length = 64)
		private String submittedBy;

		@Column(nullable = false)
		private Instant submittedAt;

		@Convert(converter = YesNoConverter.class)
		@Column(nullable = false, length = 1)
		private boolean late;

		protected Evidence() {
		}

		Evidence(String note, String submittedBy, Instant submittedAt, boolean late) {
			this.note = note;
			this.submittedBy = submittedBy;
			this.submittedAt = submittedAt;
			this.late = late;
		}

		EvidenceView toView() {
			return new EvidenceView(note, submittedBy, submittedAt, late);
		}

	}

	@Entity
	@Table(name = "zr_rect_verification")
	static class Verification {

		@Id
		@jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.SEQUENCE,
				generator = "zr_rect_verif_seq")
		@jakarta.persistence.SequenceGenerator(name = "zr_rect_verif_seq", sequenceName = "zr_rect_verif_seq",
				allocationSize = 50)
		private Long id;

		@Enumerated(EnumType.STRING)
		@Column(name = "outcome", nullable = false, length = 16)
		private Verdict verdict;

		@Column(length = 1000)
		private String reason;

		@Column(nullable = false, length = 64)
		private String verifiedBy;

		@Column(nullable = false)
		private Instant verifiedAt;

		protected Verification() {
		}

		Verification(Verdict verdict, String reason, String verifiedBy, Instant verifiedAt) {
			this.verdict = verdict;
			this.reason = reason;
			this.verifiedBy = verifiedBy;
			this.verifiedAt = verifiedAt;
		}

		VerificationView toView() {
			return new VerificationView(verdict, reason, verifiedBy, verifiedAt);
		}

	}

}
