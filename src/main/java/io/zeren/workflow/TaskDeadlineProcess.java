package io.zeren.workflow;

/** Ids and variable names of processes/workflow/task-deadline.bpmn, declared once. */
public final class TaskDeadlineProcess {

	public static final String KEY = "TaskDeadlineProcess";

	public static final String MESSAGE_TASK_CLOSED = "Message_TaskClosed";

	public static final String MESSAGE_DEADLINE_CHANGED = "Message_DeadlineChanged";

	public static final String TASK_HANDLE_ESCALATION = "Task_HandleEscalation";

	public static final String TASK_HANDLE_FINAL_ESCALATION = "Task_HandleFinalEscalation";

	public static final String POLICY_DECISION = "Decision_TaskDeadlinePolicy";

	/** Camunda properties an admin sets on a user task (element template "Zeren deadline") to override the policy. */
	public static final String PROPERTY_ENABLED = "zeren.deadline";

	public static final String PROPERTY_DUE_IN = "zeren.dueIn";

	public static final String PROPERTY_REMIND_BEFORE = "zeren.remindBefore";

	public static final String PROPERTY_ESCALATE_EVERY = "zeren.escalateEvery";

	public static final String PROPERTY_ESCALATION_CAP = "zeren.escalationCap";

	/**
	 * Marks a personal user task (signing, self-summary, statement, acknowledgement, appeal): only its owner may
	 * hold it; supervisors may urge or extend it but not move it (docs/deadlines.md, "Personal tasks").
	 */
	public static final String PROPERTY_PERSONAL = "zeren.personal";

	static final String VAR_TASK_ID = "taskId";

	static final String VAR_TASK_NAME = "taskName";

	static final String VAR_PROCESS_NAME = "processName";

	static final String VAR_OWNER = "ownerUsername";

	static final String VAR_OWNER_UNIT = "ownerUnit";

	static final String VAR_OWNER_NAMES = "ownerNames";

	static final String VAR_DUE_AT = "dueAt";

	static final String VAR_DUE_AT_TEXT = "dueAtText";

	static final String VAR_REMIND_AT = "remindAt";

	static final String VAR_REMIND_BEFORE = "remindBefore";

	static final String VAR_ESCALATE_EVERY = "escalateEvery";

	static final String VAR_ESCALATION_CAP = "escalationCap";

	static final String VAR_LEVEL = "level";

	static final String VAR_SUPERVISOR = "supervisor";

	static final String VAR_ACTION_DUE_AT = "actionDueAt";

	static final String VAR_NEXT_ESCALATION_AT = "nextEscalationAt";

	static final String VAR_REASON = "escalationReason";

	/** The overdue task's requirement, shown read-only on the 督办 form. */
	static final String VAR_WORK_REQUIREMENT = "workRequirement";

	/** What each earlier level of 督办 did, one line each, shown read-only on the 督办 form. */
	static final String VAR_EARLIER_LEVELS = "earlierLevelsText";

	static final String VAR_ACTION = "escalationAction";

	static final String VAR_ACTION_NOTE = "actionNote";

	static final String VAR_NEW_DUE_DATE = "newDueDate";

	static final String VAR_NEW_ASSIGNEE = "newAssignee";

	/** Set by the escalation step: the supervisor is the top of the chain (or the cap), the escalation stays with them. */
	static final String VAR_AT_TOP = "atTop";

	/** Set by the supervisor's action: 延期, 改派 or 接办 restarted the clock, the watch begins again at level 0. */
	static final String VAR_RESTART = "watchRestarts";

	/** Task-local Json: the people 改派 may choose, as the form's select options (姓名（单位·岗位）). */
	static final String VAR_NEW_ASSIGNEE_CHOICES = "newAssigneeChoices";

	private TaskDeadlineProcess() {
	}

}
