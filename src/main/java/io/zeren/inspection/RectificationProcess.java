package io.zeren.inspection;

/** Ids and variable names of processes/inspection/rectification.bpmn, declared once. */
public final class RectificationProcess {

	public static final String KEY = "RectificationProcess";

	public static final String TASK_SUBMIT_PLAN = "Task_SubmitRectificationPlan";

	public static final String TASK_SUBMIT_EVIDENCE = "Task_SubmitRectificationEvidence";

	public static final String TASK_VERIFY = "Task_VerifyRectification";

	public static final String BOUNDARY_DEADLINE = "BoundaryEvent_RectificationDeadline";

	static final String VAR_FINDING_ID = "findingId";

	static final String VAR_RESPONSIBLE = "responsible";

	static final String VAR_INSPECTORS = "inspectors";

	static final String VAR_DEADLINE_AT = "deadlineAt";

	static final String VAR_DEADLINE_TEXT = "deadlineText";

	static final String VAR_UNIT_NAME = "unitName";

	static final String VAR_DESCRIPTION = "findingDescription";

	static final String VAR_REQUIREMENT = "findingRequirement";

	static final String VAR_PLAN = "rectificationPlan";

	static final String VAR_EVIDENCE = "evidenceNote";

	static final String VAR_VERDICT = "verdict";

	static final String VAR_VERDICT_REASON = "verdictReason";

	static final String VAR_LAST_REJECTION = "lastRejectionReason";

	static final String VAR_REJECTIONS = "rejections";

	/** Set by the verification: accepted, rejected, failed (rejected once too often), closedFailed. */
	static final String VAR_VERIFICATION = "verification";

	static final String VERDICT_ACCEPT = "accept";

	static final String VERDICT_REJECT = "reject";

	static final String VERDICT_CLOSE_FAILED = "closeFailed";

	static final String OUTCOME_ACCEPTED = "accepted";

	static final String OUTCOME_REJECTED = "rejected";

	static final String OUTCOME_FAILED = "failed";

	static final String OUTCOME_CLOSED_FAILED = "closedFailed";

	private RectificationProcess() {
	}

}
