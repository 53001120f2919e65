package io.zeren.discipline;

/** Ids and variable names of processes/discipline/lead-disposal.bpmn, declared once. */
final class LeadDisposalProcess {

	static final String KEY = DisciplineProcesses.LEAD_DISPOSAL;

	static final String TASK_DECIDE = "Task_DecideDisposal";

	static final String TASK_ASSESS_ANSWER = "Task_AssessInquiryAnswer";

	static final String TASK_VERIFY = "Task_PreliminaryVerification";

	static final String TASK_CONFIRM = "Task_ConfirmVerification";

	static final String CALL_INQUIRY = "CallActivity_Inquiry";

	static final String MESSAGE_NEW_INFORMATION = "LeadNewInformation";

	/** Shown to the office: the lead's title and summary (never the informant). */
	static final String VAR_TITLE = "leadTitle";

	static final String VAR_SUMMARY = "leadSummary";

	/** Task_DecideDisposal: TALK_INQUIRY, PRELIMINARY_VERIFICATION, SET_ASIDE or CLOSE. */
	static final String VAR_DISPOSAL = "disposal";

	static final String VAR_DISPOSAL_REASON = "disposalReason";

	/** The questions put to the subject: the only text of this process the subject's task receives. */
	static final String VAR_QUESTIONS = "inquiryQuestions";

	/** Username of the handler (承办人): assignee of the inquiry assessment and the verification. */
	static final String VAR_HANDLER = "handler";

	/** Json, task-local on Task_DecideDisposal: the handlers offered by name (select options). */
	static final String VAR_HANDLER_CHOICES = "handlerChoices";

	/** Task-local on Task_DecideDisposal when the lead comes back: the previous decision as people read it. */
	static final String VAR_PREVIOUS_DISPOSAL = "previousDisposal";

	/** Task-local on Task_ConfirmVerification: the handler as people read them. */
	static final String VAR_HANDLER_NAME = "handlerName";

	/** Date: when a set-aside lead comes back for a new decision. */
	static final String VAR_RECHECK_AT = "recheckAt";

	/** The subject's answer, mapped out of DisciplineSubjectProcess. */
	static final String VAR_INQUIRY_ANSWER = "inquiryAnswer";

	/** Task_AssessInquiryAnswer: CLOSE, EDUCATE or VERIFY, with a note. */
	static final String VAR_ANSWER_VERDICT = "answerVerdict";

	static final String VAR_ANSWER_NOTE = "answerNote";

	static final String VAR_REPORT = "verificationReport";

	/** FILE_CASE, CLOSE, EDUCATE or SET_ASIDE. */
	static final String VAR_RECOMMENDATION = "recommendation";

	/** Task_ConfirmVerification: AGREE or RETURN. */
	static final String VAR_CONFIRMATION = "confirmation";

	static final String VAR_RETURN_REASON = "returnReason";

	/** Set by the confirmation: RETURNED, or the agreed recommendation. */
	static final String VAR_VERIFICATION_OUTCOME = "verificationOutcome";

	static final String OUTCOME_RETURNED = "RETURNED";

	/** Who confirmed a filing proposal. */
	static final String VAR_CONFIRMED_BY = "confirmedBy";

	private LeadDisposalProcess() {
	}

}
