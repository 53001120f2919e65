package io.zeren.discipline;

import static io.zeren.discipline.LeadDisposalProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

import io.zeren.discipline.LeadRules.AnswerAssessment;
import io.zeren.discipline.LeadRules.Confirmation;
import io.zeren.discipline.LeadRules.DisposalDecision;
import io.zeren.discipline.LeadRules.Recommendation;
import io.zeren.discipline.LeadRules.VerificationReport;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.PeopleChoices;
import io.zeren.shared.FormRows;
import io.zeren.shared.Locales;
import io.zeren.shared.RuleViolationException;

/**
 * The beans LeadDisposalProcess calls: complete listeners check the form against {@link LeadRules} (a refusal
 * keeps the task open with everything entered, and says why in Chinese in Tasklist), record the step through
 * {@link Leads} and set the variable the next gateway routes on. The lead and its subject come from the system's
 * record of the instance ({@link DisciplineInstances}), never from the variables of the task being completed.
 */
@Configuration(proxyBeanMethods = false)
class LeadDelegates {

	@Bean
	TaskListener decideDisposalTaskListener(Leads leads, DisciplineAccess disciplineAccess, DisciplineInstances instances,
			MessageSource messages) {
		return task -> refusing(messages, () -> {
			long leadId = instances.leadId(task);
			DisposalDecision decision = LeadRules.disposal(task.getVariable(VAR_DISPOSAL),
					task.getVariable(VAR_DISPOSAL_REASON), task.getVariable(VAR_QUESTIONS), task.getVariable(VAR_HANDLER),
					instances.subject(task) != null);
			String handler = null;
			if (decision.needsHandler()) {
				handler = decision.handler() != null ? decision.handler()
						: disciplineAccess.handlers(task.getExecution()).get(0);
				// Why a conflicted person may not handle it first, then: only those the form offered.
				disciplineAccess.checkAssignable(leadId, handler, Duty.HANDLER);
				disciplineAccess.checkOffered(task.getExecution(), handler);
			}
			Date recheckAt = decision.disposal() == Disposal.SET_ASIDE ? leads.recheckAt() : null;
			leads.decided(leadId, decision, handler, recheckAt, actor(task));
			task.setVariable(VAR_DISPOSAL, decision.disposal().name());
			task.setVariable(VAR_HANDLER, handler);
			task.setVariable(VAR_QUESTIONS, decision.questions());
			task.setVariable(VAR_RECHECK_AT, recheckAt);
		});
	}

	/**
	 * Create listener: the handlers the disposal form offers by name, on the task only; and a fresh round when the
	 * lead comes back to disposal (re-check, new information): the previous decision is shown read-only
	 * ({@code previousDisposal}) and the decision fields start empty.
	 */
	@Bean
	TaskListener handlerChoicesTaskListener(DisciplineAccess disciplineAccess) {
		return task -> {
			task.setVariableLocal(VAR_HANDLER_CHOICES, FormRows.json(disciplineAccess.handlerChoices(task.getExecution())));
			Object previous = task.getExecution().getVariable(VAR_DISPOSAL);
			if (previous != null) {
				Object reason = task.getExecution().getVariable(VAR_DISPOSAL_REASON);
				task.setVariableLocal(VAR_PREVIOUS_DISPOSAL, disposalLabel(String.valueOf(previous))
						+ (reason == null || reason.toString().isBlank() ? "" : "；理由：" + reason));
				for (String name : new String[] { VAR_DISPOSAL, VAR_DISPOSAL_REASON, VAR_QUESTIONS, VAR_HANDLER }) {
					task.getExecution().setVariable(name, null);
				}
			}
		};
	}

	private static String disposalLabel(String code) {
		return switch (code) {
			case "TALK_INQUIRY" -> "谈话函询";
			case "PRELIMINARY_VERIFICATION" -> "初步核实";
			case "SET_ASIDE" -> "暂存待查";
			case "CLOSE" -> "予以了结";
			default -> "";
		};
	}

	/** Create listener: the handler of the verification by name (姓名（单位·岗位）), on the task only. */
	@Bean
	TaskListener handlerNameTaskListener(OrganisationDirectory directory) {
		return task -> task.setVariableLocal(VAR_HANDLER_NAME, directory.findStaffInfo((String) task.getVariable(VAR_HANDLER))
			.map(PeopleChoices::choice).map(FormRows.Choice::label).orElse(""));
	}

	@Bean
	JavaDelegate recordInquiryAnswerDelegate(Leads leads, DisciplineInstances instances) {
		// The answer is the subject's, per the register; the lead per the system's record of the instance.
		return execution -> leads.inquiryAnswered(instances.leadId(execution),
				(String) execution.getVariable(VAR_INQUIRY_ANSWER), instances.subject(execution));
	}

	@Bean
	TaskListener assessInquiryAnswerTaskListener(Leads leads, DisciplineInstances instances, MessageSource messages) {
		return task -> refusing(messages, () -> {
			AnswerAssessment assessment = LeadRules.answerAssessment(task.getVariable(VAR_ANSWER_VERDICT),
					task.getVariable(VAR_ANSWER_NOTE));
			leads.answerAssessed(instances.leadId(task), assessment, actor(task));
			task.setVariable(VAR_ANSWER_VERDICT, assessment.verdict().name());
		});
	}

	@Bean
	TaskListener preliminaryVerificationTaskListener(Leads leads, DisciplineInstances instances,
			MessageSource messages) {
		return task -> refusing(messages, () -> {
			VerificationReport report = LeadRules.verification(task.getVariable(VAR_REPORT),
					task.getVariable(VAR_RECOMMENDATION), instances.subject(task) != null);
			leads.verificationReported(instances.leadId(task), report, actor(task));
			task.setVariable(VAR_RECOMMENDATION, report.recommendation().name());
			// The office head decides afresh on this report.
			task.setVariable(VAR_CONFIRMATION, null);
			task.setVariable(VAR_RETURN_REASON, null);
		});
	}

	@Bean
	TaskListener confirmVerificationTaskListener(Leads leads, DisciplineInstances instances, MessageSource messages) {
		return task -> refusing(messages, () -> {
			Confirmation confirmation = LeadRules.confirmation(task.getVariable(VAR_CONFIRMATION),
					task.getVariable(VAR_RETURN_REASON));
			Recommendation recommendation = Recommendation.valueOf((String) task.getVariable(VAR_RECOMMENDATION));
			Date recheckAt = confirmation.agreed() && recommendation == Recommendation.SET_ASIDE ? leads.recheckAt()
					: null;
			String actor = actor(task);
			leads.verificationConfirmed(instances.leadId(task), confirmation, recommendation, recheckAt, actor);
			task.setVariable(VAR_VERIFICATION_OUTCOME, confirmation.agreed() ? recommendation.name() : OUTCOME_RETURNED);
			task.setVariable(VAR_RECHECK_AT, recheckAt);
			task.setVariable(VAR_CONFIRMED_BY, actor);
		});
	}

	@Bean
	JavaDelegate proposeFilingDelegate(Leads leads, DisciplineInstances instances) {
		return execution -> leads.proposeFiling(instances.leadId(execution),
				(String) execution.getVariable(VAR_CONFIRMED_BY));
	}

	@Bean
	JavaDelegate recheckLeadDelegate(Leads leads, DisciplineInstances instances) {
		return execution -> leads.recheckDue(instances.leadId(execution));
	}

	// --- helpers ------------------------------------------------------------------------------------------

	/** Runs a listener's work; a rule violation is re-thrown with its message rendered, which Tasklist shows. */
	static void refusing(MessageSource messages, Runnable work) {
		try {
			work.run();
		}
		catch (RuleViolationException ex) {
			throw new RuleViolationException(ex.violations(), String.join("；",
					ex.violations().stream().map(problem -> problem.render(messages, Locales.current())).toList()));
		}
	}

	/** Who completes the task: its assignee, else the authenticated caller of the engine API, else the system. */
	static String actor(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated() ? authentication.getName() : "system";
	}

}
