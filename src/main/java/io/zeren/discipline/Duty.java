package io.zeren.discipline;

/** What someone does on a lead or case; decides which conflicts of interest bar them. */
public enum Duty {

	/** Discipline office: disposal, verification, investigation. Barred: subject, informant, subject's supervisors. */
	HANDLER,
	/** Case review (审理). Barred like a handler. */
	REVIEWER,
	/** Leadership approving or deciding. Barred: subject, informant. */
	APPROVER,
	/** The person concerned: sees only what is addressed to them. */
	SUBJECT

}
