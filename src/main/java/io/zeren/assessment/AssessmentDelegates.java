package io.zeren.assessment;

import io.zeren.shared.FormRows;
import io.zeren.shared.LivePolicy;

import static io.zeren.assessment.AnnualAssessmentProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans annual-assessment.bpmn and assessment-committee.bpmn call: thin glue to {@link Assessments}. */
@Configuration(proxyBeanMethods = false)
class AssessmentDelegates {

	// --- AnnualAssessmentProcess -----------------------------------------------------------------------

	@Bean
	TaskListener selfSummaryListener(Assessments assessments) {
		return task -> assessments.submitSelfSummary(id(task), (String) task.getVariable(VAR_SELF_SUMMARY));
	}

	@Bean
	JavaDelegate openPeerEvaluationDelegate(Assessments assessments, LivePolicy<AssessmentProperties> properties) {
		return execution -> {
			Assessments.PeerPlan plan = assessments.planPeerEvaluation(id(execution));
			execution.setVariable(VAR_REQUIRED_VOTES, plan.requiredVotes());
			execution.setVariable(VAR_PEER_WINDOW, properties.current().peerWindow());
			execution.setVariable(VAR_PROPOSER_GROUP, plan.proposerGroup());
			execution.setVariable(VAR_SELF_SUMMARY, plan.selfSummary());
		};
	}

	@Bean
	TaskListener peerVoteListener(Assessments assessments) {
		return task -> assessments.recordVote(id(task), task.getAssignee(), (String) task.getVariable(VAR_PEER_GRADE),
				(String) task.getVariable(VAR_PEER_REMARK));
	}

	@Bean
	TaskListener proposalFormListener(Assessments assessments) {
		return task -> task.setVariableLocal(VAR_VOTE_SUMMARY, assessments.voteSummaryText(id(task)));
	}

	@Bean
	TaskListener gradeProposalListener(Assessments assessments) {
		return task -> assessments.proposeGrade(id(task), actor(task), (String) task.getVariable(VAR_PROPOSED_GRADE),
				(String) task.getVariable(VAR_HEAD_COMMENT));
	}

	@Bean
	JavaDelegate gatherAssessmentSignalsDelegate(Assessments assessments) {
		return execution -> execution.setVariables(assessments.gradeInputs(id(execution)));
	}

	@Bean
	JavaDelegate recordRecommendationDelegate(Assessments assessments) {
		return execution -> assessments.recordRecommendation(id(execution),
				(String) execution.getVariable("recommendedGrade"), (String) execution.getVariable("recommendationBasis"));
	}

	@Bean
	JavaDelegate sendAssessmentNoticeDelegate(Assessments assessments, LivePolicy<AssessmentProperties> properties) {
		return execution -> {
			execution.setVariable(VAR_REVIEW_DECISION, properties.current().reviewDecision());
			execution.setVariable(VAR_APPEAL_DECISION, properties.current().appealDecision());
			execution.setVariable(VAR_REVIEW_DEADLINE, assessments.sendNotice(id(execution)));
			execution.setVariable(VAR_GRADE_TEXT, assessments.gradeText(id(execution)));
		};
	}

	@Bean
	TaskListener acknowledgeNoticeListener(Assessments assessments) {
		return task -> assessments.acknowledge(id(task), actor(task), (String) task.getVariable(VAR_ACKNOWLEDGEMENT),
				(String) task.getVariable(VAR_REVIEW_REASON));
	}

	@Bean
	TaskListener reviewFormListener(Assessments assessments) {
		return task -> task.setVariableLocal(VAR_REQUEST_REASON, assessments.requestText(id(task),
				APPEAL_TASKS.contains(task.getTaskDefinitionKey()) ? ReviewRequest.Kind.APPEAL : ReviewRequest.Kind.REVIEW));
	}

	@Bean
	TaskListener reviewDecisionListener(Assessments assessments) {
		return task -> task.getExecution().setVariable(VAR_APPEAL_DEADLINE, assessments.decideRequest(id(task),
				ReviewRequest.Kind.REVIEW, actor(task), (String) task.getVariable(VAR_OUTCOME),
				(String) task.getVariable(VAR_NEW_GRADE), (String) task.getVariable(VAR_DECISION_NOTE)));
	}

	@Bean
	TaskListener appealDecisionListener(Assessments assessments) {
		return task -> assessments.decideRequest(id(task), ReviewRequest.Kind.APPEAL, actor(task),
				(String) task.getVariable(VAR_OUTCOME), (String) task.getVariable(VAR_NEW_GRADE),
				(String) task.getVariable(VAR_DECISION_NOTE));
	}

	@Bean
	JavaDelegate archiveAssessmentDelegate(Assessments assessments) {
		return execution -> assessments.archive(id(execution));
	}

	// --- AssessmentCommitteeProcess --------------------------------------------------------------------

	@Bean
	TaskListener unitReviewFormListener(Assessments assessments) {
		// On the execution, not the task: a submitted form sets execution variables, and the grades are edited.
		return task -> task.getExecution().setVariables(assessments.unitReviewVariables(year(task), unit(task)));
	}

	@Bean
	TaskListener committeeReviewListener(Assessments assessments) {
		return task -> assessments.reviewUnit(year(task), unit(task), actor(task),
				FormRows.rows(task, AssessmentCommitteeProcess.VAR_COMMITTEE_GRADES, Assessments.GradeRow.class),
				(String) task.getVariable(AssessmentCommitteeProcess.VAR_COMMITTEE_NOTE));
	}

	@Bean
	TaskListener leadershipDecisionListener(Assessments assessments) {
		return task -> assessments.decideUnit(year(task), unit(task), actor(task),
				(String) task.getVariable(AssessmentCommitteeProcess.VAR_LEADERSHIP_DECISION),
				(String) task.getVariable(AssessmentCommitteeProcess.VAR_LEADERSHIP_NOTE));
	}

	@Bean
	JavaDelegate startPublicityDelegate(Assessments assessments) {
		return execution -> assessments.startPublicity(year(execution), unit(execution));
	}

	@Bean
	JavaDelegate openObjectionDelegate(Assessments assessments) {
		// Local to this objection's event sub-process, so that objections handled side by side stay apart.
		return execution -> execution.setVariablesLocal(assessments.openNextObjection(year(execution), unit(execution)));
	}

	@Bean
	TaskListener objectionResolutionListener(Assessments assessments) {
		return task -> assessments.resolveObjection(
				((Number) task.getVariable(AssessmentCommitteeProcess.VAR_OBJECTION_ID)).longValue(), actor(task),
				(String) task.getVariable(AssessmentCommitteeProcess.VAR_RESOLUTION),
				(String) task.getVariable(AssessmentCommitteeProcess.VAR_RESOLUTION_GRADE),
				(String) task.getVariable(AssessmentCommitteeProcess.VAR_RESOLUTION_NOTE));
	}

	@Bean
	JavaDelegate finaliseUnitGradesDelegate(Assessments assessments) {
		return execution -> assessments.finaliseUnit(year(execution), unit(execution));
	}

	private static final List<String> APPEAL_TASKS = List.of(TASK_DECIDE_APPEAL);

	private static long id(DelegateExecution execution) {
		return ((Number) execution.getVariable(VAR_ASSESSMENT_ID)).longValue();
	}

	private static long id(DelegateTask task) {
		return ((Number) task.getVariable(VAR_ASSESSMENT_ID)).longValue();
	}

	private static int year(DelegateExecution execution) {
		return ((Number) execution.getVariable(AssessmentCommitteeProcess.VAR_YEAR)).intValue();
	}

	private static int year(DelegateTask task) {
		return ((Number) task.getVariable(AssessmentCommitteeProcess.VAR_YEAR)).intValue();
	}

	private static String unit(DelegateExecution execution) {
		return (String) execution.getVariable(AssessmentCommitteeProcess.VAR_UNIT);
	}

	private static String unit(DelegateTask task) {
		return (String) task.getVariable(AssessmentCommitteeProcess.VAR_UNIT);
	}

	/** Who completes the task: its assignee (Tasklist has one claim first), else the caller of the request. */
	private static String actor(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getName() != null ? authentication.getName() : "system";
	}

}
