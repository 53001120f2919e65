package io.zeren.responsibility;

/** Ids and variable names of processes/responsibility/unit-list.bpmn, declared once. */
final class UnitListProcess {

	static final String KEY = "UnitListProcess";

	static final String TASK_CONFIRM_UNIT_LIST = "Task_ConfirmUnitList";

	static final String VAR_CYCLE_ID = AnnualCycleProcess.VAR_CYCLE_ID;

	static final String VAR_YEAR = AnnualCycleProcess.VAR_YEAR;

	static final String VAR_UNIT_CODE = "unitCode";

	/** The unit's list as the form's rows, shown and edited in the form (a Json variable of the unit's process). */
	static final String VAR_UNIT_LIST_ROWS = "unitListRows";

	private UnitListProcess() {
	}

	static String businessKey(int year, String unitCode) {
		return year + ":" + unitCode;
	}

}
