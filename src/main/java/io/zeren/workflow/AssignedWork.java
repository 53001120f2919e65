package io.zeren.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.zeren.calendar.EngineClock;
import io.zeren.calendar.WorkingCalendar;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.TaskNames;

/**
 * Registers a piece of assigned work (交办事项, processes/workflow/assigned-work.bpmn): whoever assigns it
 * must stand in the assignee's supervisor chain; a due date typed in the form ends that day at 18:00 (moved to
 * the next working day if it is a day off). A refusal fails the start, so nothing half-made remains.
 */
@Component("registerAssignedWorkDelegate")
class AssignedWork implements JavaDelegate {

	private static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

	/** The start event's camunda:initiator variable; the confirmation task goes back to this person. */
	static final String VAR_INITIATOR = "initiator";

	private final OrganisationDirectory directory;

	private final WorkingCalendar calendar;

	private final DeadlineProperties properties;

	private final MessageSource messages;

	private final IdentityService identity;

	AssignedWork(OrganisationDirectory directory, WorkingCalendar calendar, DeadlineProperties properties,
			MessageSource messages, IdentityService identity) {
		this.identity = identity;
		this.directory = directory;
		this.calendar = calendar;
		this.properties = properties;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// Runs inside the start command: the engine's authenticated user is who assigns. The "initiator" variable
		// is only trusted from the system (no authenticated user: Java code of Zeren itself), never from a caller,
		// who could name anyone in it; it is overwritten with the real assigner for the confirmation task.
		Authentication caller = identity.getCurrentAuthentication();
		String initiator = caller != null && caller.getUserId() != null ? caller.getUserId()
				: (String) execution.getVariable(VAR_INITIATOR);
		execution.setVariable(VAR_INITIATOR, initiator);
		String assigneeName = ((String) execution.getVariable("workAssignee"));
		String assignee = assigneeName == null ? null : assigneeName.trim();
		List<Msg> problems = new ArrayList<>();
		StaffInfo staff = assignee == null ? null : directory.findStaffInfo(assignee).filter(StaffInfo::active).orElse(null);
		if (staff == null) {
			problems.add(new Msg("assigned-work.assignee-unknown", String.valueOf(assignee)));
		}
		// Administrators run the system; they assign nobody work (三员分立), so no bypass by name or by group.
		else if (initiator == null
				|| directory.supervisorChain(assignee).stream().noneMatch(boss -> boss.username().equals(initiator))) {
			problems.add(new Msg("assigned-work.not-supervisor",
					directory.findStaffInfo(String.valueOf(initiator)).map(StaffInfo::fullName).orElse(String.valueOf(initiator)),
					staff.fullName()));
		}
		Instant due = null;
		Object typed = execution.getVariable("workDueDate");
		if (typed != null && !typed.toString().isBlank()) {
			try {
				ZoneId zone = ZoneId.of(properties.zone());
				due = calendar.nextWorkingMoment(LocalDate.parse(typed.toString().trim().substring(0, 10))
					.atTime(END_OF_DAY)
					.atZone(zone)
					.toInstant());
				if (!due.isAfter(EngineClock.now())) {
					problems.add(new Msg("assigned-work.due-past", typed));
				}
			}
			catch (DateTimeParseException | StringIndexOutOfBoundsException ex) {
				problems.add(new Msg("assigned-work.due-invalid", typed));
			}
		}
		if (!problems.isEmpty()) {
			throw new RuleViolationException(problems, String.join("；",
					problems.stream().map(msg -> msg.render(messages, Locales.current())).toList()));
		}
		execution.setVariable("workAssignee", assignee);
		execution.setVariable("workDueAt", due == null ? null : Date.from(due));
		execution.setVariable("assigneeName", staff.fullName());
		// Names of the tasks and Tasklist's columns, out of reach of the forms (which show workTitle).
		execution.setVariables(TaskNames.context(null, staff.unitName(), staff.fullName()));
		Object title = execution.getVariable("workTitle");
		execution.setVariable(TaskNames.VAR_TITLE, title == null ? "" : title.toString().trim());
		execution.setVariable("assignedByName",
				directory.findStaffInfo(initiator).map(StaffInfo::fullName).orElse(initiator));
	}

}
