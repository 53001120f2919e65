package io.zeren.shared;

import java.util.HashMap;
import java.util.Map;

/**
 * The context of a task's name and of the Tasklist columns: year, unit and person, as process variables that only
 * Zeren code sets when it starts a process. No form declares them (TaskNamesTests checks forms/), so a submission
 * cannot change them (the submission guard lets through only a form's own fields).
 * <p>
 * A user task names itself with them through the {@link #PROPERTY_NAME} camunda property, e.g.
 * {@code ${contextYear} 填写个人总结（述职）}; its BPMN name stays plain, because diagrams show it as written.
 */
public final class TaskNames {

	/** Camunda property of a user task: the task's name as an expression, resolved when the task is created. */
	public static final String PROPERTY_NAME = "zeren.name";

	/** The year as a person reads it, e.g. 2027年度 (never with a thousands separator). */
	public static final String VAR_YEAR = "contextYear";

	/** The unit's name (never its code). */
	public static final String VAR_UNIT = "contextUnit";

	/** The person's full name (never the login). */
	public static final String VAR_PERSON = "contextPerson";

	/** What the work is, as its initiator named it when starting it (assigned work). */
	public static final String VAR_TITLE = "contextTitle";

	private TaskNames() {
	}

	/** 2027年度. */
	public static String year(int year) {
		return Integer.toString(year) + "年度";
	}

	/** The context variables to start a process with; absent parts are left out. */
	public static Map<String, Object> context(Integer year, String unitName, String personName) {
		Map<String, Object> variables = new HashMap<>();
		if (year != null) {
			variables.put(VAR_YEAR, year(year));
		}
		if (unitName != null) {
			variables.put(VAR_UNIT, unitName);
		}
		if (personName != null) {
			variables.put(VAR_PERSON, personName);
		}
		return variables;
	}

}
