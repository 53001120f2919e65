package io.zeren.discipline;

/** Where a lead (问题线索) comes from. */
public enum LeadSource {

	/** 信访来信: a letter, entered by the discipline office. */
	LETTER(true),
	/** 信访来访: a visit in person, entered by the discipline office. */
	VISIT(true),
	/** 检举控告: other reports (telephone, online), entered by the discipline office. */
	LETTER_REPORT(true),
	/** A finding of an inspection, entered by the discipline office. */
	INSPECTION_FINDING(true),
	/** A rectification failed (event from inspection). */
	RECTIFICATION_FAILED(false),
	/** A rectification ran past its deadline (event from inspection). */
	RECTIFICATION_OVERDUE(false),
	/** An archived INCOMPETENT annual grade (event from assessment). */
	INCOMPETENT_GRADE(false),
	/** 审计. */
	AUDIT(true),
	/** 移送: referred by another body, or by accountability inside Zeren. */
	REFERRAL(true),
	/** 主动说明: the person reports on themselves. */
	SELF_REPORT(true);

	private final boolean enteredByHand;

	LeadSource(boolean enteredByHand) {
		this.enteredByHand = enteredByHand;
	}

	/** Whether the office may register a lead of this source through the API (the others come from events). */
	public boolean enteredByHand() {
		return enteredByHand;
	}

}
