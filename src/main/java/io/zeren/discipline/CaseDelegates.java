package io.zeren.discipline;

import io.zeren.shared.LivePolicy;

import static io.zeren.discipline.CaseProcess.*;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * The beans DisciplineCaseProcess and SanctionTermProcess call: read the form's variables, call one service,
 * write the outcome. Complete listeners validate: a bad form is refused with every problem and the task stays open.
 */
@Configuration(proxyBeanMethods = false)
class CaseDelegates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final DisciplineInstances instances;

	/** The case and the sanction of an instance come from the system's record, never from its variables. */
	CaseDelegates(DisciplineInstances instances) {
		this.instances = instances;
	}

	// --- filing and investigation -------------------------------------------------------------------------

	@Bean
	TaskListener caseFilingTaskListener(DisciplineCases cases, LivePolicy<CaseProperties> properties) {
		return task -> {
			var due = cases.decideFiling(caseId(task), text(task, VAR_FILING_DECISION), text(task, VAR_FILING_REASON),
					actor(task));
			task.setVariable(VAR_FILED, due.isPresent());
			due.ifPresent(at -> setDue(task, at, properties));
		};
	}

	@Bean
	TaskListener caseInvestigationTaskListener(DisciplineCases cases, CaseMessages messages) {
		return task -> {
			long caseId = caseId(task);
			String action = text(task, VAR_INVESTIGATION_ACTION);
			if (ACTION_EXTEND.equals(action)) {
				cases.requestExtension(caseId, text(task, VAR_EXTENSION_REASON), actor(task));
				task.setVariable(VAR_EXTENSION_REQUESTED, true);
			}
			else if (ACTION_SUBMIT.equals(action)) {
				cases.investigated(caseId, text(task, VAR_FINDINGS), text(task, VAR_REPORT), text(task, VAR_SEVERITY),
						text(task, VAR_CIRCUMSTANCES), actor(task));
				task.setVariable(VAR_EXTENSION_REQUESTED, false);
				task.setVariable(VAR_STATEMENT_TITLE, cases.statementTitle(caseId));
			}
			else {
				messages.fail(new Msg("discipline.case.investigation-action-required"));
			}
		};
	}

	@Bean
	TaskListener caseExtensionTaskListener(DisciplineCases cases, LivePolicy<CaseProperties> properties) {
		return task -> {
			Instant due = cases.decideExtension(caseId(task), text(task, VAR_EXTENSION_DECISION),
					text(task, VAR_EXTENSION_DECISION_REASON), actor(task));
			setDue(task, due, properties);
		};
	}

	@Bean
	JavaDelegate recordCaseStatementDelegate(DisciplineCases cases) {
		return execution -> cases.stated(caseId(execution), (String) execution.getVariable(VAR_SUBJECT_STATEMENT),
				Boolean.TRUE.equals(execution.getVariable(VAR_SUBJECT_STATEMENT_WAIVED)));
	}

	// --- review and decision ------------------------------------------------------------------------------

	@Bean
	TaskListener caseReviewTaskListener(DisciplineCases cases, LivePolicy<CaseProperties> properties) {
		return task -> {
			long caseId = caseId(task);
			boolean sentBack = cases.review(caseId, text(task, VAR_REVIEW_ACTION), text(task, VAR_REVIEW_OPINION),
					text(task, VAR_SEND_BACK_REASON), actor(task));
			task.setVariable(VAR_SENT_BACK, sentBack);
			if (sentBack) {
				setDue(task, cases.investigationDue(caseId), properties);
			}
			else {
				DisciplineCase c = cases.find(caseId);
				task.setVariable(VAR_SEVERITY, c.getSeverity().name());
				task.setVariable(VAR_CIRCUMSTANCES, c.getCircumstances().name());
				task.setVariable(VAR_PARTY_MEMBER, cases.partyMember(caseId));
			}
		};
	}

	@Bean
	JavaDelegate recordOutcomeSuggestionDelegate(DisciplineCases cases) {
		return execution -> {
			Map<?, ?> suggestion = (Map<?, ?>) execution.getVariable(VAR_OUTCOME_SUGGESTION);
			Object form = suggestion == null ? null : suggestion.get("form");
			Object outcome = suggestion == null ? null : suggestion.get("outcome");
			CaseOutcome suggested = cases.suggested(caseId(execution), form == null ? 0 : form, outcome);
			execution.setVariable(VAR_SUGGESTED_FORM, ((Number) form).intValue());
			execution.setVariable(VAR_SUGGESTED_OUTCOME, suggested.name());
			execution.setVariable(VAR_SUGGESTED_OUTCOME_LABEL, cases.outcomeLabel(suggested));
			execution.setVariable(VAR_DECIDED_OUTCOME, suggested.name());
		};
	}

	@Bean
	TaskListener caseDecisionTaskListener(DisciplineCases cases) {
		return task -> cases.decide(caseId(task), text(task, VAR_DECIDED_OUTCOME), text(task, VAR_DEVIATION_REASON),
				actor(task));
	}

	@Bean
	JavaDelegate executeCaseDecisionDelegate(DisciplineCases cases) {
		return execution -> {
			DisciplineCases.Delivery delivery = cases.execute(caseId(execution));
			execution.setVariable(VAR_DECISION_TITLE, delivery.title());
			execution.setVariable(VAR_DECISION_TEXT, delivery.text());
			execution.setVariable(VAR_APPEAL_DUE_AT, Date.from(delivery.appealDueAt()));
		};
	}

	@Bean
	JavaDelegate recordAcknowledgementDelegate(DisciplineCases cases) {
		return execution -> cases.acknowledged(caseId(execution), (String) execution.getVariable(VAR_APPEAL),
				(String) execution.getVariable(VAR_APPEAL_REASON));
	}

	@Bean
	TaskListener appealReviewTaskListener(DisciplineCases cases) {
		return task -> cases.appealReviewed(caseId(task), text(task, VAR_APPEAL_REVIEW), actor(task));
	}

	@Bean
	TaskListener appealDecisionTaskListener(DisciplineCases cases) {
		return task -> cases.decideAppeal(caseId(task), text(task, VAR_APPEAL_OUTCOME),
				text(task, VAR_APPEAL_NEW_OUTCOME), text(task, VAR_APPEAL_DECISION_REASON), actor(task));
	}

	@Bean
	JavaDelegate archiveCaseDelegate(DisciplineCases cases) {
		return execution -> cases.archive(caseId(execution));
	}

	// --- SanctionTermProcess ------------------------------------------------------------------------------

	@Bean
	JavaDelegate liftSanctionDelegate(Sanctions sanctions) {
		return execution -> sanctions.lift(instances.of(execution).map(DisciplineInstance::sanctionId)
			.orElseThrow(() -> new RuleViolationException(new Msg("discipline.instance.unknown"))));
	}

	// --- helpers ------------------------------------------------------------------------------------------

	private static void setDue(DelegateTask task, Instant due, LivePolicy<CaseProperties> properties) {
		task.setVariable(VAR_INVESTIGATION_DUE_AT, Date.from(due));
		task.setVariable(VAR_INVESTIGATION_DUE_TEXT, DAY.format(due.atZone(ZoneId.of(properties.current().zone()))));
	}

	/**
	 * Who completes the task: its assignee (Tasklist completes only claimed tasks), else the caller of the engine
	 * REST API (signed in through Spring Security), else the system.
	 */
	private static String actor(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated() ? authentication.getName() : "system";
	}

	private long caseId(VariableScope scope) {
		return instances.of(scope).map(DisciplineInstance::caseId)
			.orElseThrow(() -> new RuleViolationException(new Msg("discipline.instance.unknown")));
	}

	private static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

}
