package io.zeren.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.responsibility.ListProgressQuery;
import io.zeren.shared.InLists;

/**
 * What a unit head sees of their unit (the page /unit): the units they head and those below them, each unit's people
 * with their responsibility list of the year and their open and overdue tasks, and the escalations (督办) addressed to
 * the head. Tasks of confidential processes (discipline), and escalations of such tasks, are never part of it.
 * Reads only; who may urge what is {@link SupervisorActions}' business.
 */
@Component
class UnitWork {

	/** Tasks shown per unit at most, overdue and soonest due first. */
	static final int MAX_TASKS = 500;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** A unit the viewer may look at, {@code depth} levels below a unit they head (0 = headed by them). */
	record UnitChoice(String code, String name, int depth) {
	}

	/** One person of the unit: post, list state and progress, open and overdue tasks. */
	record Person(String username, String fullName, String post, ListProgressQuery.PersonProgress list, long openTasks,
			long overdueTasks) {
	}

	/** An open task of one of the unit's people. */
	record TaskLine(String id, String name, String processName, String assignee, String assigneeName, String dueText,
			boolean overdue) {
	}

	/** An escalation task (督办) addressed to the viewer. */
	record Escalation(String id, String name, String ownerNames, int level, String dueText) {
	}

	record View(int year, boolean hasCycle, UnitChoice unit, List<UnitChoice> choices, List<Person> people,
			List<TaskLine> tasks, boolean moreTasks, List<Escalation> escalations) {

		long overdueCount() {
			return tasks.stream().filter(TaskLine::overdue).count();
		}

	}

	private final OrganisationDirectory directory;

	private final ListProgressQuery lists;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final SystemAuthentication system;

	private final TaskDeadlines deadlines;

	private final TaskDeadlineRepository deadlineRows;

	private final ZoneId zone;

	UnitWork(OrganisationDirectory directory, ListProgressQuery lists, TaskService tasks, RuntimeService runtime,
			RepositoryService repository, SystemAuthentication system, TaskDeadlines deadlines,
			TaskDeadlineRepository deadlineRows, DeadlineProperties properties) {
		this.directory = directory;
		this.lists = lists;
		this.tasks = tasks;
		this.runtime = runtime;
		this.repository = repository;
		this.system = system;
		this.deadlines = deadlines;
		this.deadlineRows = deadlineRows;
		this.zone = ZoneId.of(properties.zone());
	}

	/**
	 * The units a person heads and every active unit below them, each headed unit followed by its subtree (depth
	 * first); empty for someone who heads no unit. Decided by the organisation (the unit's head), not by groups.
	 */
	List<UnitChoice> choicesOf(String username) {
		List<UnitInfo> units = directory.units().stream().filter(UnitInfo::active).toList();
		Map<String, List<UnitInfo>> children = units.stream()
			.filter(unit -> unit.parentCode() != null)
			.sorted(Comparator.comparingInt(UnitInfo::sortNo).thenComparing(UnitInfo::code))
			.collect(Collectors.groupingBy(UnitInfo::parentCode, java.util.LinkedHashMap::new, Collectors.toList()));
		List<UnitChoice> choices = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		units.stream()
			.filter(unit -> username.equals(unit.headUsername()))
			.sorted(Comparator.comparingInt(UnitInfo::sortNo).thenComparing(UnitInfo::code))
			.forEach(headed -> addSubtree(headed, 0, children, seen, choices));
		return choices;
	}

	private static void addSubtree(UnitInfo unit, int depth, Map<String, List<UnitInfo>> children, Set<String> seen,
			List<UnitChoice> choices) {
		if (!seen.add(unit.code())) {
			return;
		}
		choices.add(new UnitChoice(unit.code(), unit.name(), depth));
		for (UnitInfo child : children.getOrDefault(unit.code(), List.of())) {
			addSubtree(child, depth + 1, children, seen, choices);
		}
	}

	/** The page's content for one unit among {@code choices} (the caller checked it is one of them). */
	View view(String viewer, UnitChoice unit, List<UnitChoice> choices) {
		Instant now = EngineClock.now();
		int year = LocalDate.ofInstant(now, zone).getYear();
		List<StaffInfo> members = directory.members(unit.code(), false)
			.stream()
			.filter(member -> !member.username().equals(viewer))
			.sorted(Comparator.comparing((StaffInfo member) -> member.unitRole() == null ? 9 : member.unitRole().ordinal())
				.thenComparing(StaffInfo::username))
			.toList();
		List<String> usernames = members.stream().map(StaffInfo::username).toList();
		Map<String, ListProgressQuery.PersonProgress> progress = lists.ofYear(year, usernames);
		Map<String, String> names = new HashMap<>();
		members.forEach(member -> names.put(member.username(), member.fullName()));

		List<Task> open = visible(system.call(() -> List.copyOf(InLists.queryAll(usernames,
				chunk -> tasks.createTaskQuery().taskAssigneeIn(chunk.toArray(String[]::new)).active().list()))));
		Date nowDate = Date.from(now);
		Map<String, String> processNames = processNames(open);
		List<TaskLine> lines = open.stream()
			.sorted(Comparator.comparing((Task task) -> !isOverdue(task, nowDate))
				.thenComparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Task::getName, Comparator.nullsLast(Comparator.naturalOrder())))
			.map(task -> new TaskLine(task.getId(), task.getName(), processNames.get(task.getProcessDefinitionId()),
					task.getAssignee(), names.get(task.getAssignee()), text(task.getDueDate()), isOverdue(task, nowDate)))
			.toList();
		Map<String, Long> openCount = lines.stream().collect(Collectors.groupingBy(TaskLine::assignee, Collectors.counting()));
		Map<String, Long> overdueCount = lines.stream()
			.filter(TaskLine::overdue)
			.collect(Collectors.groupingBy(TaskLine::assignee, Collectors.counting()));
		List<Person> people = members.stream()
			.map(member -> new Person(member.username(), member.fullName(), member.post(), progress.get(member.username()),
					openCount.getOrDefault(member.username(), 0L), overdueCount.getOrDefault(member.username(), 0L)))
			.toList();
		return new View(year, lists.hasCycle(year), unit, choices, people, lines.stream().limit(MAX_TASKS).toList(),
				lines.size() > MAX_TASKS, escalationsTo(viewer));
	}

	/** The viewer's open escalation tasks (督办), oldest first, each with whose task it is, its level and due date. */
	List<Escalation> escalationsTo(String viewer) {
		List<Task> mine = visible(system.call(() -> tasks.createTaskQuery()
			.processDefinitionKey(TaskDeadlineProcess.KEY)
			.taskAssignee(viewer)
			.active()
			.orderByTaskCreateTime()
			.asc()
			.list()));
		return mine.stream().map(task -> {
			Map<String, Object> variables = system.call(() -> runtime.getVariables(task.getProcessInstanceId(),
					List.of(TaskDeadlineProcess.VAR_OWNER_NAMES, TaskDeadlineProcess.VAR_LEVEL,
							TaskDeadlineProcess.VAR_DUE_AT_TEXT)));
			Object level = variables.get(TaskDeadlineProcess.VAR_LEVEL);
			return new Escalation(task.getId(), task.getName(), (String) variables.get(TaskDeadlineProcess.VAR_OWNER_NAMES),
					level instanceof Number number ? number.intValue() : 0,
					(String) variables.get(TaskDeadlineProcess.VAR_DUE_AT_TEXT));
		}).toList();
	}

	/** The name of an open task the viewer may urge, for the result of an urge; empty if there is no such task. */
	Optional<String> taskName(String taskId) {
		return Optional.ofNullable(system.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult()))
			.map(Task::getName);
	}

	/**
	 * Leaves out tasks of confidential processes, and escalation tasks watching one (their name carries the
	 * confidential task's name), or whose watched task is unknown.
	 */
	private List<Task> visible(List<Task> found) {
		Set<String> watchInstances = found.stream()
			.filter(task -> TaskDeadlineProcess.KEY.equals(ConfidentialProcesses.keyOf(task.getProcessDefinitionId())))
			.map(Task::getProcessInstanceId)
			.collect(Collectors.toSet());
		Map<String, String> watchedKeys = new HashMap<>();
		if (!watchInstances.isEmpty()) {
			List<ProcessInstance> instances = system.call(() -> List.copyOf(InLists.queryAll(List.copyOf(watchInstances),
					chunk -> runtime.createProcessInstanceQuery().processInstanceIds(Set.copyOf(chunk)).list())));
			for (ProcessInstance instance : instances) {
				deadlineRows.findByTaskId(instance.getBusinessKey())
					.ifPresent(row -> watchedKeys.put(instance.getId(), row.getProcessKey()));
			}
		}
		return found.stream().filter(task -> {
			String key = ConfidentialProcesses.keyOf(task.getProcessDefinitionId());
			if (TaskDeadlineProcess.KEY.equals(key)) {
				String watched = watchedKeys.get(task.getProcessInstanceId());
				return watched != null && deadlines.confidentialFor(watched).isEmpty();
			}
			return deadlines.confidentialFor(key).isEmpty();
		}).toList();
	}

	private Map<String, String> processNames(List<Task> found) {
		Set<String> ids = found.stream().map(Task::getProcessDefinitionId).filter(Objects::nonNull).collect(Collectors.toSet());
		if (ids.isEmpty()) {
			return Map.of();
		}
		return system.call(() -> repository.createProcessDefinitionQuery()
			.processDefinitionIdIn(ids.toArray(String[]::new))
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessDefinition::getId,
					definition -> definition.getName() == null ? "" : definition.getName(), (a, b) -> a)));
	}

	private static boolean isOverdue(Task task, Date now) {
		return task.getDueDate() != null && task.getDueDate().before(now);
	}

	private String text(Date date) {
		return date == null ? null : DATE_TIME.format(date.toInstant().atZone(zone));
	}

}
