package io.zeren.responsibility;

/** Ids and variable names of processes/responsibility/kick-off-batch.bpmn, declared once. */
final class KickOffBatchProcess {

	static final String KEY = "KickOffBatchProcess";

	static final String TASK_ISSUE_BATCH = "Task_IssueListBatch";

	static final String VAR_YEAR = AnnualCycleProcess.VAR_YEAR;

	/** 1-based number of the batch in its run (progress and log lines name it). */
	static final String VAR_BATCH_NO = "batchNo";

	/** The batch's unit codes, joined by commas. */
	static final String VAR_UNITS = "kickOffBatch";

	private KickOffBatchProcess() {
	}

	static String businessKey(int year, int batchNo) {
		return year + ":kick-off-batch-" + batchNo;
	}

}
