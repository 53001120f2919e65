package io.zeren.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.PageTimes;
import io.zeren.shared.TaskStory;

/**
 * A task's story for the 业务详情 tab of Tasklist: the business object it is about (from each module's
 * {@link TaskStory.Source}) and what happened on it — the decisions taken in earlier steps (the fields of their
 * forms, with the forms' labels), comments, operations on tasks (claim, hand-over, delegation…) and escalations.
 * <p>
 * Only for someone who may see the task: its assignee, owner or candidates, whoever the engine grants READ on it,
 * and a supervisor in the owner's chain. An escalation task (督办) tells the story of the task it watches, with what
 * the earlier levels did.
 */
@Service
class TaskStories {

	/** The story as its fragment shows it. */
	record Story(String taskName, String subjectName, List<TaskStory> sections, boolean historyShown,
			List<Decision> decisions, List<Line> comments, List<Line> operations, List<Escalation> escalations) {
	}

	/** A completed step and the fields its form submitted. */
	record Decision(String taskName, String who, String at, List<Field> fields) {
	}

	record Field(String label, String value) {
	}

	record Line(String who, String at, String text) {
	}

	record Escalation(int level, String supervisor, String at, String reason, String action, String note,
			String actionAt) {
	}

	/** Engine operations on tasks worth telling, in the order of {@link UserOperationLogEntry}'s constants. */
	private static final Set<String> OPERATIONS = Set.of(UserOperationLogEntry.OPERATION_TYPE_CLAIM,
			UserOperationLogEntry.OPERATION_TYPE_ASSIGN, UserOperationLogEntry.OPERATION_TYPE_DELEGATE,
			UserOperationLogEntry.OPERATION_TYPE_RESOLVE, UserOperationLogEntry.OPERATION_TYPE_SET_OWNER,
			UserOperationLogEntry.OPERATION_TYPE_ADD_USER_LINK, UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK,
			UserOperationLogEntry.OPERATION_TYPE_DELETE_USER_LINK,
			UserOperationLogEntry.OPERATION_TYPE_DELETE_GROUP_LINK);

	private final TaskById taskById;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final RepositoryService repository;

	private final AuthorizationService authorizations;

	private final TaskDeadlines deadlines;

	private final SystemAuthentication system;

	private final OrganisationDirectory directory;

	private final List<TaskStory.Source> sources;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final PageTimes times;

	/** Form fields by form id, per deployment: key to label, and select values to their labels. */
	private final Map<String, Map<String, FormField>> forms = new ConcurrentHashMap<>();

	private record FormField(String label, Map<String, String> options) {
	}

	TaskStories(TaskById taskById, TaskService tasks, RuntimeService runtime, HistoryService history,
			RepositoryService repository, AuthorizationService authorizations, TaskDeadlines deadlines,
			SystemAuthentication system, OrganisationDirectory directory, List<TaskStory.Source> sources,
			MessageSource messages, ObjectMapper json, @Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.taskById = taskById;
		this.tasks = tasks;
		this.runtime = runtime;
		this.history = history;
		this.repository = repository;
		this.authorizations = authorizations;
		this.deadlines = deadlines;
		this.system = system;
		this.directory = directory;
		this.sources = sources;
		this.messages = messages;
		this.json = json;
		this.times = new PageTimes(zone);
	}

	/** The story of an open task; 404 when there is none, 403 when the viewer may not see it. */
	Story storyOf(String taskId, String viewer, Set<String> groups) {
		Task task = taskById.find(taskId).orElseThrow(() -> new NotFoundException(new Msg("story.not-found")));
		Task subjectTask = watched(task).orElse(task);
		if (!maySee(task, viewer, groups)) {
			TaskStory.Subject subject = system.call(() -> subjectOf(subjectTask));
			sources.forEach(source -> source.refused(subject, viewer));
			throw new ForbiddenException(new Msg("story.refused"));
		}
		return system.call(() -> tell(task, subjectTask, viewer, groups));
	}

	/**
	 * The assignee, the owner, a candidate user or a member of a candidate group, whoever the engine grants READ on
	 * the task (a substitute, a delegate), and a supervisor in the owner's chain.
	 */
	boolean maySee(Task task, String viewer, Set<String> groups) {
		if (viewer == null) {
			return false;
		}
		if (viewer.equals(task.getAssignee()) || viewer.equals(task.getOwner())) {
			return true;
		}
		List<IdentityLink> links = system.call(() -> tasks.getIdentityLinksForTask(task.getId()));
		for (IdentityLink link : links) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())
					&& (viewer.equals(link.getUserId()) || link.getGroupId() != null && groups.contains(link.getGroupId()))) {
				return true;
			}
		}
		if (system.call(() -> authorizations.isUserAuthorized(viewer, List.copyOf(groups), Permissions.READ,
				Resources.TASK, task.getId()))) {
			return true;
		}
		return deadlines.isSupervisorOf(task.getId(), viewer);
	}

	/** The task an escalation task (督办) watches, while it is open. */
	private Optional<Task> watched(Task task) {
		if (!TaskDeadlineProcess.TASK_HANDLE_ESCALATION.equals(task.getTaskDefinitionKey())
				&& !TaskDeadlineProcess.TASK_HANDLE_FINAL_ESCALATION.equals(task.getTaskDefinitionKey())) {
			return Optional.empty();
		}
		Object watched = system.call(() -> runtime.getVariable(task.getExecutionId(), TaskDeadlineProcess.VAR_TASK_ID));
		return watched instanceof String id ? taskById.find(id) : Optional.empty();
	}

	private TaskStory.Subject subjectOf(Task subjectTask) {
		String processInstanceId = subjectTask.getProcessInstanceId();
		ProcessDefinition definition = repository.getProcessDefinition(subjectTask.getProcessDefinitionId());
		Map<String, Object> variables = new HashMap<>(runtime.getVariables(processInstanceId));
		String businessKey = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
			.getBusinessKey();
		return new TaskStory.Subject(subjectTask.getId(), subjectTask.getName(), subjectTask.getTaskDefinitionKey(),
				definition.getKey(), processInstanceId, businessKey, java.util.Collections.unmodifiableMap(variables));
	}

	private Story tell(Task task, Task subjectTask, String viewer, Set<String> groups) {
		String processInstanceId = subjectTask.getProcessInstanceId();
		TaskStory.Subject subject = subjectOf(subjectTask);
		List<TaskStory> sections = new ArrayList<>();
		for (TaskStory.Source source : sources) {
			source.storyOf(subject, viewer, groups).ifPresent(sections::add);
		}
		sections.sort(Comparator.comparingInt(TaskStory::order));
		List<Escalation> escalations = deadlines.escalationsOf(subjectTask.getId()).stream()
			.map(this::escalation)
			.toList();
		boolean history = sources.stream().allMatch(source -> source.mayReadHistory(subject, viewer));
		return new Story(task.getName(), subjectTask == task ? null : subjectTask.getName(), sections,
				history, history ? decisions(processInstanceId) : List.of(), history ? comments(processInstanceId) : List.of(),
				operations(processInstanceId), escalations);
	}

	private List<Decision> decisions(String processInstanceId) {
		// What a completion submits is set on the task's execution: the detail names the step's activity instance
		// (and the task, when the variables were set on the task itself).
		Map<String, List<HistoricVariableUpdate>> byStep = new HashMap<>();
		for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(processInstanceId)
			.variableUpdates().orderByTime().asc().list()) {
			if (detail instanceof HistoricVariableUpdate update) {
				String step = detail.getTaskId() != null ? detail.getTaskId() : detail.getActivityInstanceId();
				if (step != null) {
					byStep.computeIfAbsent(step, id -> new ArrayList<>()).add(update);
				}
			}
		}
		List<Decision> decisions = new ArrayList<>();
		for (HistoricTaskInstance done : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
			.finished().orderByHistoricTaskInstanceEndTime().asc().list()) {
			Map<String, FormField> form = formOf(done.getProcessDefinitionId(), done.getTaskDefinitionKey());
			Map<String, Field> fields = new LinkedHashMap<>();
			List<HistoricVariableUpdate> submitted = new ArrayList<>(byStep.getOrDefault(done.getId(), List.of()));
			submitted.addAll(byStep.getOrDefault(done.getActivityInstanceId(), List.of()));
			for (HistoricVariableUpdate update : submitted) {
				FormField field = form.get(update.getVariableName());
				String value = field == null ? null : shown(update.getValue(), field);
				if (value != null) {
					fields.put(update.getVariableName(), new Field(field.label(), value));
				}
			}
			decisions.add(new Decision(done.getName(), nameOf(done.getAssignee()), at(done.getEndTime()),
					List.copyOf(fields.values())));
		}
		return decisions;
	}

	private List<Line> comments(String processInstanceId) {
		return tasks.getProcessInstanceComments(processInstanceId).stream()
			.sorted(Comparator.comparing(Comment::getTime))
			.map(comment -> new Line(nameOf(comment.getUserId()), at(comment.getTime()), comment.getFullMessage()))
			.toList();
	}

	private List<Line> operations(String processInstanceId) {
		Locale locale = Locales.current();
		List<Line> lines = new ArrayList<>();
		for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(processInstanceId)
			.entityType(org.camunda.bpm.engine.EntityTypes.TASK).orderByTimestamp().asc().list()) {
			if (!OPERATIONS.contains(entry.getOperationType()) || entry.getUserId() == null) {
				continue;
			}
			String whom = entry.getNewValue() != null && directory.cachedStaffInfo(entry.getNewValue()).isPresent()
					? nameOf(entry.getNewValue()) : "";
			String text = messages.getMessage("story.operation." + entry.getOperationType(),
					new Object[] { whom, taskName(entry.getTaskId()) }, entry.getOperationType(), locale);
			Line line = new Line(nameOf(entry.getUserId()), at(entry.getTimestamp()), text);
			// One entry per changed property: tell each operation once.
			if (lines.isEmpty() || !lines.get(lines.size() - 1).equals(line)) {
				lines.add(line);
			}
		}
		return lines;
	}

	private String taskName(String taskId) {
		if (taskId == null) {
			return "";
		}
		HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
		return task == null ? "" : task.getName();
	}

	private Escalation escalation(EscalationStep step) {
		Locale locale = Locales.current();
		String action = step.actionTaken() == null ? messages.getMessage("story.escalation.pending", null, locale)
				: messages.getMessage("story.escalation.action." + step.actionTaken(), null, step.actionTaken(), locale);
		return new Escalation(step.level(), nameOf(step.supervisor()), times.at(step.escalatedAt()), step.reason(), action,
				step.actionNote(), times.at(step.actionAt()));
	}

	/** The fields of the Camunda Form a user task is bound to: what a person filled in, with its label. */
	private Map<String, FormField> formOf(String processDefinitionId, String taskDefinitionKey) {
		ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
		UserTask userTask = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey);
		String formRef = userTask == null ? null : userTask.getCamundaFormRef();
		if (formRef == null) {
			return Map.of();
		}
		return forms.computeIfAbsent(definition.getDeploymentId() + "/" + formRef,
				key -> readForm(definition.getDeploymentId(), formRef));
	}

	private Map<String, FormField> readForm(String deploymentId, String formId) {
		for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
			if (!resource.endsWith(".form")) {
				continue;
			}
			try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
				JsonNode form = json.readTree(in);
				if (formId.equals(form.path("id").asText())) {
					Map<String, FormField> fields = new HashMap<>();
					collect(form.path("components"), fields);
					return fields;
				}
			}
			catch (IOException unreadable) {
				// not a form we can read: its fields are not told
			}
		}
		return Map.of();
	}

	/** Input fields a person fills in (not the read-only context), nested groups and lists included. */
	private static void collect(JsonNode components, Map<String, FormField> fields) {
		for (JsonNode component : components) {
			if (component.has("components")) {
				collect(component.path("components"), fields);
			}
			String key = component.path("key").asText(null);
			String label = component.path("label").asText(component.path("dateLabel").asText(null));
			if (key == null || label == null || label.isBlank() || component.path("readonly").asBoolean(false)) {
				continue;
			}
			Map<String, String> options = new HashMap<>();
			for (JsonNode option : component.path("values")) {
				options.put(option.path("value").asText(), option.path("label").asText());
			}
			fields.put(key, new FormField(label, options));
		}
	}

	/** A submitted value as a person reads it: an option's label, 是/否, text; null for nothing worth showing. */
	private String shown(Object value, FormField field) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Boolean yes) {
			return messages.getMessage(yes ? "story.yes" : "story.no", null, Locales.current());
		}
		if (value instanceof java.util.Date date) {
			return times.at(date.toInstant());
		}
		if (value instanceof Number || value instanceof String) {
			String text = value.toString();
			return field.options().getOrDefault(text, text);
		}
		return null;
	}

	private String nameOf(String username) {
		return username == null ? "" : directory.cachedStaffInfo(username).map(StaffInfo::fullName).orElse(username);
	}

	private String at(java.util.Date date) {
		return date == null ? "" : times.at(Instant.ofEpochMilli(date.getTime()));
	}

}
