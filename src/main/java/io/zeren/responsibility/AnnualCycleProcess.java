package io.zeren.responsibility;

/** Ids and variable names of processes/responsibility/annual-cycle.bpmn, declared once. */
final class AnnualCycleProcess {

	static final String KEY = "AnnualCycleProcess";

	static final String TASK_DRAFT_CATALOGUE = "Task_DraftCatalogue";

	static final String TASK_APPROVE_CATALOGUE = "Task_ApproveCatalogue";

	static final String TASK_CONFIRM_UNIT_LIST = "Task_ConfirmUnitList";

	static final String TASK_KICK_OFF = "Task_KickOff";

	static final String TASK_ISSUE_BATCH = "Task_IssueListBatch";

	static final String TASK_FINISH_KICK_OFF = "Task_FinishKickOff";

	/** Transient: the planned batches (unit codes joined by commas) for the multi-instance. */
	static final String VAR_KICK_OFF_BATCHES = "kickOffBatches";

	/** Multi-instance element: one batch's unit codes. */
	static final String VAR_KICK_OFF_BATCH = "kickOffBatch";

	static final String TASK_REVIEW_KICK_OFF = "Task_ReviewKickOff";

	static final String VAR_CYCLE_ID = "cycleId";

	static final String VAR_YEAR = "year";

	static final String VAR_WORK_POINTS = "workPoints";

	static final String VAR_CATALOGUE_TEXT = "catalogueText";

	/** "approve" or "return". */
	static final String VAR_DECISION = "catalogueDecision";

	static final String VAR_DECISION_NOTE = "decisionNote";

	static final String VAR_UNIT_CODES = "unitCodes";

	static final String VAR_UNIT_CODE = "unitCode";

	static final String VAR_UNIT_LIST_TEXT = "unitListText";

	static final String VAR_KICK_OFF_FAILED = "kickOffFailed";

	static final String VAR_KICK_OFF_SUMMARY = "kickOffSummary";

	static final String APPROVE = "approve";

	private AnnualCycleProcess() {
	}

}
