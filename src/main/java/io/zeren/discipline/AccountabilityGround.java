package io.zeren.discipline;

/** Why an accountability matter (问责) was opened. */
public enum AccountabilityGround {

	/** Rectifications of the unit ran overdue or failed, {@code rectification-threshold} times in a year. */
	RECTIFICATIONS,
	/** Leads against the unit's staff were proposed for filing, {@code case-threshold} times in a year. */
	CASES,
	/** The head of the unit was graded 不称职 in the year's assessment. */
	INCOMPETENT_HEAD,
	/** Opened by the discipline office. */
	MANUAL

}
