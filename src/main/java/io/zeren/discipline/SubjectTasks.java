package io.zeren.discipline;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * Checks what the subject enters on their own tasks (processes/discipline/subject-task.bpmn) before the task
 * may complete; a refusal keeps the task open with everything typed so far.
 */
@Component("disciplineSubjectTasks")
class SubjectTasks implements TaskListener {

	static final int MAX_TEXT = 10_000;

	private final MessageSource messages;

	SubjectTasks(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void notify(DelegateTask task) {
		List<Msg> problems = new ArrayList<>();
		switch (task.getTaskDefinitionKey()) {
			case "Task_AnswerInquiry" -> requireText(task, "answer", "discipline.subject.answer-required", problems);
			case "Task_MakeStatement" -> {
				boolean waived = Boolean.TRUE.equals(task.getVariable("statementWaived"));
				task.setVariable("statementWaived", waived);
				if (!waived) {
					requireText(task, "statement", "discipline.subject.statement-required", problems);
				}
			}
			case "Task_AcknowledgeDecision" -> {
				if (!Boolean.TRUE.equals(task.getVariable("acknowledged"))) {
					problems.add(new Msg("discipline.subject.acknowledge-required"));
				}
				Object appeal = task.getVariable("appeal");
				if (!"yes".equals(appeal) && !"no".equals(appeal)) {
					problems.add(new Msg("discipline.subject.appeal-choice"));
				}
				else if ("yes".equals(appeal)) {
					requireText(task, "appealReason", "discipline.subject.appeal-reason-required", problems);
				}
			}
			default -> {
			}
		}
		if (!problems.isEmpty()) {
			throw new RuleViolationException(problems, String.join("；",
					problems.stream().map(problem -> problem.render(messages, Locales.current())).toList()));
		}
	}

	private static void requireText(DelegateTask task, String variable, String code, List<Msg> problems) {
		Object value = task.getVariable(variable);
		if (!(value instanceof String text) || text.isBlank()) {
			problems.add(new Msg(code));
		}
		else if (text.length() > MAX_TEXT) {
			problems.add(new Msg("discipline.subject.too-long", MAX_TEXT));
		}
	}

}
