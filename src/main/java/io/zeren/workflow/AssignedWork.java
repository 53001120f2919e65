package io.zeren.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.zeren.calendar.EngineClock;
import io.zeren.calendar.WorkingCalendar;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.PeopleChoices;
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
		StaffInfo staff = assignee == null || assignee.isEmpty() ? null : resolve(assignee, initiator, problems);
		if (staff == null) {
			if (problems.isEmpty()) {
				problems.add(new Msg("assigned-work.assignee-unknown", String.valueOf(assignee)));
			}
		}
		// Administrators run the system; they assign nobody work (三员分立), so no bypass by name or by group.
		else if (initiator == null
				|| directory.supervisorChain(staff.username()).stream().noneMatch(boss -> boss.username().equals(initiator))) {
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
		execution.setVariable("workAssignee", staff.username());
		execution.setVariable("workDueAt", due == null ? null : Date.from(due));
		execution.setVariable("assigneeName", staff.fullName());
		// Names of the tasks and Tasklist's columns, out of reach of the forms (which show workTitle).
		execution.setVariables(TaskNames.context(null, staff.unitName(), staff.fullName()));
		Object title = execution.getVariable("workTitle");
		execution.setVariable(TaskNames.VAR_TITLE, title == null ? "" : title.toString().trim());
		execution.setVariable("assignedByName",
				directory.findStaffInfo(initiator).map(StaffInfo::fullName).orElse(initiator));
	}

	/**
	 * The person the assigner means: the start form asks for a name (a start form cannot be fed options), as
	 * 姓名 or, when two people share it, 姓名（单位） as the people lists show them; a login is still understood (API
	 * callers). Among namesakes, those in the assigner's line count; if still several, a refusal asks for the unit.
	 */
	private StaffInfo resolve(String text, String initiator, List<Msg> problems) {
		Optional<StaffInfo> byLogin = directory.findStaffInfo(text).filter(StaffInfo::active);
		if (byLogin.isPresent()) {
			return byLogin.get();
		}
		String name = text;
		String where = null;
		int open = Math.max(text.indexOf('（'), text.indexOf('('));
		if (open > 0) {
			name = text.substring(0, open).strip();
			where = text.substring(open + 1).replaceAll("[）)]\\s*$", "").strip();
		}
		String wanted = name;
		String unit = where;
		List<StaffInfo> same = directory.searchStaff(null, wanted, false, PageRequest.of(0, 100))
			.stream()
			.filter(staff -> staff.active() && wanted.equals(staff.fullName()))
			.filter(staff -> unit == null || unit.isEmpty() || PeopleChoices.choice(staff).label().contains("（" + unit)
					|| unit.equals(staff.unitName()))
			.toList();
		if (same.size() > 1 && initiator != null) {
			List<StaffInfo> inLine = same.stream()
				.filter(staff -> directory.supervisorChain(staff.username()).stream()
					.anyMatch(boss -> boss.username().equals(initiator)))
				.toList();
			same = inLine.isEmpty() ? same : inLine;
		}
		if (same.size() > 1) {
			problems.add(new Msg("assigned-work.assignee-ambiguous", wanted));
			return null;
		}
		return same.isEmpty() ? null : same.get(0);
	}

}
