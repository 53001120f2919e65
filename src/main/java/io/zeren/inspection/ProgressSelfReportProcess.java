package io.zeren.inspection;

/** Ids and variable names of processes/inspection/progress-self-report.bpmn, declared once. */
public final class ProgressSelfReportProcess {

	public static final String KEY = "ProgressSelfReportProcess";

	public static final String TASK_SUBMIT = "Task_SubmitProgressReport";

	public static final String TASK_REVIEW = "Task_ReviewProgressReport";

	static final String VAR_REPORT_ID = "reportId";

	static final String VAR_USERNAME = "username";

	static final String VAR_FULL_NAME = "fullName";

	static final String VAR_YEAR = "year";

	static final String VAR_REVIEWER_GROUP = "reviewerGroup";

	static final String VAR_TEXT = "progressText";

	/** "accept" or "return". */
	static final String VAR_OUTCOME = "reviewOutcome";

	static final String VAR_COMMENT = "reviewComment";

	static final String OUTCOME_ACCEPT = "accept";

	static final String OUTCOME_RETURN = "return";

	private ProgressSelfReportProcess() {
	}

}
