package io.zeren.discipline;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.zeren.shared.FormRows;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * What processes/discipline/accountability.bpmn calls ({@code ${accountabilityFlow.…}}): read the form's
 * variables, call {@link Accountabilities}, write the outcome back. A refused form keeps its task open.
 */
@Component("accountabilityFlow")
public class AccountabilityFlow {

	/** Long: the matter (zr_dis_acct). */
	public static final String VAR_ID = "accountabilityId";

	static final String VAR_UNIT_NAME = "unitName";

	static final String VAR_GROUND_TEXT = "groundText";

	static final String VAR_LEADERS_TEXT = "leadersText";

	static final String VAR_REPORT = "investigationReport";

	static final String VAR_CONCLUSION = "conclusion";

	static final String VAR_PROPOSED_ORG = "proposedOrganisationMeasure";

	static final String VAR_PROPOSED_MEASURES = "proposedMeasures";

	/** Json, task form options: the responsible leaders by name (label) and login (value). */
	static final String VAR_LEADER_CHOICES = "leaderChoices";

	static final String VAR_NO_REASON = "noAccountabilityReason";

	static final String VAR_ACCOUNTABLE = "accountable";

	static final String VAR_ORG_MEASURE = "organisationMeasure";

	static final String VAR_ORG_REASON = "organisationReason";

	static final String VAR_LEADER_MEASURES = "leaderMeasures";

	static final String VAR_OBJECTION_DUE = "objectionDueAt";

	static final String VAR_DELIVER = "deliver";

	static final String VAR_LEADER = "leader";

	static final String VAR_APPELLANT = "appellant";

	static final String VAR_APPEAL = "appeal";

	static final String VAR_APPEAL_REASON = "appealReason";

	static final String VAR_APPEAL_OUTCOME = "appealOutcome";

	static final String VAR_CHANGED_MEASURE = "changedMeasure";

	static final String VAR_APPEAL_NOTE = "appealNote";

	static final String VAR_APPEAL_TEXT = "appealText";

	private final Accountabilities accountabilities;

	private final DisciplineInstances instances;

	AccountabilityFlow(Accountabilities accountabilities, DisciplineInstances instances) {
		this.accountabilities = accountabilities;
		this.instances = instances;
	}

	/** Complete listener of Task_InvestigateAccountability. */
	public void investigated(DelegateTask task) {
		Accountabilities.Investigated result = accountabilities.investigate(id(task), actor(task),
				task.getVariable(VAR_CONCLUSION), (String) task.getVariable(VAR_REPORT), task.getVariable(VAR_PROPOSED_ORG),
				FormRows.rows(task, VAR_PROPOSED_MEASURES, MeasureRows.Row.class), (String) task.getVariable(VAR_NO_REASON));
		task.setVariable(VAR_ACCOUNTABLE, result.accountable());
		if (result.accountable()) {
			// The leadership starts from the office's proposal.
			task.setVariable(VAR_PROPOSED_MEASURES, FormRows.json(result.proposedMeasures()));
			task.setVariable(VAR_ORG_MEASURE, result.proposedOrganisationMeasure());
			task.setVariable(VAR_LEADER_MEASURES, FormRows.json(result.proposedMeasures()));
		}
	}

	/** Complete listener of Task_DecideAccountability. */
	public void decided(DelegateTask task) {
		Accountabilities.Decided result = accountabilities.decide(id(task), actor(task), task.getVariable(VAR_ORG_MEASURE),
				(String) task.getVariable(VAR_ORG_REASON),
				FormRows.rows(task, VAR_LEADER_MEASURES, MeasureRows.Row.class));
		task.setVariable(VAR_OBJECTION_DUE, result.objectionDueAt());
		task.setVariable(VAR_DELIVER, result.deliver());
	}

	/** The collection of the delivery call activity: leaders with a measure. */
	public List<String> recipients(DelegateExecution execution) {
		return accountabilities.recipients(id(execution));
	}

	public String decisionTitle(DelegateExecution execution) {
		return accountabilities.decisionTitle(id(execution));
	}

	/** The text addressed to one leader (input mapping {@code content} of their DECISION task). */
	public String decisionContent(DelegateExecution execution, String leader) {
		return accountabilities.decisionContent(id(execution), leader);
	}

	/** End listener of the delivery call activity: the leader signed (and maybe appealed). */
	public void responded(DelegateExecution execution) {
		Object appeal = execution.getVariableLocal(VAR_APPEAL);
		if (appeal != null) {
			accountabilities.responded(id(execution), (String) execution.getVariable(VAR_LEADER), appeal,
					execution.getVariableLocal(VAR_APPEAL_REASON));
		}
	}

	/** The boundary timer at the end of the objection window fired. */
	public void windowLapsed(DelegateExecution execution) {
		accountabilities.windowLapsed(id(execution));
	}

	public boolean hasAppeals(DelegateExecution execution) {
		return !accountabilities.appellants(id(execution)).isEmpty();
	}

	/** The collection of the appeal review: leaders whose appeal waits. */
	public List<String> appellants(DelegateExecution execution) {
		return accountabilities.appellants(id(execution));
	}

	/** Create listener of Task_ReviewAccountabilityAppeal: the appeal it is about, on the task itself. */
	public void appealOpened(DelegateTask task) {
		task.setVariableLocal(VAR_APPEAL_TEXT, accountabilities.appealText(id(task), (String) task.getVariable(VAR_APPELLANT)));
	}

	/** Complete listener of Task_ReviewAccountabilityAppeal. */
	public void appealReviewed(DelegateTask task) {
		accountabilities.reviewAppeal(id(task), (String) task.getVariable(VAR_APPELLANT), actor(task),
				task.getVariable(VAR_APPEAL_OUTCOME), task.getVariable(VAR_CHANGED_MEASURE),
				(String) task.getVariable(VAR_APPEAL_NOTE));
	}

	/** Records, refers, notifies and closes. */
	public void record(DelegateExecution execution) {
		accountabilities.record(id(execution));
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

	/** The matter, from the system's record of the instance: never the task's accountabilityId variable. */
	private long id(VariableScope scope) {
		return instances.of(scope).map(DisciplineInstance::matterId)
			.orElseThrow(() -> new RuleViolationException(new Msg("discipline.instance.unknown")));
	}

}
