package io.zeren.assessment;

/** Ids and variable names of processes/assessment/assessment-committee.bpmn, declared once. */
public final class AssessmentCommitteeProcess {

	public static final String KEY = "AssessmentCommitteeProcess";

	public static final String TASK_REVIEW_UNIT = "Task_ReviewUnit";

	public static final String TASK_DECIDE_UNIT = "Task_DecideUnit";

	public static final String TASK_RESOLVE_OBJECTION = "Task_ResolveObjection";

	public static final String MESSAGE_OBJECTION_FILED = "Message_ObjectionFiled";

	static final String VAR_YEAR = "year";

	static final String VAR_UNIT = "unitCode";

	static final String VAR_UNIT_NAME = "unitName";

	static final String VAR_UNIT_SUMMARY = "unitSummary";

	static final String VAR_QUOTA_TEXT = "quotaText";

	static final String VAR_COMMITTEE_GRADES = "committeeGrades";

	/** Json: the unit's assessed people by name (label) and login (value), for the grade rows' select. */
	static final String VAR_UNIT_PEOPLE = "unitPeople";

	static final String VAR_COMMITTEE_NOTE = "committeeNote";

	static final String VAR_LEADERSHIP_DECISION = "leadershipDecision";

	static final String VAR_LEADERSHIP_NOTE = "leadershipNote";

	static final String VAR_PUBLICITY = "publicity";

	static final String VAR_OBJECTION_ID = "objectionId";

	static final String VAR_OBJECTION_TEXT = "objectionText";

	static final String VAR_OBJECTION_TARGET = "objectionTarget";

	static final String VAR_RESOLUTION = "resolution";

	static final String VAR_RESOLUTION_GRADE = "resolutionGrade";

	static final String VAR_RESOLUTION_NOTE = "resolutionNote";

	static final String SEND_BACK = "sendBack";

	private AssessmentCommitteeProcess() {
	}

}
