package io.zeren.discipline;

/** Where a case stands (zr_dis_case.status). */
public enum CaseStatus {

	/** Filing proposed, awaiting the leadership's approval (立案审批). */
	FILING,
	/** The leadership did not approve the filing: ended. */
	NOT_FILED,
	/** Filed, under investigation (审查调查), possibly extended once or sent back by review. */
	INVESTIGATING,
	/** The subject answers the findings addressed to them (陈述申辩). */
	STATEMENT,
	/** Case review (审理). */
	REVIEW,
	/** Awaiting the leadership's decision (作出决定). */
	DECIDING,
	/** Decided and delivered; the appeal window is open. */
	DELIVERED,
	/** The subject appealed; appeal review and decision. */
	APPEAL,
	/** Final and archived. */
	ARCHIVED

}
