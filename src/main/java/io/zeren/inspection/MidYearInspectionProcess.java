package io.zeren.inspection;

/** Ids and variable names of processes/inspection/mid-year-inspection.bpmn, declared once. */
public final class MidYearInspectionProcess {

	public static final String KEY = "MidYearInspectionProcess";

	public static final String TASK_RECORD_FINDING = "Task_RecordFinding";

	public static final String MESSAGE_ALL_RECTIFIED = "Message_InspectionRectified";

	static final String VAR_INSPECTION_ID = "inspectionId";

	static final String VAR_INSPECTORS = "inspectors";

	static final String VAR_UNIT_NAME = "unitName";

	static final String VAR_FINDING_COUNT = "findingCount";

	static final String VAR_ALL_RECTIFIED = "allRectified";

	/** Form fields of one finding; cleared after it is recorded so the next round starts empty. */
	static final String VAR_TARGET = "findingTarget";

	static final String VAR_PERSON = "findingPerson";

	/** Task-local Json: the people {@link #VAR_PERSON} may name, as the form's select options (姓名（单位·岗位）). */
	static final String VAR_PERSON_CHOICES = "findingPersonChoices";

	static final String VAR_DESCRIPTION = "findingDescription";

	static final String VAR_SEVERITY = "findingSeverity";

	static final String VAR_REQUIREMENT = "findingRequirement";

	static final String VAR_DEADLINE = "findingDeadline";

	/** "addAnother" loops back to the form; anything else ends recording. */
	static final String VAR_NEXT = "next";

	static final String NEXT_ADD_ANOTHER = "addAnother";

	private MidYearInspectionProcess() {
	}

}
