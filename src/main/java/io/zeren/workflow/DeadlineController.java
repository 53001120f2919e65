package io.zeren.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeren.identity.CallerGroups;
import io.zeren.identity.GroupIds;
import io.zeren.organisation.OrganisationDirectory;

/**
 * What a supervisor does about an overdue task, over REST (Tasklist offers the same through the
 * escalation task's form), plus the record and the counts that feed the assessment.
 */
@RestController
@Tag(name = "Deadlines", description = "Escalated tasks: urge, extend, reassign, take over; overdue and escalation counts")
class DeadlineController {

	record UrgeRequest(String message) {
	}

	record ExtendRequest(OffsetDateTime newDue, String reason) {
	}

	record ReassignRequest(String assignee) {
	}

	record UrgeResult(boolean sent) {
	}

	/**
	 * Who reads everyone's counts: the political department (personnel work), the assessment committee and the
	 * leadership (they use them in the assessment), and the system administrators. Everyone else reads their own,
	 * and a unit head those of the units they head and below (need-to-know, docs/deadlines.md).
	 */
	static final String[] STATS_FOR_ALL = { GroupIds.role("POLITICAL"), GroupIds.role("ASSESSMENT_COMMITTEE"),
			GroupIds.role("LEADERSHIP"), GroupIds.SYSTEM_ADMINS, GroupIds.ADMINS };

	private final TaskDeadlines deadlines;

	private final OrganisationDirectory directory;

	private final SupervisorActions supervisors;

	DeadlineController(TaskDeadlines deadlines, OrganisationDirectory directory, SupervisorActions supervisors) {
		this.deadlines = deadlines;
		this.directory = directory;
		this.supervisors = supervisors;
	}

	@PostMapping("/api/tasks/{taskId}/urge")
	@Operation(summary = "Urge (催办) the owners of a task by mail; at most once per zeren.deadline.urge-min-interval")
	UrgeResult urge(@PathVariable String taskId, @RequestBody(required = false) UrgeRequest body, Authentication caller) {
		return new UrgeResult(supervisors.urge(taskId, body == null ? null : body.message(), caller));
	}

	@PostMapping("/api/tasks/{taskId}/extend")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Move the due date (with a reason); the watch restarts from level 0")
	void extend(@PathVariable String taskId, @RequestBody ExtendRequest body, Authentication caller) {
		requireSupervisor(taskId, caller);
		deadlines.extend(taskId, body.newDue() == null ? null : body.newDue().toInstant(), body.reason(),
				caller.getName());
	}

	@PostMapping("/api/tasks/{taskId}/reassign")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Give the task to another staff member (改派)")
	void reassign(@PathVariable String taskId, @RequestBody ReassignRequest body, Authentication caller) {
		requireSupervisor(taskId, caller);
		deadlines.reassign(taskId, body.assignee(), caller.getName());
	}

	@PostMapping("/api/tasks/{taskId}/take-over")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Take the task over yourself (接办)")
	void takeOver(@PathVariable String taskId, Authentication caller) {
		requireSupervisor(taskId, caller);
		deadlines.takeOver(taskId, caller.getName());
	}

	@GetMapping("/api/tasks/{taskId}/escalations")
	@Operation(summary = "Every escalation step of a task: who, when, level, why, and what was done")
	List<EscalationStep> escalations(@PathVariable String taskId, Authentication caller) {
		requireSupervisor(taskId, caller);
		return deadlines.escalationsOf(taskId);
	}

	@GetMapping("/api/deadlines/stats")
	@Operation(summary = "Tasks, overdue tasks and escalated tasks per person, for tasks created in [from, to)")
	List<DeadlineStats> stats(@RequestParam(required = false) String unit, @RequestParam(required = false) String owner,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Authentication caller) {
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		List<DeadlineStats> rows = deadlines.stats(start, end, blankToNull(unit), blankToNull(owner));
		if (CallerGroups.inAny(caller, STATS_FOR_ALL)) {
			return rows;
		}
		String headOf = directory.membership(caller.getName())
			.map(OrganisationDirectory.Membership::headOfUnit)
			.orElse(null);
		Set<String> units = headOf == null ? Set.of() : directory.subtree(headOf);
		return rows.stream()
			.filter(row -> caller.getName().equals(row.username()) || units.contains(row.unitCode()))
			.toList();
	}

	private void requireSupervisor(String taskId, Authentication caller) {
		supervisors.requireSupervisor(taskId, caller);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
