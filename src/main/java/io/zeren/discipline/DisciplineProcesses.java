package io.zeren.discipline;

import java.util.Set;

/**
 * Process keys and the variables every discipline process instance carries. Every discipline process is
 * confidential: its tasks escalate inside the discipline office only, and only the people {@link DisciplineAccess}
 * names see them.
 */
public final class DisciplineProcesses {

	/** 线索处置: business key = the lead number. */
	public static final String LEAD_DISPOSAL = "LeadDisposalProcess";

	/** 立案审查: business key = the case number. */
	public static final String CASE = "DisciplineCaseProcess";

	/** A task addressed to the subject (书面说明, 陈述申辩, 签收决定/申诉), called from the others. */
	public static final String SUBJECT_TASK = "DisciplineSubjectProcess";

	/** 处分期限: one per sanction with a period; lifts it at its end. */
	public static final String SANCTION_TERM = "SanctionTermProcess";

	/** 问责. */
	public static final String ACCOUNTABILITY = "AccountabilityProcess";

	public static final Set<String> CONFIDENTIAL = Set.of(LEAD_DISPOSAL, CASE, SUBJECT_TASK, SANCTION_TERM,
			ACCOUNTABILITY);

	/** Decisions evaluated on case facts (their history is as confidential as the cases). */
	public static final Set<String> CONFIDENTIAL_DECISIONS = Set.of("Decision_DisciplineOutcome");

	/** Long: id of the lead (zr_dis_lead) the instance belongs to; every discipline instance has it. */
	public static final String VAR_LEAD_ID = "leadId";

	/** String: username of the person the lead or case concerns (the subject). */
	public static final String VAR_SUBJECT = "subject";

	/** String: the lead number or case number shown to users. */
	public static final String VAR_CASE_NUMBER = "caseNumber";

	private DisciplineProcesses() {
	}

}
