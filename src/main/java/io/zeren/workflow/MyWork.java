package io.zeren.workflow;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.zeren.identity.SystemAuthentication;
import io.zeren.identity.Viewer;

/**
 * 已办 and 我发起的, read from the engine's history: the tasks a person completed (as assignee, newest first) and the
 * process instances they started. Who started an instance is the engine's start user, which the engine takes from the
 * authenticated caller of the start (Tasklist's or the engine REST's login), never from a variable; Zeren's own
 * services start their processes as the system, so those have no start user and appear in nobody's list. Zeren keeps
 * no table of initiators of its own (assigned work keeps its assigner in the "initiator" variable, set from the same
 * authentication). Confidential processes (discipline) are left out of 我发起的 unless the viewer holds role
 * DISCIPLINE; in 已办 a person sees the names of their own tasks, with no link into a case.
 */
@Component
class MyWork {

	static final int PAGE_SIZE = 20;

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The page of a business object, by process definition key, and who may open it. */
	private record PageLink(String href, Predicate<Viewer> mayOpen, Set<String> taskKeys) {

		boolean appliesTo(String taskKey) {
			return taskKeys.isEmpty() || taskKeys.contains(taskKey);
		}

	}

	private static final Predicate<Viewer> ANYONE = viewer -> true;

	private static final Predicate<Viewer> HEAD = Viewer::isUnitHead;

	private static final Predicate<Viewer> POLITICAL = viewer -> viewer.hasRole("POLITICAL");

	private static final Predicate<Viewer> INSPECTION = viewer -> viewer.hasRole("POLITICAL") || viewer.hasRole("INSPECTION");

	private static final Predicate<Viewer> ASSESSMENT = viewer -> viewer.hasRole("POLITICAL")
			|| viewer.hasRole("ASSESSMENT_COMMITTEE");

	private static final Predicate<Viewer> DISCIPLINE = viewer -> viewer.hasRole("DISCIPLINE");

	/** Only a person's own steps lead to their own pages (a peer vote is on someone else's assessment). */
	private static final Map<String, List<PageLink>> LINKS = Map.ofEntries(
			Map.entry("PersonalResponsibilityProcess", List.of(
					new PageLink("/my/lists", ANYONE, Set.of("Task_ReviewPersonalList")),
					new PageLink("/unit", HEAD, Set.of("Task_AnswerObjection", "Task_QuarterlyCheck")))),
			Map.entry("UnitListProcess", List.of(new PageLink("/unit", HEAD, Set.of()))),
			Map.entry("AnnualCycleProcess", List.of(new PageLink("/political/cycles", POLITICAL, Set.of()))),
			Map.entry("MidYearInspectionProcess", List.of(new PageLink("/political/inspections", INSPECTION, Set.of()))),
			Map.entry("RectificationProcess", List.of(
					new PageLink("/political/inspections", INSPECTION, Set.of("Task_VerifyRectification")))),
			Map.entry("AnnualAssessmentProcess", List.of(
					new PageLink("/my/assessments", ANYONE, Set.of("Task_SubmitSelfSummary", "Task_AcknowledgeNotice")),
					new PageLink("/political/assessments", ASSESSMENT, Set.of("Task_DecideReview", "Task_DecideAppeal")))),
			Map.entry("AssessmentCommitteeProcess", List.of(new PageLink("/political/assessments", ASSESSMENT, Set.of()))),
			Map.entry("TaskDeadlineProcess", List.of(new PageLink("/unit", HEAD, Set.of()))));

	/** Confidential processes lead only the discipline office to its registers. */
	private static final PageLink CONFIDENTIAL_LINK = new PageLink("/discipline/cases", DISCIPLINE, Set.of());

	record DoneTask(String name, String processName, String completedAt, String link) {
	}

	record StartedProcess(String processName, String subject, String startedAt, String endedAt, String state) {
	}

	/** One page of rows: page numbers from 1. */
	record Page<T>(List<T> rows, long total, int page, int pages) {

		boolean hasPrevious() {
			return page > 1;
		}

		boolean hasNext() {
			return page < pages;
		}

	}

	private final HistoryService history;

	private final RepositoryService repository;

	private final SystemAuthentication system;

	private final ObjectProvider<ConfidentialProcesses> confidential;

	private final DeadlineProperties properties;

	MyWork(HistoryService history, RepositoryService repository, SystemAuthentication system,
			ObjectProvider<ConfidentialProcesses> confidential, DeadlineProperties properties) {
		this.history = history;
		this.repository = repository;
		this.system = system;
		this.confidential = confidential;
		this.properties = properties;
	}

	/** The tasks the viewer completed as assignee, newest first (tasks cancelled with their process are not theirs). */
	Page<DoneTask> done(Viewer viewer, int requestedPage) {
		return system.call(() -> {
			long total = doneQuery(viewer).count();
			int page = clamp(requestedPage, total);
			List<HistoricTaskInstance> tasks = doneQuery(viewer).orderByHistoricTaskInstanceEndTime()
				.desc()
				.orderByHistoricActivityInstanceId()
				.desc()
				.listPage((page - 1) * PAGE_SIZE, PAGE_SIZE);
			Map<String, String> names = processNames(tasks.stream().map(HistoricTaskInstance::getProcessDefinitionId));
			Set<String> secret = confidentialKeys();
			List<DoneTask> rows = tasks.stream()
				.map(task -> new DoneTask(task.getName(), names.get(task.getProcessDefinitionId()), format(task.getEndTime()),
						link(viewer, task, secret)))
				.toList();
			return new Page<>(rows, total, page, pages(total));
		});
	}

	/** The process instances the viewer started, newest first; confidential ones only for the discipline office. */
	Page<StartedProcess> started(Viewer viewer, int requestedPage) {
		return system.call(() -> {
			long total = startedQuery(viewer).count();
			int page = clamp(requestedPage, total);
			List<HistoricProcessInstance> instances = startedQuery(viewer).orderByProcessInstanceStartTime()
				.desc()
				.listPage((page - 1) * PAGE_SIZE, PAGE_SIZE);
			Map<String, String> names = processNames(instances.stream().map(HistoricProcessInstance::getProcessDefinitionId));
			Map<String, String> subjects = subjects(instances);
			List<StartedProcess> rows = instances.stream()
				.map(instance -> new StartedProcess(names.get(instance.getProcessDefinitionId()),
						subjects.get(instance.getId()), format(instance.getStartTime()), format(instance.getEndTime()),
						state(instance)))
				.toList();
			return new Page<>(rows, total, page, pages(total));
		});
	}

	private HistoricTaskInstanceQuery doneQuery(Viewer viewer) {
		return history.createHistoricTaskInstanceQuery()
			.taskAssignee(viewer.username())
			.finished()
			.taskDeleteReason("completed");
	}

	private HistoricProcessInstanceQuery startedQuery(Viewer viewer) {
		HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery().startedBy(viewer.username());
		Set<String> secret = confidentialKeys();
		if (!secret.isEmpty() && !viewer.hasRole("DISCIPLINE")) {
			query.processDefinitionKeyNotIn(List.copyOf(secret));
		}
		return query;
	}

	private Set<String> confidentialKeys() {
		Set<String> keys = new TreeSet<>();
		confidential.orderedStream().forEach(processes -> keys.addAll(processes.processKeys()));
		return keys;
	}

	/** The names of the page's process definitions, in one query. */
	private Map<String, String> processNames(java.util.stream.Stream<String> definitionIds) {
		String[] ids = definitionIds.filter(java.util.Objects::nonNull).distinct().toArray(String[]::new);
		if (ids.length == 0) {
			return Map.of();
		}
		return repository.createProcessDefinitionQuery()
			.processDefinitionIdIn(ids)
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessDefinition::getId,
					definition -> definition.getName() == null ? definition.getKey() : definition.getName()));
	}

	/** What assigned work is about ("workTitle"), for the page's instances in one query. */
	private Map<String, String> subjects(List<HistoricProcessInstance> instances) {
		if (instances.isEmpty()) {
			return Map.of();
		}
		Map<String, String> subjects = new HashMap<>();
		for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
			.variableName("workTitle")
			.disableCustomObjectDeserialization()
			.list()) {
			if (variable.getValue() instanceof String title) {
				subjects.put(variable.getProcessInstanceId(), title);
			}
		}
		return subjects;
	}

	private String link(Viewer viewer, HistoricTaskInstance task, Set<String> secret) {
		String key = task.getProcessDefinitionKey();
		if (key == null) {
			return null;
		}
		if (secret.contains(key)) {
			return CONFIDENTIAL_LINK.mayOpen().test(viewer) ? CONFIDENTIAL_LINK.href() : null;
		}
		return LINKS.getOrDefault(key, List.of())
			.stream()
			.filter(link -> link.appliesTo(task.getTaskDefinitionKey()) && link.mayOpen().test(viewer))
			.map(PageLink::href)
			.findFirst()
			.orElse(null);
	}

	/** running, completed or cancelled: message keys' last part. */
	private static String state(HistoricProcessInstance instance) {
		String state = instance.getState();
		if (instance.getEndTime() == null) {
			return "running";
		}
		return HistoricProcessInstance.STATE_COMPLETED.equals(state) ? "completed" : "cancelled";
	}

	private String format(Date date) {
		return date == null ? null : MINUTE.format(date.toInstant().atZone(ZoneId.of(properties.zone())));
	}

	private static int clamp(int page, long total) {
		return Math.max(1, Math.min(page, pages(total)));
	}

	private static int pages(long total) {
		return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
	}

}
