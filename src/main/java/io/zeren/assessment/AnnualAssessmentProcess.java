package io.zeren.assessment;

/** Ids and variable names of processes/assessment/annual-assessment.bpmn, declared once. */
public final class AnnualAssessmentProcess {

	public static final String KEY = "AnnualAssessmentProcess";

	public static final String DECISION_GRADE = "Decision_AssessmentGrade";

	public static final String TASK_SUBMIT_SELF_SUMMARY = "Task_SubmitSelfSummary";

	public static final String TASK_EVALUATE_PEER = "Task_EvaluatePeer";

	public static final String TASK_PROPOSE_GRADE = "Task_ProposeGrade";

	public static final String TASK_ACKNOWLEDGE_NOTICE = "Task_AcknowledgeNotice";

	public static final String TASK_DECIDE_REVIEW = "Task_DecideReview";

	public static final String TASK_DECIDE_APPEAL = "Task_DecideAppeal";

	public static final String EVENT_AWAIT_UNIT_DECISION = "Event_AwaitUnitDecision";

	public static final String MESSAGE_GRADE_DECIDED = "Message_GradeDecided";

	public static final String MESSAGE_REVIEW_REQUESTED = "Message_ReviewRequested";

	public static final String MESSAGE_APPEAL_REQUESTED = "Message_AppealRequested";

	static final String VAR_ASSESSMENT_ID = "assessmentId";

	static final String VAR_YEAR = "year";

	static final String VAR_USERNAME = "username";

	static final String VAR_UNIT = "unitCode";

	static final String VAR_PERSON_NAME = "personName";

	static final String VAR_SELF_SUMMARY = "selfSummary";

	static final String VAR_REQUIRED_VOTES = "requiredVotes";

	static final String VAR_PEER_WINDOW = "peerWindow";

	static final String VAR_PROPOSER_GROUP = "proposerGroup";

	static final String VAR_VOTE_SUMMARY = "voteSummary";

	static final String VAR_PEER_GRADE = "peerGrade";

	static final String VAR_PEER_REMARK = "peerRemark";

	static final String VAR_PROPOSED_GRADE = "proposedGrade";

	static final String VAR_HEAD_COMMENT = "headComment";

	static final String VAR_RECOMMENDATION = "gradeRecommendation";

	static final String VAR_GRADE_TEXT = "gradeText";

	static final String VAR_ACKNOWLEDGEMENT = "acknowledgement";

	static final String VAR_REVIEW_REASON = "reviewReason";

	static final String VAR_REVIEW_DEADLINE = "reviewDeadline";

	static final String VAR_REVIEW_DECISION = "reviewDecision";

	static final String VAR_APPEAL_DEADLINE = "appealDeadline";

	static final String VAR_APPEAL_DECISION = "appealDecision";

	static final String VAR_OUTCOME = "outcome";

	static final String VAR_NEW_GRADE = "newGrade";

	static final String VAR_DECISION_NOTE = "decisionNote";

	static final String VAR_REQUEST_REASON = "requestReason";

	static final String ACK_REVIEW = "review";

	private AnnualAssessmentProcess() {
	}

}
