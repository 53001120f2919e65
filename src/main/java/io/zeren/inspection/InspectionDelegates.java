package io.zeren.inspection;

import io.zeren.shared.LivePolicy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

import io.zeren.shared.FormRows;
import io.zeren.shared.Msg;

/**
 * The beans the inspection processes call: read the form's variables, call one service, write the outcome.
 * Complete listeners validate too: a bad form is refused with every problem and the task stays open.
 */
@Configuration(proxyBeanMethods = false)
class InspectionDelegates {

	// --- MidYearInspectionProcess ---------------------------------------------------------------------------

	@Bean
	TaskListener recordFindingTaskListener(Inspections inspections, InspectionMessages messages,
			LivePolicy<InspectionProperties> properties) {
		return task -> {
			Long inspectionId = number(task.getVariable(MidYearInspectionProcess.VAR_INSPECTION_ID));
			String description = (String) task.getVariable(MidYearInspectionProcess.VAR_DESCRIPTION);
			boolean another = MidYearInspectionProcess.NEXT_ADD_ANOTHER
				.equals(task.getVariable(MidYearInspectionProcess.VAR_NEXT));
			// An empty form that ends recording means "no (more) findings".
			if (Inspections.isBlank(description) && !another) {
				return;
			}
			LocalDate deadline = date(task.getVariable(MidYearInspectionProcess.VAR_DEADLINE), properties, messages);
			inspections.recordFinding(inspectionId,
					new Inspections.NewFinding((String) task.getVariable(MidYearInspectionProcess.VAR_TARGET),
							(String) task.getVariable(MidYearInspectionProcess.VAR_PERSON), description,
							(String) task.getVariable(MidYearInspectionProcess.VAR_SEVERITY),
							(String) task.getVariable(MidYearInspectionProcess.VAR_REQUIREMENT), deadline),
					actor(task));
			for (String field : List.of(MidYearInspectionProcess.VAR_TARGET, MidYearInspectionProcess.VAR_PERSON,
					MidYearInspectionProcess.VAR_DESCRIPTION, MidYearInspectionProcess.VAR_SEVERITY,
					MidYearInspectionProcess.VAR_REQUIREMENT, MidYearInspectionProcess.VAR_DEADLINE)) {
				task.setVariable(field, null);
			}
			task.setVariable(MidYearInspectionProcess.VAR_FINDING_COUNT, inspections.findingCount(inspectionId));
		};
	}

	/** Create: the people of the inspected unit and below, offered by name for 责任人. */
	@Bean
	TaskListener findingPersonChoicesListener(Inspections inspections) {
		return task -> task.setVariableLocal(MidYearInspectionProcess.VAR_PERSON_CHOICES, FormRows.json(
				inspections.personChoices(number(task.getVariable(MidYearInspectionProcess.VAR_INSPECTION_ID)))));
	}

	@Bean
	JavaDelegate closeRecordingDelegate(Inspections inspections) {
		return execution -> {
			Long inspectionId = number(execution.getVariable(MidYearInspectionProcess.VAR_INSPECTION_ID));
			execution.setVariable(MidYearInspectionProcess.VAR_FINDING_COUNT, inspections.findingCount(inspectionId));
			execution.setVariable(MidYearInspectionProcess.VAR_ALL_RECTIFIED, inspections.closeRecording(inspectionId));
		};
	}

	// --- RectificationProcess -----------------------------------------------------------------------------

	@Bean
	TaskListener rectificationPlanTaskListener(Rectifications rectifications) {
		return task -> rectifications.submitPlan(findingId(task.getExecution()),
				(String) task.getVariable(RectificationProcess.VAR_PLAN));
	}

	@Bean
	TaskListener rectificationEvidenceTaskListener(Rectifications rectifications) {
		return task -> {
			rectifications.submitEvidence(findingId(task.getExecution()),
					(String) task.getVariable(RectificationProcess.VAR_EVIDENCE), actor(task));
			task.setVariable(RectificationProcess.VAR_VERDICT, null);
			task.setVariable(RectificationProcess.VAR_VERDICT_REASON, null);
		};
	}

	@Bean
	TaskListener rectificationVerdictTaskListener(Rectifications rectifications) {
		return task -> {
			Long findingId = findingId(task.getExecution());
			String outcome = rectifications.verify(findingId, (String) task.getVariable(RectificationProcess.VAR_VERDICT),
					(String) task.getVariable(RectificationProcess.VAR_VERDICT_REASON), actor(task));
			task.setVariable(RectificationProcess.VAR_VERIFICATION, outcome);
			task.setVariable(RectificationProcess.VAR_REJECTIONS, rectifications.rejections(findingId));
			task.setVariable(RectificationProcess.VAR_LAST_REJECTION, rectifications.lastRejectionReason(findingId));
			task.setVariable(RectificationProcess.VAR_EVIDENCE, null);
		};
	}

	@Bean
	JavaDelegate recordRectificationOverdueDelegate(Rectifications rectifications) {
		return execution -> rectifications.recordOverdue(findingId(execution));
	}

	@Bean
	JavaDelegate recordRectificationFailureDelegate(Rectifications rectifications) {
		return execution -> rectifications.recordFailure(findingId(execution));
	}

	@Bean
	JavaDelegate closeRectificationDelegate(Rectifications rectifications) {
		return execution -> {
			Long findingId = findingId(execution);
			if (RectificationProcess.OUTCOME_CLOSED_FAILED.equals(execution.getVariable(RectificationProcess.VAR_VERIFICATION))) {
				rectifications.recordFailure(findingId);
			}
			rectifications.closed(findingId);
		};
	}

	// --- ProgressSelfReportProcess ------------------------------------------------------------------------

	@Bean
	TaskListener progressSubmittedTaskListener(SelfReports reports) {
		return task -> reports.submit(number(task.getVariable(ProgressSelfReportProcess.VAR_REPORT_ID)),
				(String) task.getVariable(ProgressSelfReportProcess.VAR_TEXT));
	}

	@Bean
	TaskListener progressReviewedTaskListener(SelfReports reports) {
		return task -> reports.review(number(task.getVariable(ProgressSelfReportProcess.VAR_REPORT_ID)),
				(String) task.getVariable(ProgressSelfReportProcess.VAR_OUTCOME),
				(String) task.getVariable(ProgressSelfReportProcess.VAR_COMMENT), actor(task));
	}

	// --- helpers ------------------------------------------------------------------------------------------

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

	private static Long findingId(DelegateExecution execution) {
		return number(execution.getVariable(RectificationProcess.VAR_FINDING_ID));
	}

	private static Long number(Object value) {
		return value == null ? null : ((Number) value).longValue();
	}

	/** Forms send dates as "2026-06-30" text; Java callers may pass a Date or LocalDate. */
	private static LocalDate date(Object value, LivePolicy<InspectionProperties> properties, InspectionMessages messages) {
		if (value == null || value instanceof String text && text.isBlank()) {
			return null;
		}
		if (value instanceof LocalDate day) {
			return day;
		}
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), java.time.ZoneId.of(properties.current().zone()));
		}
		String text = value.toString().trim();
		try {
			// Forms may send "2026-06-30" or an ISO date-time; the day is what counts.
			return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
		}
		catch (DateTimeParseException ex) {
			messages.failIfAny(List.of(new Msg("inspection.finding.deadline-format", value)));
			throw new IllegalStateException("unreachable");
		}
	}

}
