package io.zeren.workflow;

import static io.zeren.workflow.TaskDeadlineProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

import io.zeren.calendar.EngineClock;
import io.zeren.calendar.WorkingCalendar;
import io.zeren.identity.GroupIds;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.PeopleChoices;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.shared.LivePolicy;
import io.zeren.shared.FormRows;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.TaskNames;

/**
 * Deadlines of user tasks: due dates from policy, a watch per task that reminds and escalates, the
 * supervisor's actions on an escalated task, and the record of it all. Delegates and listeners are thin
 * glue around this service.
 */
@Service
@Transactional
public class TaskDeadlines {

	private static final Logger log = LoggerFactory.getLogger(TaskDeadlines.class);

	private static final int MAX_REMINDER_RECIPIENTS = 50;

	private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final DeadlinePolicy policy;

	private final WorkingCalendar calendar;

	private final OrganisationDirectory directory;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final IdentityService identity;

	private final SystemAuthentication system;

	private final TaskDeadlineRepository deadlines;

	private final TaskEscalationRepository escalations;

	private final TaskUrgeRepository urges;

	private final ApplicationEventPublisher events;

	private final DeadlineProperties properties;

	private final MessageSource messages;

	/**
	 * The confidential-process policies, resolved on first use and then kept: every task event asks, and
	 * resolving and ordering the beans each time was 2 % of a kick-off's CPU. Singletons do not change.
	 */
	private final SingletonSupplier<List<ConfidentialProcesses>> confidential;

	private final TaskById taskById;

	private final PersonalTasks personal;

	private final RepositoryService repository;

	/** The deadline settings as they stand now (the end of the working day is a policy setting). */
	private final LivePolicy<DeadlineProperties> livePolicy;

	TaskDeadlines(DeadlinePolicy policy, WorkingCalendar calendar, OrganisationDirectory directory, RuntimeService runtime,
			TaskService tasks, IdentityService identity, SystemAuthentication system, TaskDeadlineRepository deadlines,
			TaskEscalationRepository escalations, TaskUrgeRepository urges, ApplicationEventPublisher events,
			DeadlineProperties properties, MessageSource messages, ObjectProvider<ConfidentialProcesses> confidential,
			TaskById taskById, PersonalTasks personal, RepositoryService repository,
			LivePolicy<DeadlineProperties> livePolicy) {
		this.personal = personal;
		this.repository = repository;
		this.livePolicy = livePolicy;
		this.messages = messages;
		this.confidential = SingletonSupplier.of(() -> confidential.orderedStream().toList());
		this.policy = policy;
		this.calendar = calendar;
		this.directory = directory;
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
		this.system = system;
		this.deadlines = deadlines;
		this.escalations = escalations;
		this.urges = urges;
		this.events = events;
		this.properties = properties;
		this.taskById = taskById;
	}

	// --- a task is created: due date from policy, then the watch starts ---------------------------------

	void watch(DelegateTask task, String delegatedFrom) {
		Process process = processOf(task.getBpmnModelElementInstance());
		String processKey = process == null ? "" : process.getId();
		Owner owner = ownerOf(task);
		String category = owner.username() == null ? null
				: directory.cachedStaffInfo(owner.username()).map(staff -> staff.category().name()).orElse(null);
		DeadlinePolicy.Policy rules = policy.forTask(processKey, task.getTaskDefinitionKey(), category,
				overrides(task.getBpmnModelElementInstance()));
		if (!rules.enabled() || !properties.enabled()) {
			return;
		}
		Instant created = task.getCreateTime().toInstant();
		Instant due = task.getDueDate() != null ? task.getDueDate().toInstant() : calendar.plus(created, rules.dueIn());
		if (due == null) {
			return;
		}
		Instant remind = rules.remindBefore() == null ? null : calendar.minus(due, rules.remindBefore());
		if (remind != null && !remind.isAfter(created)) {
			remind = null;
		}
		task.setDueDate(Date.from(due));
		if (task.getFollowUpDate() != null) {
			remind = task.getFollowUpDate().toInstant();
		}
		else if (remind != null) {
			task.setFollowUpDate(Date.from(remind));
		}
		deadlines.save(new TaskDeadline(task.getId(), processKey, task.getTaskDefinitionKey(), task.getName(),
				owner.username(), owner.unitCode(), delegatedFrom, due, remind, created));

		// One timer job until the reminder (or the due date); the watch process starts only when the task is due.
		TaskDeadlineJob.Config config = new TaskDeadlineJob.Config(
				remind != null ? TaskDeadlineJob.Phase.REMIND : TaskDeadlineJob.Phase.DUE, task.getId(),
				rules.remindBefore(), rules.escalateEvery(), rules.escalationCap(),
				process == null || process.getName() == null ? processKey : process.getName());
		Instant firesAt = remind != null ? remind : due;
		TaskDeadlineJob.schedule(runtime, config, Date.from(firesAt));
	}

	/**
	 * The task's deadline job fired: at the reminder time, remind and wait for the due date; at the due date,
	 * start the watch process, which escalates at once (its due timer has passed) and goes on as it always did.
	 */
	void deadlineJobDue(TaskDeadlineJob.Config config) {
		Optional<TaskDeadline> deadline = deadlines.findByTaskId(config.taskId());
		Task task = liveTask(config.taskId());
		if (deadline.isEmpty() || deadline.get().isClosed() || task == null) {
			return;
		}
		Instant due = deadline.get().getDueAt() != null ? deadline.get().getDueAt()
				: task.getDueDate() == null ? null : task.getDueDate().toInstant();
		if (due == null) {
			return;
		}
		if (config.phase() == TaskDeadlineJob.Phase.REMIND) {
			List<String> recipients = reminderRecipients(task, deadline.get().getOwnerUsername(),
					deadline.get().getOwnerUnit());
			events.publishEvent(new TaskReminderDue(new TaskRef(task.getId(), task.getName(), config.processName(), null,
					task.getDueDate() == null ? null : task.getDueDate().toInstant()), recipients));
			TaskDeadlineJob.schedule(runtime, config.next(TaskDeadlineJob.Phase.DUE), Date.from(due));
			return;
		}
		startWatch(task, deadline.get(), config, due, null);
	}

	private void startWatch(Task task, TaskDeadline deadline, TaskDeadlineJob.Config config, Instant due, Instant remind) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(VAR_TASK_ID, task.getId());
		variables.put(VAR_TASK_NAME, task.getName());
		variables.put(VAR_PROCESS_NAME, config.processName());
		variables.put(VAR_OWNER, deadline.getOwnerUsername());
		variables.put(VAR_OWNER_UNIT, deadline.getOwnerUnit());
		variables.put(VAR_OWNER_NAMES, ownerNames(task, deadline));
		variables.putAll(escalationContext(task, deadline));
		variables.put(VAR_DUE_AT, Date.from(due));
		variables.put(VAR_DUE_AT_TEXT, text(due));
		variables.put(VAR_REMIND_AT, remind == null ? null : Date.from(remind));
		variables.put(VAR_REMIND_BEFORE, config.remindBefore());
		variables.put(VAR_ESCALATE_EVERY, config.escalateEvery());
		variables.put(VAR_ESCALATION_CAP, config.escalationCap());
		variables.put(VAR_LEVEL, 0);
		variables.put(VAR_SUPERVISOR, null);
		variables.put(VAR_ACTION, null);
		system.run(() -> runtime.createProcessInstanceByKey(KEY).businessKey(task.getId()).setVariables(variables)
			.execute());
	}

	/**
	 * What the escalation tasks are named with (督办：李娜 2027年度 填写个人总结（述职）) and Tasklist shows in its
	 * columns: whose work it is (the person, else the unit) and the watched task's own name.
	 */
	private Map<String, Object> escalationContext(Task task, TaskDeadline deadline) {
		StaffInfo owner = deadline.getOwnerUsername() == null ? null
				: directory.findStaffInfo(deadline.getOwnerUsername()).orElse(null);
		String unit = owner != null ? owner.unitName()
				: deadline.getOwnerUnit() == null ? null : directory.unit(deadline.getOwnerUnit()).name();
		Map<String, Object> context = TaskNames.context(null, unit, owner == null ? null : owner.fullName());
		String whose = owner != null ? owner.fullName() : unit;
		String name = task.getName() == null ? "" : task.getName();
		context.put(TaskNames.VAR_TITLE, whose == null ? name : (whose + " " + name).trim());
		return context;
	}

	private String ownerNames(Task task, TaskDeadline deadline) {
		if (deadline.getOwnerUsername() != null || deadline.getOwnerUnit() != null) {
			return ownerNames(new Owner(deadline.getOwnerUsername(), deadline.getOwnerUnit(), Set.of(), Set.of()));
		}
		Set<String> groups = new LinkedHashSet<>();
		system.run(() -> tasks.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.forEach(link -> groups.add(link.getGroupId())));
		return String.join("、", groups);
	}

	/** The watched task is completed or deleted: stop watching and keep the record. */
	void closed(String taskId, TaskDeadline.CloseReason reason) {
		Optional<TaskDeadline> deadline = deadlines.findByTaskId(taskId);
		if (deadline.isEmpty() || deadline.get().isClosed()) {
			return;
		}
		deadline.get().close(reason, EngineClock.now());
		// Before the due date there is only the deadline job; a watch process exists once the task was due.
		if (TaskDeadlineJob.cancel(runtime, taskId)) {
			return;
		}
		system.run(() -> runtime.createMessageCorrelation(MESSAGE_TASK_CLOSED).processInstanceBusinessKey(taskId)
			.correlateAllWithResult());
	}

	// --- steps of the watch process ----------------------------------------------------------------------

	void remind(DelegateExecution execution) {
		String taskId = (String) execution.getVariable(VAR_TASK_ID);
		Task task = liveTask(taskId);
		if (task == null) {
			return;
		}
		List<String> recipients = reminderRecipients(task, (String) execution.getVariable(VAR_OWNER),
				(String) execution.getVariable(VAR_OWNER_UNIT));
		events.publishEvent(new TaskReminderDue(ref(task, execution), recipients));
	}

	/**
	 * One level up the chain, at most to the top: the policy's cap, or the last person of the chain if it is shorter.
	 * At the top the escalation stays with that person (no timer takes it away) until they act; if they only urge or
	 * acknowledge, it comes back to them after the next interval for as long as the task stays open. Only a task whose
	 * owner has nobody above (or that is gone) ends the watch.
	 */
	void escalate(DelegateExecution execution) {
		String taskId = (String) execution.getVariable(VAR_TASK_ID);
		int previous = ((Number) execution.getVariable(VAR_LEVEL)).intValue();
		int cap = ((Number) execution.getVariable(VAR_ESCALATION_CAP)).intValue();
		Task task = liveTask(taskId);
		String owner = task != null && task.getAssignee() != null ? task.getAssignee()
				: (String) execution.getVariable(VAR_OWNER);
		String unit = (String) execution.getVariable(VAR_OWNER_UNIT);
		List<StaffInfo> chain = task == null ? List.of() : escalationChain(task, owner, unit);
		int top = Math.min(Math.max(cap, 1), chain.size());
		int level = Math.min(previous + 1, top);
		String supervisor = level >= 1 ? chain.get(level - 1).username() : null;
		execution.setVariable(VAR_LEVEL, level >= 1 ? level : previous + 1);
		execution.setVariable(VAR_SUPERVISOR, supervisor);
		execution.setVariable(VAR_AT_TOP, supervisor != null && level >= top);
		execution.setVariable(VAR_RESTART, false);
		execution.setVariable(VAR_ACTION, null);
		execution.setVariable(VAR_ACTION_NOTE, null);
		execution.setVariable(VAR_NEW_DUE_DATE, null);
		execution.setVariable(VAR_NEW_ASSIGNEE, null);
		if (supervisor == null) {
			log.info("Task {} is overdue and its owner has nobody above to escalate to", taskId);
			return;
		}
		Instant now = EngineClock.now();
		Instant actionDue = calendar.plus(now, (String) execution.getVariable(VAR_ESCALATE_EVERY));
		execution.setVariable(VAR_ACTION_DUE_AT, Date.from(actionDue));
		// Below the top: the next level then if nobody acts. At the top: when it comes back after an urge.
		execution.setVariable(VAR_NEXT_ESCALATION_AT, Date.from(actionDue));
		Date due = (Date) execution.getVariable(VAR_DUE_AT);
		String reason = previous == 0 ? "已超过办理期限 " + text(due.toInstant())
				: previous >= top ? "最高层级督办后仍未办结，再次督办"
						: "第 " + previous + " 级督办后仍未办结，逐级上报";
		execution.setVariable(VAR_REASON, reason);
		int round = (int) escalations.countByTaskIdAndLevel(taskId, level);
		// The 督办 form's context (the 业务详情 tab tells the whole story): the work's requirement, what earlier levels did.
		execution.setVariable(VAR_WORK_REQUIREMENT, requirementOf(task));
		execution.setVariable(VAR_EARLIER_LEVELS, earlierLevels(taskId));
		escalations.save(new TaskEscalation(taskId, level, supervisor, owner, unit, reason, now));
		deadlines.findByTaskId(taskId).ifPresent(deadline -> deadline.escalated(level));
		List<String> owners = owner != null ? List.of(owner) : reminderRecipients(task, null, unit);
		events.publishEvent(new TaskEscalated(ref(task, execution), level, supervisor, owners, reason, round));
	}

	/** Checks a supervisor's choice before their escalation task may complete; nothing is lost on refusal. */
	void validateAction(DelegateTask escalationTask) {
		String action = (String) escalationTask.getVariable(VAR_ACTION);
		List<Msg> problems = new ArrayList<>();
		if (action == null || !Set.of("urge", "extend", "reassign", "takeOver", "acknowledge").contains(action)) {
			problems.add(new Msg("deadline.action.required"));
		}
		else if ("extend".equals(action)) {
			Instant newDue = parseNewDue(escalationTask.getVariable(VAR_NEW_DUE_DATE));
			if (newDue == null || !newDue.isAfter(EngineClock.now())) {
				problems.add(new Msg("deadline.extend.date"));
			}
			if (isBlank((String) escalationTask.getVariable(VAR_ACTION_NOTE))) {
				problems.add(new Msg("deadline.extend.reason"));
			}
		}
		else if ("reassign".equals(action) || "takeOver".equals(action)) {
			String supervisor = (String) escalationTask.getVariable(VAR_SUPERVISOR);
			String assignee = "takeOver".equals(action) ? supervisor
					: (String) escalationTask.getVariable(VAR_NEW_ASSIGNEE);
			StaffInfo staff = isBlank(assignee) ? null
					: directory.findStaffInfo(assignee.trim()).filter(StaffInfo::active).orElse(null);
			Task watched = liveTask((String) escalationTask.getVariable(VAR_TASK_ID));
			if (staff == null) {
				problems.add(new Msg("deadline.reassign.unknown", String.valueOf(assignee)));
			}
			else if (watched != null) {
				moveProblem(watched, staff, supervisor, "takeOver".equals(action)).ifPresent(problems::add);
			}
		}
		if (!problems.isEmpty()) {
			Locale locale = Locales.current();
			throw new RuleViolationException(problems,
					String.join("；", problems.stream().map(msg -> msg.render(messages, locale)).toList()));
		}
	}

	/**
	 * Applies the supervisor's choice. 延期, 改派 and 接办 restart the watch (VAR_RESTART): an extension at the new date,
	 * a moved task for its new holder with a due date from policy counted from now.
	 */
	void applyAction(DelegateExecution execution) {
		String taskId = (String) execution.getVariable(VAR_TASK_ID);
		String supervisor = (String) execution.getVariable(VAR_SUPERVISOR);
		String action = (String) execution.getVariable(VAR_ACTION);
		String note = (String) execution.getVariable(VAR_ACTION_NOTE);
		int level = ((Number) execution.getVariable(VAR_LEVEL)).intValue();
		execution.setVariable(VAR_RESTART, false);
		switch (action) {
			case "urge" -> urge(taskId, supervisor, note);
			case "reassign", "takeOver" -> {
				boolean takeOver = "takeOver".equals(action);
				String to = takeOver ? supervisor : ((String) execution.getVariable(VAR_NEW_ASSIGNEE)).trim();
				Instant newDue = move(taskId, to, supervisor, takeOver);
				if (newDue != null) {
					execution.setVariables(
							restartVariables(taskId, newDue, (String) execution.getVariable(VAR_REMIND_BEFORE)));
					execution.setVariable(VAR_RESTART, true);
				}
			}
			case "extend" -> {
				Instant newDue = parseNewDue(execution.getVariable(VAR_NEW_DUE_DATE));
				Map<String, Object> restart = recordExtension(taskId, newDue, note, supervisor,
						(String) execution.getVariable(VAR_REMIND_BEFORE));
				execution.setVariables(restart);
				execution.setVariable(VAR_RESTART, true);
			}
			default -> {
				// acknowledge: noted, the watch goes on
			}
		}
		escalations.findFirstByTaskIdAndLevelOrderByEscalatedAtDesc(taskId, level)
			.ifPresent(step -> step.acted(action, note, EngineClock.now()));
	}

	// --- supervisor actions, also offered over REST ------------------------------------------------------

	/** 催办: mails the owners, at most once per interval per supervisor and task. */
	public boolean urge(String taskId, String by, String message) {
		Task task = requireLiveTask(taskId);
		Instant now = EngineClock.now();
		Instant last = urges.lastUrge(taskId, by);
		if (last != null && Duration.between(last, now).compareTo(properties.urgeMinInterval()) < 0) {
			log.info("Urge of task {} by {} skipped: last one at {}", taskId, by, last);
			return false;
		}
		urges.save(new TaskUrge(taskId, by, now, message));
		TaskDeadline deadline = deadlines.findByTaskId(taskId).orElse(null);
		String owner = task.getAssignee() != null ? task.getAssignee() : deadline == null ? null : deadline.getOwnerUsername();
		List<String> owners = owner != null ? List.of(owner)
				: reminderRecipients(task, null, deadline == null ? null : deadline.getOwnerUnit());
		events.publishEvent(new TaskUrged(ref(task), by, owners, message, now));
		return true;
	}

	/** Moves the due date of a watched task and restarts its watch from level 0. */
	public void extend(String taskId, Instant newDue, String reason, String by) {
		requireLiveTask(taskId);
		if (newDue == null || !newDue.isAfter(EngineClock.now())) {
			throw new RuleViolationException(new Msg("deadline.extend.date"));
		}
		if (isBlank(reason)) {
			throw new RuleViolationException(new Msg("deadline.extend.reason"));
		}
		String remindBefore = system.call(() -> (String) runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(taskId)
			.list()
			.stream()
			.findFirst()
			.map(instance -> runtime.getVariable(instance.getId(), VAR_REMIND_BEFORE))
			.orElse(null));
		// Not due yet: no watch process, only the deadline job, which carries the policy.
		TaskDeadlineJob.Config pending = TaskDeadlineJob.pendingConfig(runtime, taskId);
		if (pending != null) {
			remindBefore = pending.remindBefore();
		}
		Map<String, Object> restart = recordExtension(taskId, newDue, reason, by, remindBefore);
		restartWatch(taskId, restart, pending);
	}

	/** The policy's reminder lead of a watched task: from its pending deadline job, or from its watch process. */
	private String remindBeforeOf(String taskId) {
		TaskDeadlineJob.Config pending = TaskDeadlineJob.pendingConfig(runtime, taskId);
		if (pending != null) {
			return pending.remindBefore();
		}
		return system.call(() -> (String) runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(taskId)
			.list()
			.stream()
			.findFirst()
			.map(instance -> runtime.getVariable(instance.getId(), VAR_REMIND_BEFORE))
			.orElse(null));
	}

	/**
	 * Restarts the watch of a task at level 0 with the due date in {@code restart}: a task not yet due (only its
	 * deadline job) is watched by its process from now on; a watched one starts over (Message_DeadlineChanged).
	 */
	private void restartWatch(String taskId, Map<String, Object> restart, TaskDeadlineJob.Config pending) {
		Date dueAt = (Date) restart.get(VAR_DUE_AT);
		if (pending != null) {
			TaskDeadlineJob.cancel(runtime, taskId);
			Task task = requireLiveTask(taskId);
			TaskDeadline deadline = deadlines.findByTaskId(taskId).orElseThrow();
			Date remindAt = (Date) restart.get(VAR_REMIND_AT);
			startWatch(task, deadline, pending, dueAt.toInstant(), remindAt == null ? null : remindAt.toInstant());
			return;
		}
		Map<String, Object> variables = new HashMap<>(restart);
		variables.put(VAR_RESTART, true);
		system.run(() -> runtime.createMessageCorrelation(MESSAGE_DEADLINE_CHANGED)
			.processInstanceBusinessKey(taskId)
			.setVariables(variables)
			.correlateAllWithResult());
	}

	/**
	 * 改派: gives the task to another person who may do it (see {@link #moveProblem}). A personal task is refused:
	 * it can be urged or extended, never moved.
	 */
	public void reassign(String taskId, String newAssignee, String by) {
		moveAndRestart(taskId, newAssignee, by, false);
	}

	/** 接办: the supervisor (already checked to stand in the owner's chain) takes the task over with a new deadline. */
	public void takeOver(String taskId, String by) {
		moveAndRestart(taskId, by, by, true);
	}

	/** A move from outside the watch process (REST): the watch restarts for the new holder with a due from policy. */
	private void moveAndRestart(String taskId, String newAssignee, String by, boolean takeOver) {
		String remindBefore = remindBeforeOf(taskId);
		TaskDeadlineJob.Config pending = TaskDeadlineJob.pendingConfig(runtime, taskId);
		boolean watched = pending != null || system.call(() -> runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(taskId)
			.count() > 0);
		Instant newDue = move(taskId, newAssignee, by, takeOver);
		if (newDue != null && watched) {
			restartWatch(taskId, restartVariables(taskId, newDue, remindBefore), pending);
		}
	}

	/**
	 * Moves the task to its new holder with a new due date from policy, counted from now for the new holder's staff
	 * category: the clock starts again for them. The due date is set before the assignment, so the new holder's mail
	 * shows it.
	 * @return the new due date, or null when the policy gives none (the old one stays)
	 */
	private Instant move(String taskId, String newAssignee, String by, boolean takeOver) {
		Task task = requireLiveTask(taskId);
		StaffInfo staff = (newAssignee == null ? Optional.<StaffInfo>empty()
				: directory.findStaffInfo(newAssignee.trim()))
			.filter(StaffInfo::active)
			.orElseThrow(() -> new RuleViolationException(new Msg("deadline.reassign.unknown", newAssignee)));
		Optional<Msg> problem = moveProblem(task, staff, by, takeOver);
		if (problem.isPresent()) {
			throw new RuleViolationException(problem.get());
		}
		TaskDeadline deadline = deadlines.findByTaskId(taskId).orElse(null);
		DeadlinePolicy.Policy rules = policyFor(task, deadline, staff);
		Instant now = EngineClock.now();
		Instant newDue = rules == null || !rules.enabled() || rules.dueIn() == null ? null
				: calendar.plus(now, rules.dueIn());
		if (newDue != null) {
			Instant reminder = rules.remindBefore() == null ? null : calendar.minus(newDue, rules.remindBefore());
			Instant remind = reminder != null && reminder.isAfter(now) ? reminder : null;
			system.run(() -> {
				task.setDueDate(Date.from(newDue));
				task.setFollowUpDate(remind == null ? null : Date.from(remind));
				tasks.saveTask(task);
			});
			if (deadline != null) {
				deadline.moveDue(newDue, remind);
			}
		}
		// The engine listeners still apply: a confidential task's module refuses people it may not go to.
		system.run(() -> tasks.setAssignee(taskId, staff.username()));
		if (deadline != null) {
			deadline.reassign(staff.username(), staff.unitCode());
		}
		log.info("Task {} {} to {} by {}, due {}", taskId, takeOver ? "taken over" : "reassigned", staff.username(), by,
				newDue);
		return newDue;
	}

	/** The deadline policy of the task's element for a holder of this staff category. */
	private DeadlinePolicy.Policy policyFor(Task task, TaskDeadline deadline, StaffInfo holder) {
		if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
			return null;
		}
		BpmnModelInstance model = system.call(() -> repository.getBpmnModelInstance(task.getProcessDefinitionId()));
		ModelElementInstance element = model == null ? null : model.getModelElementById(task.getTaskDefinitionKey());
		String processKey = deadline != null ? deadline.getProcessKey()
				: ConfidentialProcesses.keyOf(task.getProcessDefinitionId());
		String category = holder.category() == null ? null : holder.category().name();
		// The policy table is read by the system: the supervisor acting has no right to evaluate decisions.
		return system.call(() -> policy.forTask(processKey, task.getTaskDefinitionKey(), category, overrides(element)));
	}

	/** The watch variables for a restart at level 0 with the given due date. */
	private Map<String, Object> restartVariables(String taskId, Instant newDue, String remindBefore) {
		Task task = requireLiveTask(taskId);
		Instant remind = task.getFollowUpDate() == null ? null : task.getFollowUpDate().toInstant();
		Map<String, Object> variables = new HashMap<>();
		variables.put(VAR_DUE_AT, Date.from(newDue));
		variables.put(VAR_DUE_AT_TEXT, text(newDue));
		variables.put(VAR_REMIND_AT, remind == null ? null : Date.from(remind));
		variables.put(VAR_REMIND_BEFORE, remindBefore);
		variables.put(VAR_LEVEL, 0);
		variables.put(VAR_SUPERVISOR, null);
		return variables;
	}

	/**
	 * Why the task may not go to this person, if it may not. Personal tasks go nowhere. Taking over is for the
	 * supervisor in the owner's chain (the caller checks that). Otherwise the new holder must be one the task is
	 * offered to (a candidate user, or a member of a candidate group); a task offered to nobody but its assignee may
	 * go to a member of the owner's unit or of a unit the caller heads or one below it.
	 */
	private Optional<Msg> moveProblem(Task task, StaffInfo target, String by, boolean takeOver) {
		if (personal.isPersonal(task)) {
			return Optional.of(new Msg("deadline.personal.not-movable", task.getName()));
		}
		if (takeOver) {
			return Optional.empty();
		}
		Set<String> users = new LinkedHashSet<>();
		Set<String> groups = new LinkedHashSet<>();
		candidates(task.getId(), users, groups);
		boolean eligible;
		if (!users.isEmpty() || !groups.isEmpty()) {
			eligible = users.contains(target.username()) || (!groups.isEmpty() && system.call(() -> identity
				.createGroupQuery()
				.groupMember(target.username())
				.groupIdIn(groups.toArray(String[]::new))
				.count() > 0));
		}
		else {
			String ownerUnit = deadlines.findByTaskId(task.getId())
				.map(TaskDeadline::getOwnerUnit)
				.orElseGet(() -> task.getAssignee() == null ? null
						: directory.findStaffInfo(task.getAssignee()).map(StaffInfo::unitCode).orElse(null));
			// "Below the caller": the units the caller heads, and every unit under them.
			String callerUnit = by == null ? null
					: directory.membership(by).map(OrganisationDirectory.Membership::headOfUnit).orElse(null);
			eligible = target.unitCode() != null && (target.unitCode().equals(ownerUnit)
					|| (callerUnit != null && directory.subtree(callerUnit).contains(target.unitCode())));
		}
		return eligible ? Optional.empty()
				: Optional.of(new Msg("deadline.reassign.not-candidate", task.getName(), target.fullName()));
	}

	/** The task's candidate users and groups, read as the system. */
	private void candidates(String taskId, Set<String> users, Set<String> groups) {
		system.run(() -> tasks.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.forEach(link -> {
				if (link.getUserId() != null) {
					users.add(link.getUserId());
				}
				if (link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
			}));
	}

	/**
	 * The people 改派 may give the watched task to, offered by name in the escalation form: those
	 * {@link #moveProblem} lets it go to (the task's candidate users and members of its candidate groups; for a task
	 * offered to nobody but its assignee, the members of the owner's unit and of the units the supervisor heads and
	 * below). Empty for a personal task or one gone.
	 */
	@Transactional(readOnly = true)
	public List<FormRows.Choice> reassignChoices(String taskId, String supervisor) {
		Task task = liveTask(taskId);
		if (task == null || personal.isPersonal(task)) {
			return List.of();
		}
		Set<String> users = new LinkedHashSet<>();
		Set<String> groups = new LinkedHashSet<>();
		candidates(task.getId(), users, groups);
		Map<String, StaffInfo> people = new LinkedHashMap<>();
		if (!users.isEmpty() || !groups.isEmpty()) {
			for (String group : groups) {
				system.call(() -> identity.createUserQuery().memberOfGroup(group).list())
					.forEach(user -> users.add(user.getId()));
			}
			users.forEach(user -> directory.findStaffInfo(user).ifPresent(staff -> people.put(user, staff)));
		}
		else {
			String ownerUnit = deadlines.findByTaskId(task.getId())
				.map(TaskDeadline::getOwnerUnit)
				.orElseGet(() -> task.getAssignee() == null ? null
						: directory.findStaffInfo(task.getAssignee()).map(StaffInfo::unitCode).orElse(null));
			if (ownerUnit != null) {
				directory.members(ownerUnit, false).forEach(staff -> people.put(staff.username(), staff));
			}
			String callerUnit = supervisor == null ? null
					: directory.membership(supervisor).map(OrganisationDirectory.Membership::headOfUnit).orElse(null);
			if (callerUnit != null) {
				directory.members(callerUnit, true).forEach(staff -> people.put(staff.username(), staff));
			}
		}
		if (task.getAssignee() != null) {
			people.remove(task.getAssignee());
		}
		return PeopleChoices.of(people.values());
	}

	/** Whether the user stands in the supervisor chain of the task's owner (and so may act on it). */
	@Transactional(readOnly = true)
	public boolean isSupervisorOf(String taskId, String username) {
		if (escalations.existsByTaskIdAndSupervisor(taskId, username)) {
			return true;
		}
		TaskDeadline deadline = deadlines.findByTaskId(taskId).orElse(null);
		Task task = liveTask(taskId);
		if (task == null && deadline != null && confidentialFor(deadline.getProcessKey()).isPresent()) {
			return false;
		}
		String owner = task != null && task.getAssignee() != null ? task.getAssignee()
				: deadline == null ? null : deadline.getOwnerUsername();
		return escalationChain(task, owner, deadline == null ? null : deadline.getOwnerUnit()).stream()
			.anyMatch(staff -> staff.username().equals(username));
	}

	/**
	 * Who a task escalates to, nearest first: the owner's supervisor chain, or for a confidential process the
	 * chain its module gives (never the owner's own supervisors).
	 */
	private List<StaffInfo> escalationChain(Task task, String owner, String unit) {
		Optional<ConfidentialProcesses> secret = task == null ? Optional.empty()
				: confidentialFor(ConfidentialProcesses.keyOf(task.getProcessDefinitionId()));
		return secret.isPresent() ? secret.get().escalationChain(task.getProcessInstanceId(), owner) : chain(owner, unit);
	}

	@Transactional(readOnly = true)
	public List<EscalationStep> escalationsOf(String taskId) {
		return escalations.findByTaskIdOrderByEscalatedAtAsc(taskId).stream().map(TaskEscalation::toStep).toList();
	}

	/** Overdue and escalation counts per person, optionally for one unit or person, of tasks created in the window. */
	@Transactional(readOnly = true)
	public List<DeadlineStats> stats(Instant from, Instant to, String unit, String owner) {
		Instant now = EngineClock.now();
		Set<String> hidden = new HashSet<>(confidentialKeys());
		hidden.add("");
		return deadlines.statsByOwner(from, to, now, unit, owner, hidden)
			.stream()
			.map(row -> new DeadlineStats((String) row[0], (String) row[1], ((Number) row[2]).longValue(),
					((Number) row[3]).longValue(), ((Number) row[4]).longValue()))
			.toList();
	}

	// --- helpers ------------------------------------------------------------------------------------------

	/** The confidential-process policy that covers a process key, if any. */
	Optional<ConfidentialProcesses> confidentialFor(String processKey) {
		return processKey == null ? Optional.empty()
				: confidential.obtain().stream().filter(policy -> policy.processKeys().contains(processKey)).findFirst();
	}

	private Set<String> confidentialKeys() {
		Set<String> keys = new HashSet<>();
		confidential.obtain().forEach(policy -> keys.addAll(policy.processKeys()));
		return keys;
	}

	private Map<String, Object> recordExtension(String taskId, Instant newDue, String reason, String by,
			String remindBefore) {
		Task task = requireLiveTask(taskId);
		Instant previous = task.getDueDate() == null ? null : task.getDueDate().toInstant();
		Instant remind = remindBefore == null ? null : calendar.minus(newDue, remindBefore);
		if (remind != null && !remind.isAfter(EngineClock.now())) {
			remind = null;
		}
		Instant remindAt = remind;
		system.run(() -> {
			task.setDueDate(Date.from(newDue));
			task.setFollowUpDate(remindAt == null ? null : Date.from(remindAt));
			tasks.saveTask(task);
		});
		TaskDeadline deadline = deadlines.findByTaskId(taskId).orElse(null);
		if (deadline != null) {
			deadline.moveDue(newDue, remindAt);
		}
		String owner = task.getAssignee() != null ? task.getAssignee() : deadline == null ? null : deadline.getOwnerUsername();
		List<String> owners = owner != null ? List.of(owner)
				: reminderRecipients(task, null, deadline == null ? null : deadline.getOwnerUnit());
		TaskRef ref = new TaskRef(task.getId(), task.getName(), ref(task).processName(), null, newDue);
		events.publishEvent(new DeadlineExtended(ref, by, owners, previous, reason));
		Map<String, Object> variables = new HashMap<>();
		variables.put(VAR_DUE_AT, Date.from(newDue));
		variables.put(VAR_DUE_AT_TEXT, text(newDue));
		variables.put(VAR_REMIND_AT, remindAt == null ? null : Date.from(remindAt));
		variables.put(VAR_LEVEL, 0);
		variables.put(VAR_SUPERVISOR, null);
		return variables;
	}

	/**
	 * The form gives a date: the new deadline is the end of that working day (zeren.deadline.workday-end, a policy
	 * setting) in the agency's zone; a day off moves to the next working day. A full date and time is taken as given.
	 */
	private Instant parseNewDue(Object value) {
		if (value == null) {
			return null;
		}
		ZoneId zone = ZoneId.of(properties.zone());
		if (value instanceof Date date) {
			ZonedDateTime at = date.toInstant().atZone(zone);
			// A date field typed as a date arrives at midnight: it means the day, not the moment.
			return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? endOfWorkingDay(at.toLocalDate()) : date.toInstant();
		}
		String text = value.toString().trim();
		try {
			if (text.length() <= 10) {
				return endOfWorkingDay(LocalDate.parse(text));
			}
			return ZonedDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The end of the working day on {@code day}, or on the next working day if it is a day off. */
	Instant endOfWorkingDay(LocalDate day) {
		LocalDate working = day;
		// Days off never run for weeks (Spring Festival is the longest); the bound only guards a broken table.
		for (int i = 0; i < 60 && !calendar.isWorkingDay(working); i++) {
			working = working.plusDays(1);
		}
		LocalTime end = LocalTime.parse(livePolicy.current().workdayEnd().strip());
		return ZonedDateTime.of(working, end, ZoneId.of(properties.zone())).toInstant();
	}

	private record Owner(String username, String unitCode, Set<String> candidateUsers, Set<String> candidateGroups) {
	}

	/** Who answers for a task: its assignee, a single candidate user, the head named by a head group, or a unit. */
	private Owner ownerOf(DelegateTask task) {
		Set<String> users = new LinkedHashSet<>();
		Set<String> groups = new LinkedHashSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				if (link.getUserId() != null) {
					users.add(link.getUserId());
				}
				if (link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
			}
		}
		String person = task.getOwner() != null ? task.getOwner() : task.getAssignee();
		if (person == null && users.size() == 1) {
			person = users.iterator().next();
		}
		String unit = null;
		for (String group : groups) {
			Optional<UnitInfo> owning = unitOfGroup(group);
			if (owning.isPresent()) {
				unit = owning.get().code();
				if (person == null && group.equals(GroupIds.head(unit))) {
					person = owning.get().headUsername();
				}
				break;
			}
		}
		if (person != null && unit == null) {
			unit = directory.cachedStaffInfo(person).map(StaffInfo::unitCode).orElse(null);
		}
		return new Owner(person, unit, users, groups);
	}

	private Optional<UnitInfo> unitOfGroup(String group) {
		if (group.startsWith("role-")) {
			return directory.roles()
				.stream()
				.filter(role -> GroupIds.role(role.code()).equals(group))
				.findFirst()
				.map(role -> directory.unit(role.ownerUnitCode()));
		}
		if (group.startsWith("unit-") || group.startsWith("head-")) {
			// Group ids carry the unit code in lower case: try that unit first instead of reading every unit.
			try {
				UnitInfo named = directory.unit(group.substring(5).toUpperCase(Locale.ROOT));
				if (GroupIds.unit(named.code()).equals(group) || GroupIds.head(named.code()).equals(group)) {
					return Optional.of(named);
				}
			}
			catch (NotFoundException ex) {
				// a code with lower-case letters: look through all units below
			}
			return directory.units()
				.stream()
				.filter(unit -> GroupIds.unit(unit.code()).equals(group) || GroupIds.head(unit.code()).equals(group))
				.findFirst();
		}
		return Optional.empty();
	}

	/** Supervisors of a person, or for a unit's task: the unit head, then the head's supervisors. */
	private List<StaffInfo> chain(String owner, String unit) {
		if (owner != null && directory.findStaffInfo(owner).isPresent()) {
			return directory.supervisorChain(owner);
		}
		if (unit != null) {
			Optional<StaffInfo> head = directory.head(unit);
			if (head.isPresent()) {
				List<StaffInfo> chain = new ArrayList<>();
				chain.add(head.get());
				chain.addAll(directory.supervisorChain(head.get().username()));
				return chain;
			}
		}
		return List.of();
	}

	private List<String> reminderRecipients(Task task, String owner, String unit) {
		if (task.getAssignee() != null) {
			return List.of(task.getAssignee());
		}
		if (owner != null) {
			return List.of(owner);
		}
		Set<String> recipients = new LinkedHashSet<>();
		system.run(() -> {
			for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
				if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
					continue;
				}
				if (link.getUserId() != null) {
					recipients.add(link.getUserId());
				}
				else if (link.getGroupId() != null) {
					identity.createUserQuery()
						.memberOfGroup(link.getGroupId())
						.listPage(0, MAX_REMINDER_RECIPIENTS)
						.stream()
						.map(User::getId)
						.forEach(recipients::add);
				}
			}
		});
		if (recipients.isEmpty() && unit != null) {
			directory.head(unit).ifPresent(head -> recipients.add(head.username()));
		}
		return recipients.stream().limit(MAX_REMINDER_RECIPIENTS).toList();
	}

	/** The open task, or null; read by primary key ({@link TaskById}). */
	private Task liveTask(String taskId) {
		return taskById.find(taskId).orElse(null);
	}

	private Task requireLiveTask(String taskId) {
		Task task = liveTask(taskId);
		if (task == null) {
			throw new NotFoundException(new Msg("deadline.task.not-found", taskId));
		}
		return task;
	}

	private TaskRef ref(Task task, DelegateExecution watch) {
		return new TaskRef(task.getId(), task.getName(), (String) watch.getVariable(VAR_PROCESS_NAME), null,
				task.getDueDate() == null ? null : task.getDueDate().toInstant());
	}

	private TaskRef ref(Task task) {
		String processName = system.call(() -> runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(task.getId())
			.list()
			.stream()
			.findFirst()
			.map(instance -> (String) runtime.getVariable(instance.getId(), VAR_PROCESS_NAME))
			.orElseGet(() -> {
				TaskDeadlineJob.Config pending = TaskDeadlineJob.pendingConfig(runtime, task.getId());
				return pending == null ? null : pending.processName();
			}));
		return new TaskRef(task.getId(), task.getName(), processName, null,
				task.getDueDate() == null ? null : task.getDueDate().toInstant());
	}

	private String ownerNames(Owner owner) {
		if (owner.username() != null) {
			return directory.findStaffInfo(owner.username())
				.map(staff -> staff.fullName() + "（" + staff.unitName() + "）")
				.orElse(owner.username());
		}
		if (owner.unitCode() != null) {
			return directory.unit(owner.unitCode()).name();
		}
		return String.join("、", owner.candidateGroups());
	}

	/** The overdue task's requirement: its documentation in the model, or the requirement of assigned work. */
	private String requirementOf(Task task) {
		if (task.getDescription() != null && !task.getDescription().isBlank()) {
			return task.getDescription();
		}
		Object work = system.call(() -> tasks.getVariable(task.getId(), "workDescription"));
		return work instanceof String text && !text.isBlank() ? text
				: messages.getMessage("deadline.requirement.none", null, Locales.DEFAULT);
	}

	/** One line per earlier level: who, when, what they did and their note; a sentence when there was none. */
	private String earlierLevels(String taskId) {
		List<String> lines = new ArrayList<>();
		for (TaskEscalation step : escalations.findByTaskIdOrderByEscalatedAtAsc(taskId)) {
			EscalationStep earlier = step.toStep();
			String who = directory.cachedStaffInfo(earlier.supervisor()).map(StaffInfo::fullName)
				.orElse(earlier.supervisor());
			String action = earlier.actionTaken() == null
					? messages.getMessage("story.escalation.pending", null, Locales.DEFAULT)
					: messages.getMessage("story.escalation.action." + earlier.actionTaken(), null,
							earlier.actionTaken(), Locales.DEFAULT);
			lines.add(messages.getMessage("deadline.earlier-level",
					new Object[] { String.valueOf(earlier.level()), who, text(earlier.escalatedAt()), action,
							earlier.actionNote() == null ? "" : earlier.actionNote() },
					Locales.DEFAULT).strip());
		}
		return lines.isEmpty() ? messages.getMessage("deadline.earlier-level.none", null, Locales.DEFAULT)
				: String.join("\n", lines);
	}

	private String text(Instant instant) {
		return DUE_TEXT.format(instant.atZone(ZoneId.of(properties.zone())));
	}

	/** The zeren.* camunda properties drawn on a BPMN element. */
	static Map<String, String> overrides(ModelElementInstance element) {
		Map<String, String> values = new HashMap<>();
		if (element instanceof BaseElement base && base.getExtensionElements() != null) {
			for (CamundaProperties properties : base.getExtensionElements()
				.getElementsQuery()
				.filterByType(CamundaProperties.class)
				.list()) {
				for (CamundaProperty property : properties.getCamundaProperties()) {
					if (property.getCamundaName() != null && property.getCamundaName().startsWith("zeren.")) {
						values.put(property.getCamundaName(), property.getCamundaValue());
					}
				}
			}
		}
		return values;
	}

	private static Process processOf(ModelElementInstance element) {
		for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
			if (current instanceof Process process) {
				return process;
			}
		}
		return null;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
