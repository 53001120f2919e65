package io.zeren.responsibility;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.zeren.shared.FormRows;
import io.zeren.shared.Locales;
import io.zeren.shared.RuleViolationException;

/** The beans the responsibility processes call: thin glue to {@link Cycles}, {@link PersonalLists} and {@link KickOff}. */
@Configuration(proxyBeanMethods = false)
class ResponsibilityDelegates {

	private final MessageSource messages;

	ResponsibilityDelegates(MessageSource messages) {
		this.messages = messages;
	}

	// AnnualCycleProcess

	@Bean
	TaskListener saveCatalogueDraftListener(Cycles cycles) {
		return task -> {
			var view = rendered(() -> cycles.saveDraft(cycleId(task),
					(String) task.getVariable(AnnualCycleProcess.VAR_WORK_POINTS),
					FormRows.rows(task, AnnualCycleProcess.VAR_CATALOGUE_ROWS, ItemRows.Row.class)));
			var instance = task.getExecution();
			instance.setVariable(AnnualCycleProcess.VAR_CATALOGUE_VIEW, FormRows.json(view));
			// The leadership's next round starts empty; its last note stays readable as the returned note.
			instance.removeVariable(AnnualCycleProcess.VAR_DECISION);
			instance.removeVariable(AnnualCycleProcess.VAR_DECISION_NOTE);
		};
	}

	@Bean
	TaskListener recordCatalogueDecisionListener(Cycles cycles) {
		return task -> rendered(() -> {
			String decision = (String) task.getVariable(AnnualCycleProcess.VAR_DECISION);
			String note = (String) task.getVariable(AnnualCycleProcess.VAR_DECISION_NOTE);
			cycles.decide(cycleId(task), decision, note);
			if (!AnnualCycleProcess.APPROVE.equals(decision)) {
				task.getExecution().setVariable(AnnualCycleProcess.VAR_RETURNED_NOTE, note);
			}
			return null;
		});
	}

	/** Writes the unit lists; their batches go to the multi-instance as a transient variable (never stored). */
	@Bean
	JavaDelegate prepareUnitListsDelegate(Cycles cycles) {
		return execution -> execution.setVariable(AnnualCycleProcess.VAR_UNIT_LIST_BATCHES,
				org.camunda.bpm.engine.variable.Variables.untypedValue(
						rendered(() -> cycles.prepareUnitLists(id(execution.getVariable(AnnualCycleProcess.VAR_CYCLE_ID)))),
						true));
	}

	/** One batch of units, in a job of its own (multi-instance element {@code unitListBatch}). */
	@Bean
	JavaDelegate startUnitListsDelegate(Cycles cycles) {
		return execution -> cycles.startUnitLists(id(execution.getVariable(AnnualCycleProcess.VAR_CYCLE_ID)),
				year(execution),
				(String) execution.getVariable(AnnualCycleProcess.VAR_UNIT_LIST_BATCH));
	}

	@Bean
	JavaDelegate openUnitListsDelegate(Cycles cycles) {
		return execution -> execution.setVariable(AnnualCycleProcess.VAR_OPEN_UNIT_LISTS,
				cycles.openUnitLists(id(execution.getVariable(AnnualCycleProcess.VAR_CYCLE_ID))));
	}

	// UnitListProcess

	/**
	 * Create: show the unit's list as text; complete: save the head's adjustments and confirm. The text is the
	 * unit process's variable, not the task's: completing a task with variables (the engine REST's
	 * {@code /task/{id}/complete}) sets them on the process, where a task-local copy would hide the edit.
	 */
	@Bean
	TaskListener unitListTaskListener(Cycles cycles) {
		return task -> {
			String unitCode = (String) task.getVariable(UnitListProcess.VAR_UNIT_CODE);
			if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
				task.getExecution()
					.setVariable(UnitListProcess.VAR_UNIT_LIST_ROWS,
							FormRows.json(cycles.unitListRows(cycleId(task), unitCode)));
			}
			else {
				rendered(() -> {
					cycles.confirmUnitList(cycleId(task), unitCode,
							FormRows.rows(task, UnitListProcess.VAR_UNIT_LIST_ROWS, ItemRows.Row.class), completedBy(task));
					return null;
				});
			}
		};
	}

	/** After a unit's confirmation: the year's last one lets the cycle go on to the kick-off. */
	@Bean
	JavaDelegate unitListConfirmedDelegate(Cycles cycles) {
		return execution -> cycles.reportUnitListConfirmed(id(execution.getVariable(UnitListProcess.VAR_CYCLE_ID)),
				year(execution));
	}

	// AnnualCycleProcess: the kick-off

	/** Plans the kick-off and starts a KickOffBatchProcess per batch. */
	@Bean
	JavaDelegate kickOffPersonalListsDelegate(KickOff kickOff) {
		return execution -> {
			int year = year(execution);
			execution.setVariable(AnnualCycleProcess.VAR_KICK_OFF_BATCH_COUNT,
					kickOff.startBatches(year, kickOff.plan(year)));
		};
	}

	// KickOffBatchProcess

	/** One planned batch of units, in a job of its own. */
	@Bean
	JavaDelegate issueListBatchDelegate(KickOff kickOff) {
		return execution -> kickOff.runUnits(year(execution),
				((Number) execution.getVariable(KickOffBatchProcess.VAR_BATCH_NO)).intValue(),
				(String) execution.getVariable(KickOffBatchProcess.VAR_UNITS));
	}

	/** The batch is done; the run's last batch lets the cycle go on. */
	@Bean
	JavaDelegate reportListBatchDelegate(KickOff kickOff) {
		return execution -> kickOff.batchReported(year(execution));
	}

	// AnnualCycleProcess: the end of the kick-off

	@Bean
	JavaDelegate finishKickOffDelegate(KickOff kickOff) {
		return execution -> {
			int year = year(execution);
			KickOffStatus.View result = kickOff.finishJobs(year);
			execution.setVariable(AnnualCycleProcess.VAR_KICK_OFF_FAILED, result.failed());
			execution.setVariable(AnnualCycleProcess.VAR_KICK_OFF_SUMMARY, "在职人员 " + result.total() + " 人，已下发 "
					+ result.done() + " 人，失败 " + result.failed() + " 人" + (result.lastError() == null ? ""
							: "；最近的错误：" + result.lastError()));
		};
	}

	@Bean
	JavaDelegate markCycleDeployedDelegate(Cycles cycles) {
		return execution -> cycles.markDeployed(id(execution.getVariable(AnnualCycleProcess.VAR_CYCLE_ID)));
	}

	// PersonalResponsibilityProcess

	/** Create: show the current list; complete: sign, or record the objection for the unit head. */
	@Bean
	TaskListener personalListTaskListener(PersonalLists lists) {
		return task -> {
			if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
				// Through the instance, not the task: reading or writing a new task's variables fetches its own
				// first (one query per task); and the text is the list's, shown again by the next review task.
				var instance = task.getExecution();
				if (!Boolean.TRUE.equals(instance.getVariable(PersonalResponsibilityProcess.VAR_LIST_VIEW_CURRENT))) {
					instance.setVariable(PersonalResponsibilityProcess.VAR_LIST_VIEW, FormRows
						.json(lists.listView(id(instance.getVariable(PersonalResponsibilityProcess.VAR_LIST_ID)))));
				}
			}
			else {
				Long listId = listId(task);
				String objection = rendered(() -> lists.decide(listId,
						(String) task.getVariable(PersonalResponsibilityProcess.VAR_DECISION),
						(Number) task.getVariable(PersonalResponsibilityProcess.VAR_ITEM_NO),
						(String) task.getVariable(PersonalResponsibilityProcess.VAR_REASON)));
				var instance = task.getExecution();
				instance.setVariable(PersonalResponsibilityProcess.VAR_OBJECTION_TEXT, objection);
				if (objection != null) {
					// The answer task's round starts empty; the previous answer stays readable under another name.
					Object previous = instance.getVariable(PersonalResponsibilityProcess.VAR_ANSWER);
					if (previous != null) {
						instance.setVariable(PersonalResponsibilityProcess.VAR_PREVIOUS_ANSWER, previous);
					}
					instance.removeVariable(PersonalResponsibilityProcess.VAR_ANSWER);
				}
			}
		};
	}

	@Bean
	TaskListener objectionAnswerListener(PersonalLists lists) {
		return task -> rendered(() -> {
			lists.answer(listId(task), (String) task.getVariable(PersonalResponsibilityProcess.VAR_ANSWER),
					FormRows.rows(task, PersonalResponsibilityProcess.VAR_ADJUSTED_ITEM, ItemRows.Row.class),
					completedBy(task));
			// The next review and the next objection start from a clean form: the list's new terms are read
			// again by the review's create listener, the previous decision is not offered as the next one.
			var instance = task.getExecution();
			instance.removeVariable(PersonalResponsibilityProcess.VAR_ADJUSTED_ITEM);
			instance.removeVariable(PersonalResponsibilityProcess.VAR_DECISION);
			instance.removeVariable(PersonalResponsibilityProcess.VAR_ITEM_NO);
			instance.removeVariable(PersonalResponsibilityProcess.VAR_REASON);
			return null;
		});
	}

	@Bean
	JavaDelegate planQuarterlyCheckDelegate(PersonalLists lists) {
		return execution -> {
			var next = lists.nextQuarterCheck(id(execution.getVariable(PersonalResponsibilityProcess.VAR_LIST_ID)));
			execution.setVariable(PersonalResponsibilityProcess.VAR_NEXT_CHECK_AT, next.map(due -> due.at()).orElse(null));
			execution.setVariable(PersonalResponsibilityProcess.VAR_QUARTER, next.map(due -> due.quarter()).orElse(null));
		};
	}

	@Bean
	TaskListener quarterlyCheckListener(PersonalLists lists) {
		return task -> rendered(() -> {
			lists.recordCheck(listId(task),
					((Number) task.getVariable(PersonalResponsibilityProcess.VAR_QUARTER)).intValue(),
					(String) task.getVariable(PersonalResponsibilityProcess.VAR_CHECK_RATING),
					(String) task.getVariable(PersonalResponsibilityProcess.VAR_CHECK_NOTE), completedBy(task));
			return null;
		});
	}

	private static int year(VariableScope scope) {
		return ((Number) scope.getVariable(AnnualCycleProcess.VAR_YEAR)).intValue();
	}

	private static Long cycleId(DelegateTask task) {
		return id(task.getVariable(AnnualCycleProcess.VAR_CYCLE_ID));
	}

	private static Long listId(DelegateTask task) {
		return id(task.getVariable(PersonalResponsibilityProcess.VAR_LIST_ID));
	}

	private static Long id(Object value) {
		return ((Number) value).longValue();
	}

	/** Who completed the task: Tasklist lets only the assignee complete it (claim first). */
	private static String completedBy(DelegateTask task) {
		return task.getAssignee() == null ? "unassigned" : task.getAssignee();
	}

	/** Rule violations with a message Tasklist can show as it is (it shows only the exception's message). */
	private <T> T rendered(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (RuleViolationException ex) {
			String text = String.join("；",
					ex.violations().stream().map(msg -> msg.render(messages, Locales.current())).toList());
			throw new RuleViolationException(ex.violations(), text);
		}
	}

}
