package io.zeren.responsibility;

/** Ids and variable names of processes/responsibility/annual-cycle.bpmn, declared once. */
final class AnnualCycleProcess {

	static final String KEY = "AnnualCycleProcess";

	static final String TASK_DRAFT_CATALOGUE = "Task_DraftCatalogue";

	static final String TASK_APPROVE_CATALOGUE = "Task_ApproveCatalogue";

	static final String TASK_COUNT_OPEN_UNIT_LISTS = "Task_CountOpenUnitLists";

	/** Intermediate message catch event: waits for the year's last unit list to be confirmed. */
	static final String EVENT_UNIT_LISTS_CONFIRMED = "Event_UnitListsConfirmed";

	/** Correlated by the UnitListProcess that confirms the last unit list of the year. */
	static final String MESSAGE_UNIT_LISTS_CONFIRMED = "UnitListsConfirmed";

	static final String TASK_KICK_OFF = "Task_KickOff";

	static final String TASK_FINISH_KICK_OFF = "Task_FinishKickOff";

	/** Intermediate message catch event: waits for the last KickOffBatchProcess of the run. */
	static final String EVENT_LIST_BATCHES_ISSUED = "Event_ListBatchesIssued";

	/** Correlated by the KickOffBatchProcess that reports last. */
	static final String MESSAGE_LIST_BATCHES_ISSUED = "KickOffBatchesIssued";

	/** How many KickOffBatchProcess instances the kick-off job started (0: nobody left to issue). */
	static final String VAR_KICK_OFF_BATCH_COUNT = "kickOffBatchCount";

	static final String TASK_REVIEW_KICK_OFF = "Task_ReviewKickOff";

	static final String VAR_CYCLE_ID = "cycleId";

	static final String VAR_YEAR = "year";

	static final String VAR_WORK_POINTS = "workPoints";

	/** The catalogue as the draft form's rows (a Json variable, {@link ItemRows.Row}s). */
	static final String VAR_CATALOGUE_ROWS = "catalogueRows";

	/** The saved draft as a read-only table for the leadership (a Json variable, see {@link ItemRows#view}). */
	static final String VAR_CATALOGUE_VIEW = "catalogueView";

	/** The leadership's note when it last returned the draft, shown read-only in the next round. */
	static final String VAR_RETURNED_NOTE = "returnedNote";

	/** "approve" or "return". */
	static final String VAR_DECISION = "catalogueDecision";

	static final String VAR_DECISION_NOTE = "decisionNote";

	/** Transient: the batches of units (codes joined by commas) whose UnitListProcess to start. */
	static final String VAR_UNIT_LIST_BATCHES = "unitListBatches";

	/** Multi-instance element: one batch's unit codes. */
	static final String VAR_UNIT_LIST_BATCH = "unitListBatch";

	/** Unit lists of the year not confirmed yet, when the cycle had started them all. */
	static final String VAR_OPEN_UNIT_LISTS = "openUnitLists";

	static final String VAR_KICK_OFF_FAILED = "kickOffFailed";

	static final String VAR_KICK_OFF_SUMMARY = "kickOffSummary";

	static final String APPROVE = "approve";

	private AnnualCycleProcess() {
	}

}
