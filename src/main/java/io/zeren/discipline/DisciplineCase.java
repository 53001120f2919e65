package io.zeren.discipline;

import java.time.Instant;

import org.hibernate.type.YesNoConverter;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A case filed on a lead (立案审查), from the filing proposal to the archive. The findings addressed to the subject
 * ({@code subjectFindings}) are what the subject sees; the investigation report, the review opinion and the
 * filing basis are internal to the office, review and leadership.
 */
@Entity
@Table(name = "zr_dis_case")
class DisciplineCase {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_dis_case_seq")
	@SequenceGenerator(name = "zr_dis_case_seq", sequenceName = "zr_dis_case_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, length = 64)
	private String caseNumber;

	@Column(nullable = false)
	private Long leadId;

	@Column(nullable = false, length = 64)
	private String subject;

	@Column(length = 32)
	private String unitCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private CaseStatus status;

	@Column(length = 4000)
	private String summary;

	@Column(length = 4000)
	private String filingBasis;

	@Column(length = 64)
	private String proposedBy;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(length = 64)
	private String filingBy;

	private Instant filingAt;

	@Convert(converter = YesNoConverter.class)
	@Column(length = 1)
	private Boolean filingApproved;

	@Column(length = 2000)
	private String filingReason;

	@Column(name = "inv_due_at")
	private Instant investigationDueAt;

	@Column(name = "inv_extended_at")
	private Instant investigationExtendedAt;

	@Convert(converter = YesNoConverter.class)
	@Column(name = "ext_requested", nullable = false, length = 1)
	private boolean extensionRequested;

	@Column(name = "ext_reason", length = 2000)
	private String extensionReason;

	@Convert(converter = YesNoConverter.class)
	@Column(name = "ext_approved", length = 1)
	private Boolean extensionApproved;

	@Column(name = "ext_decided_by", length = 64)
	private String extensionDecidedBy;

	@Column(length = 4000)
	private String subjectFindings;

	@Column(name = "inv_report", length = 4000)
	private String investigationReport;

	@Column(length = 64)
	private String investigatedBy;

	private Instant investigatedAt;

	@Column(name = "statement_text", length = 4000)
	private String statement;

	@Convert(converter = YesNoConverter.class)
	@Column(length = 1)
	private Boolean statementWaived;

	private Instant statedAt;

	@Column(length = 4000)
	private String reviewOpinion;

	@Column(nullable = false)
	private int sendBacks;

	@Column(length = 2000)
	private String sendBackReason;

	@Column(length = 64)
	private String reviewedBy;

	private Instant reviewedAt;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Severity severity;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Circumstances circumstances;

	private Integer suggestedForm;

	@Enumerated(EnumType.STRING)
	@Column(length = 32)
	private CaseOutcome suggestedOutcome;

	@Enumerated(EnumType.STRING)
	@Column(length = 32)
	private CaseOutcome decidedOutcome;

	@Column(length = 2000)
	private String deviationReason;

	@Column(length = 64)
	private String decidedBy;

	private Instant decidedAt;

	private Instant deliveredAt;

	private Instant appealDueAt;

	@Column(length = 4000)
	private String appealReason;

	private Instant appealedAt;

	@Column(name = "appeal_review", length = 4000)
	private String appealReview;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private AppealOutcome appealOutcome;

	@Enumerated(EnumType.STRING)
	@Column(length = 32)
	private CaseOutcome appealNewOutcome;

	@Column(name = "appeal_dec_reason", length = 2000)
	private String appealDecisionReason;

	@Column(length = 64)
	private String appealDecidedBy;

	private Instant appealDecidedAt;

	private Instant finalAt;

	private Instant archivedAt;

	@Version
	@Column(name = "version_no", nullable = false)
	private int version;

	/** UPHOLD the decision, CHANGE it to another outcome, or REVOKE it. */
	enum AppealOutcome {
		UPHOLD, CHANGE, REVOKE
	}

	protected DisciplineCase() {
	}

	DisciplineCase(String caseNumber, long leadId, String subject, String unitCode, String summary, String filingBasis,
			String proposedBy, Instant now) {
		this.caseNumber = caseNumber;
		this.leadId = leadId;
		this.subject = subject;
		this.unitCode = unitCode;
		this.summary = summary;
		this.filingBasis = filingBasis;
		this.proposedBy = proposedBy;
		this.createdAt = now;
		this.status = CaseStatus.FILING;
	}

	// --- steps --------------------------------------------------------------------------------------------

	void filingDecided(boolean approved, String reason, String by, Instant now, Instant investigationDue) {
		this.filingApproved = approved;
		this.filingReason = reason;
		this.filingBy = by;
		this.filingAt = now;
		this.status = approved ? CaseStatus.INVESTIGATING : CaseStatus.NOT_FILED;
		this.investigationDueAt = investigationDue;
		if (!approved) {
			this.archivedAt = now;
		}
	}

	void extensionRequested(String reason) {
		this.extensionRequested = true;
		this.extensionReason = reason;
	}

	void extensionDecided(boolean approved, String by, Instant now, Instant newDue) {
		this.extensionApproved = approved;
		this.extensionDecidedBy = by;
		if (approved) {
			this.investigationExtendedAt = now;
			this.investigationDueAt = newDue;
		}
	}

	void investigated(String findings, String report, Severity severity, Circumstances circumstances, String by,
			Instant now) {
		this.subjectFindings = findings;
		this.investigationReport = report;
		this.severity = severity;
		this.circumstances = circumstances;
		this.investigatedBy = by;
		this.investigatedAt = now;
		this.status = CaseStatus.STATEMENT;
	}

	void stated(String statement, boolean waived, Instant now) {
		this.statement = statement;
		this.statementWaived = waived;
		this.statedAt = now;
		this.status = CaseStatus.REVIEW;
	}

	void sentBack(String reason, String by, Instant now, Instant newDue) {
		this.sendBacks++;
		this.sendBackReason = reason;
		this.reviewedBy = by;
		this.reviewedAt = now;
		this.investigationDueAt = newDue;
		this.status = CaseStatus.INVESTIGATING;
	}

	void reviewed(String opinion, String by, Instant now) {
		this.reviewOpinion = opinion;
		this.reviewedBy = by;
		this.reviewedAt = now;
		this.status = CaseStatus.DECIDING;
	}

	void suggested(int form, CaseOutcome outcome) {
		this.suggestedForm = form;
		this.suggestedOutcome = outcome;
	}

	void decided(CaseOutcome outcome, String deviationReason, String by, Instant now) {
		this.decidedOutcome = outcome;
		this.deviationReason = deviationReason;
		this.decidedBy = by;
		this.decidedAt = now;
	}

	void delivered(Instant now, Instant appealDue) {
		this.deliveredAt = now;
		this.appealDueAt = appealDue;
		this.status = CaseStatus.DELIVERED;
	}

	void appealed(String reason, Instant now) {
		this.appealReason = reason;
		this.appealedAt = now;
		this.status = CaseStatus.APPEAL;
	}

	void appealReviewed(String opinion) {
		this.appealReview = opinion;
	}

	void appealDecided(AppealOutcome outcome, CaseOutcome newOutcome, String reason, String by, Instant now) {
		this.appealOutcome = outcome;
		this.appealNewOutcome = newOutcome;
		this.appealDecisionReason = reason;
		this.appealDecidedBy = by;
		this.appealDecidedAt = now;
	}

	void archived(Instant now) {
		if (this.finalAt == null) {
			this.finalAt = now;
		}
		this.archivedAt = now;
		this.status = CaseStatus.ARCHIVED;
	}

	/** The outcome that stands: the appeal's new one if the decision was changed, else the decided one. */
	CaseOutcome standingOutcome() {
		if (appealOutcome == AppealOutcome.REVOKE) {
			return null;
		}
		return appealOutcome == AppealOutcome.CHANGE ? appealNewOutcome : decidedOutcome;
	}

	// --- reading ------------------------------------------------------------------------------------------

	Long getId() {
		return id;
	}

	String getCaseNumber() {
		return caseNumber;
	}

	Long getLeadId() {
		return leadId;
	}

	String getSubject() {
		return subject;
	}

	String getUnitCode() {
		return unitCode;
	}

	CaseStatus getStatus() {
		return status;
	}

	String getSummary() {
		return summary;
	}

	String getFilingBasis() {
		return filingBasis;
	}

	boolean isExtensionRequested() {
		return extensionRequested;
	}

	Instant getInvestigationDueAt() {
		return investigationDueAt;
	}

	String getSubjectFindings() {
		return subjectFindings;
	}

	Severity getSeverity() {
		return severity;
	}

	Circumstances getCircumstances() {
		return circumstances;
	}

	CaseOutcome getSuggestedOutcome() {
		return suggestedOutcome;
	}

	CaseOutcome getDecidedOutcome() {
		return decidedOutcome;
	}

	Instant getDecidedAt() {
		return decidedAt;
	}

	String getDecidedBy() {
		return decidedBy;
	}

	/** The whole case file, for the office, review and the leadership (never for the subject). */
	CaseFile toFile() {
		return new CaseFile(id, caseNumber, leadId, subject, unitCode, status, summary, filingBasis, proposedBy, createdAt,
				filingApproved, filingReason, filingBy, filingAt, investigationDueAt, extensionRequested, extensionReason,
				extensionApproved, extensionDecidedBy, investigationExtendedAt, subjectFindings, investigationReport,
				investigatedBy, investigatedAt, statement, statementWaived, statedAt, sendBacks, sendBackReason,
				reviewOpinion, reviewedBy, reviewedAt, severity, circumstances, suggestedForm, suggestedOutcome,
				decidedOutcome, deviationReason, decidedBy, decidedAt, deliveredAt, appealDueAt, appealReason, appealedAt,
				appealReview, appealOutcome == null ? null : appealOutcome.name(), appealNewOutcome, appealDecisionReason,
				appealDecidedBy, appealDecidedAt, finalAt, archivedAt);
	}

	CaseSummary toSummary() {
		return new CaseSummary(id, caseNumber, leadId, subject, unitCode, status, createdAt, investigationDueAt,
				decidedOutcome, decidedAt, archivedAt);
	}

	record CaseSummary(Long id, String caseNumber, Long leadId, String subject, String unitCode, CaseStatus status,
			Instant createdAt, Instant investigationDueAt, CaseOutcome decidedOutcome, Instant decidedAt,
			Instant archivedAt) {
	}

	record CaseFile(Long id, String caseNumber, Long leadId, String subject, String unitCode, CaseStatus status,
			String summary, String filingBasis, String proposedBy, Instant createdAt, Boolean filingApproved,
			String filingReason, String filingBy, Instant filingAt, Instant investigationDueAt,
			boolean extensionRequested, String extensionReason, Boolean extensionApproved, String extensionDecidedBy,
			Instant investigationExtendedAt, String subjectFindings, String investigationReport, String investigatedBy,
			Instant investigatedAt, String statement, Boolean statementWaived, Instant statedAt, int sendBacks,
			String sendBackReason, String reviewOpinion, String reviewedBy, Instant reviewedAt, Severity severity,
			Circumstances circumstances, Integer suggestedForm, CaseOutcome suggestedOutcome, CaseOutcome decidedOutcome,
			String deviationReason, String decidedBy, Instant decidedAt, Instant deliveredAt, Instant appealDueAt,
			String appealReason, Instant appealedAt, String appealReview, String appealOutcome,
			CaseOutcome appealNewOutcome, String appealDecisionReason, String appealDecidedBy, Instant appealDecidedAt,
			Instant finalAt, Instant archivedAt) {
	}

}
