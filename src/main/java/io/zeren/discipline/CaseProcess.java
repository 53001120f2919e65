package io.zeren.discipline;

/** Ids and variable names of processes/discipline/discipline-case.bpmn and sanction-term.bpmn, declared once. */
public final class CaseProcess {

	public static final String TASK_APPROVE_FILING = "Task_ApproveFiling";

	public static final String TASK_INVESTIGATE = "Task_Investigate";

	public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";

	public static final String CALL_STATEMENT = "Call_Statement";

	public static final String TASK_REVIEW = "Task_ReviewCase";

	public static final String DECISION_OUTCOME = "Decision_DisciplineOutcome";

	public static final String TASK_DECIDE = "Task_DecideCase";

	public static final String CALL_DELIVER = "Call_DeliverDecision";

	public static final String TIMER_APPEAL_WINDOW = "BoundaryEvent_AppealWindowLapsed";

	public static final String TASK_REVIEW_APPEAL = "Task_ReviewAppeal";

	public static final String TASK_DECIDE_APPEAL = "Task_DecideAppeal";

	/** Message that cancels a SanctionTermProcess (the sanction was revoked or replaced on appeal). */
	public static final String MESSAGE_TERM_CANCELLED = "SanctionTermCancelled";

	/** Long: the case row (zr_dis_case). */
	static final String VAR_CASE_ID = "caseId";

	/** Long: the sanction row (zr_dis_sanction) a SanctionTermProcess watches. */
	static final String VAR_SANCTION_ID = "sanctionId";

	/** Date: when the sanction's period ends (SanctionTermProcess timer). */
	static final String VAR_ENDS_AT = "endsAt";

	static final String VAR_SUMMARY = "summary";

	static final String VAR_FILING_BASIS = "filingBasis";

	static final String VAR_FILING_DECISION = "filingDecision";

	static final String VAR_FILING_REASON = "filingReason";

	static final String VAR_FILED = "filed";

	static final String VAR_INVESTIGATION_DUE_AT = "investigationDueAt";

	static final String VAR_INVESTIGATION_DUE_TEXT = "investigationDueText";

	static final String VAR_INVESTIGATION_ACTION = "investigationAction";

	static final String VAR_FINDINGS = "findingsForSubject";

	static final String VAR_REPORT = "investigationReport";

	static final String VAR_SEVERITY = "severity";

	static final String VAR_CIRCUMSTANCES = "circumstances";

	static final String VAR_EXTENSION_REASON = "extensionReason";

	static final String VAR_EXTENSION_REQUESTED = "extensionRequested";

	static final String VAR_EXTENSION_DECISION = "extensionDecision";

	static final String VAR_EXTENSION_DECISION_REASON = "extensionDecisionReason";

	static final String VAR_STATEMENT_TITLE = "statementTitle";

	static final String VAR_SUBJECT_STATEMENT = "subjectStatement";

	static final String VAR_SUBJECT_STATEMENT_WAIVED = "subjectStatementWaived";

	static final String VAR_REVIEW_ACTION = "reviewAction";

	static final String VAR_REVIEW_OPINION = "reviewOpinion";

	static final String VAR_SEND_BACK_REASON = "sendBackReason";

	static final String VAR_SENT_BACK = "sentBack";

	static final String VAR_PARTY_MEMBER = "partyMember";

	/** The DMN's single result (map with form and outcome). */
	static final String VAR_OUTCOME_SUGGESTION = "outcomeSuggestion";

	static final String VAR_SUGGESTED_FORM = "suggestedForm";

	static final String VAR_SUGGESTED_OUTCOME = "suggestedOutcome";

	static final String VAR_SUGGESTED_OUTCOME_LABEL = "suggestedOutcomeLabel";

	static final String VAR_DECIDED_OUTCOME = "decidedOutcome";

	static final String VAR_DEVIATION_REASON = "deviationReason";

	static final String VAR_DECISION_TITLE = "decisionTitle";

	static final String VAR_DECISION_TEXT = "decisionText";

	static final String VAR_APPEAL_DUE_AT = "appealDueAt";

	static final String VAR_APPEAL = "appeal";

	static final String VAR_APPEAL_REASON = "appealReason";

	static final String VAR_APPEAL_REVIEW = "appealReviewOpinion";

	static final String VAR_APPEAL_OUTCOME = "appealOutcome";

	static final String VAR_APPEAL_NEW_OUTCOME = "appealNewOutcome";

	static final String VAR_APPEAL_DECISION_REASON = "appealDecisionReason";

	static final String ACTION_SUBMIT = "submit";

	static final String ACTION_EXTEND = "extend";

	static final String ACTION_FORWARD = "forward";

	static final String ACTION_SEND_BACK = "sendBack";

	static final String APPROVE = "approve";

	static final String REJECT = "reject";

	private CaseProcess() {
	}

}
