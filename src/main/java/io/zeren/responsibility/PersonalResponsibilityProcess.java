package io.zeren.responsibility;

/** Ids and variable names of processes/responsibility/personal-responsibility.bpmn, declared once. */
final class PersonalResponsibilityProcess {

	static final String KEY = "PersonalResponsibilityProcess";

	static final String TASK_REVIEW_LIST = "Task_ReviewPersonalList";

	static final String TASK_ANSWER_OBJECTION = "Task_AnswerObjection";

	static final String TASK_QUARTERLY_CHECK = "Task_QuarterlyCheck";

	static final String MESSAGE_CYCLE_CLOSED = "Message_CycleClosed";

	static final String VAR_LIST_ID = "personalListId";

	static final String VAR_YEAR = "year";

	static final String VAR_USERNAME = "username";

	static final String VAR_FULL_NAME = "fullName";

	/** The group that answers objections and runs checks: head of the member's unit (of the parent unit for a head). */
	static final String VAR_REVIEWER_GROUP = "reviewerGroup";

	static final String VAR_QUARTERLY_CHECKS = "quarterlyChecks";

	/** The list as a read-only table (a Json variable, see {@link ItemRows#view}). */
	static final String VAR_LIST_VIEW = "listView";

	/** Transient, set with the start: {@link #VAR_LIST_VIEW} was just written and need not be read again. */
	static final String VAR_LIST_VIEW_CURRENT = "listViewCurrent";

	/** "sign" or "object". */
	static final String VAR_DECISION = "listDecision";

	static final String VAR_ITEM_NO = "objectionItemNo";

	static final String VAR_REASON = "objectionReason";

	static final String VAR_OBJECTION_TEXT = "objectionText";

	static final String VAR_ANSWER = "objectionAnswer";

	/** The adjusted terms of the item objected to: at most one row of the answer form's list. */
	static final String VAR_ADJUSTED_ITEM = "adjustedItemRows";

	/** The answer to the previous objection, shown read-only when the next one is answered. */
	static final String VAR_PREVIOUS_ANSWER = "previousAnswer";

	static final String VAR_NEXT_CHECK_AT = "nextCheckAt";

	static final String VAR_QUARTER = "quarter";

	static final String VAR_CHECK_RATING = "checkRating";

	static final String VAR_CHECK_NOTE = "checkNote";

	static final String SIGN = "sign";

	static final String OBJECT = "object";

	private PersonalResponsibilityProcess() {
	}

	static String businessKey(int year, String username) {
		return year + ":" + username;
	}

}
