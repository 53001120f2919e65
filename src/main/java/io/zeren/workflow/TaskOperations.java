package io.zeren.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.SecurityAudit;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.PeopleChoices;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.FormRows.Choice;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;

/**
 * Approval operations on a task (docs/approval-operations.md): 退回 to a step already passed, 转办, 委派 (back to the
 * owner by 办回), 加签 (an extra approver's sub-task that must be signed before the task completes), 抄送 (a read-only
 * notice), 撤回 by whoever completed the previous step while the next one is untouched, and 催办 by the initiator.
 * Which apply to a step is data (table zr_task_op_policy); personal tasks allow only 催办 and confidential tasks are
 * never copied and never leave the module's staff, whatever the table says. Identity is the authenticated caller,
 * never a task variable; every operation is written to zr_task_op, the typed history {@link #history} returns.
 */
@Component
public class TaskOperations {

	/** The operations, with the code used in the policy table and the API. */
	public enum Op {

		RETURN("return"), TRANSFER("transfer"), DELEGATE("delegate"), RESOLVE("resolve"), ADD_SIGNER("add-signer"),
		SIGN("sign"), CC("cc"), WITHDRAW("withdraw"), URGE("urge");

		final String code;

		Op(String code) {
			this.code = code;
		}

		String code() {
			return code;
		}

		static Optional<Op> ofCode(String code) {
			return Arrays.stream(values()).filter(op -> op.code.equals(code)).findFirst();
		}

	}

	/** A step of the instance that can be returned to: its BPMN id and its name. */
	record Step(String key, String name) {
	}

	/** What the caller may do on a task now, for the Tasklist tab. */
	record Available(String taskId, String taskName, List<String> operations, List<Step> returnSteps,
			List<Choice> people, boolean delegated, boolean signTask) {
	}

	/** One notice copied to someone (抄送我的). */
	record CcEntry(String taskId, String taskName, String processInstanceId, String byName, String comment,
			Instant at, boolean open) {
	}

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final RepositoryService repository;

	private final JdbcClient jdbc;

	private final PersonalTasks personal;

	private final TaskDeadlines deadlines;

	private final OrganisationDirectory directory;

	private final SystemAuthentication system;

	private final SecurityAudit audit;

	private final MessageSource messages;

	TaskOperations(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository,
			JdbcClient jdbc, PersonalTasks personal, TaskDeadlines deadlines, OrganisationDirectory directory,
			SystemAuthentication system, SecurityAudit audit, MessageSource messages) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.history = history;
		this.repository = repository;
		this.jdbc = jdbc;
		this.personal = personal;
		this.deadlines = deadlines;
		this.directory = directory;
		this.system = system;
		this.audit = audit;
		this.messages = messages;
	}

	// --- the public read API --------------------------------------------------------------------------------

	/**
	 * Every approval operation done in a process instance, oldest first, with names in Chinese. The caller decides
	 * who may read it (a confidential instance's history is confidential too).
	 */
	@Transactional(readOnly = true)
	public List<TaskOperationEntry> history(String processInstanceId) {
		return jdbc.sql("""
				select op_type, task_id, task_name, actor, target_user, target_step, op_comment, done_at
				from zr_task_op where process_instance_id = :pid order by done_at, id""")
			.param("pid", processInstanceId)
			.query((rs, row) -> {
				String type = rs.getString("op_type");
				String target = rs.getString("target_user");
				return new TaskOperationEntry(type, label(Op.valueOf(type)), rs.getString("task_id"),
						rs.getString("task_name"), rs.getString("actor"), nameOf(rs.getString("actor")), target,
						target == null ? null : nameOf(target), rs.getString("target_step"), rs.getString("op_comment"),
						rs.getTimestamp("done_at").toInstant());
			})
			.list();
	}

	// --- what the caller may do -------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	Available available(String taskId, String user) {
		Task task = requireTask(taskId);
		if (task.getParentTaskId() != null && task.getProcessDefinitionId() == null) {
			boolean mine = user.equals(task.getAssignee());
			return new Available(taskId, task.getName(), mine ? List.of(Op.SIGN.code()) : List.of(), List.of(),
					List.of(), false, true);
		}
		List<String> ops = new ArrayList<>();
		boolean holder = user.equals(task.getAssignee());
		boolean delegated = task.getDelegationState() == DelegationState.PENDING;
		Set<Op> allowed = allowedOn(task);
		if (holder && delegated) {
			ops.add(Op.RESOLVE.code());
		}
		else if (holder) {
			for (Op op : List.of(Op.RETURN, Op.TRANSFER, Op.DELEGATE, Op.ADD_SIGNER, Op.CC)) {
				if (allowed.contains(op)) {
					ops.add(op.code());
				}
			}
		}
		if (allowed.contains(Op.URGE) && isInitiator(task, user) && !holder) {
			ops.add(Op.URGE.code());
		}
		List<Step> steps = holder && ops.contains(Op.RETURN.code()) ? passedSteps(task) : List.of();
		if (steps.isEmpty()) {
			ops.remove(Op.RETURN.code());
		}
		List<Choice> people = ops.stream().anyMatch(code -> !code.equals(Op.URGE.code()) && !code.equals(Op.RESOLVE.code()))
				? PeopleChoices.of(eligiblePeople(task, user)) : List.of();
		return new Available(taskId, task.getName(), ops, steps, people, delegated, false);
	}

	// --- the operations -----------------------------------------------------------------------------------------

	/** 退回: back to a step this instance has already passed; the new task goes to whoever did that step. */
	@Transactional
	void returnTo(String taskId, String stepKey, String comment, String user) {
		Task task = requireHolder(taskId, user, "OPS_RETURN");
		require(task, Op.RETURN, user);
		Step step = passedSteps(task).stream()
			.filter(candidate -> candidate.key().equals(stepKey))
			.findFirst()
			.orElseThrow(() -> refuse(user, "OPS_RETURN", task, "step " + stepKey,
					new Msg("ops.return.not-passed", task.getName())));
		String formerDoer = lastDoer(task.getProcessInstanceId(), step.key());
		Task next = move(task.getProcessInstanceId(), List.of(task), step.key(), formerDoer);
		record(task, Op.RETURN, user, next == null ? null : next.getAssignee(), step.name(), comment);
	}

	/** 转办: another person becomes the assignee and does the task. */
	@Transactional
	void transfer(String taskId, String to, String comment, String user) {
		Task task = requireHolder(taskId, user, "OPS_TRANSFER");
		require(task, Op.TRANSFER, user);
		StaffInfo target = requirePerson(task, to, user, "OPS_TRANSFER");
		system.run(() -> tasks.setAssignee(taskId, target.username()));
		record(task, Op.TRANSFER, user, target.username(), null, comment);
	}

	/** 委派: the delegate works on the task and hands it back (办回); the caller stays its owner. */
	@Transactional
	void delegate(String taskId, String to, String comment, String user) {
		Task task = requireHolder(taskId, user, "OPS_DELEGATE");
		require(task, Op.DELEGATE, user);
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw refuse(user, "OPS_DELEGATE", task, "already delegated", new Msg("ops.delegate.pending", task.getName()));
		}
		StaffInfo target = requirePerson(task, to, user, "OPS_DELEGATE");
		system.run(() -> tasks.delegateTask(taskId, target.username()));
		record(task, Op.DELEGATE, user, target.username(), null, comment);
	}

	/** 办回: the delegate gives the task back to its owner. */
	@Transactional
	void resolve(String taskId, String comment, String user) {
		Task task = requireHolder(taskId, user, "OPS_RESOLVE");
		if (task.getDelegationState() != DelegationState.PENDING) {
			throw refuse(user, "OPS_RESOLVE", task, "not delegated", new Msg("ops.resolve.not-delegated", task.getName()));
		}
		system.run(() -> tasks.resolveTask(taskId));
		record(task, Op.RESOLVE, user, task.getOwner(), null, comment);
	}

	/**
	 * 加签: an extra approver gets a sub-task of this task; the task cannot be completed until every such sub-task
	 * is signed ({@link #onComplete}). Returns the sub-task's id.
	 */
	@Transactional
	String addSigner(String taskId, String to, String comment, String user) {
		Task task = requireHolder(taskId, user, "OPS_ADD_SIGNER");
		require(task, Op.ADD_SIGNER, user);
		StaffInfo target = requirePerson(task, to, user, "OPS_ADD_SIGNER");
		String name = messages.getMessage("ops.sign.task-name", new Object[] { task.getName() }, Locales.current());
		String id = system.call(() -> {
			Task sign = tasks.newTask();
			sign.setName(name);
			sign.setParentTaskId(taskId);
			sign.setAssignee(target.username());
			sign.setOwner(user);
			sign.setDescription(comment);
			sign.setDueDate(task.getDueDate());
			tasks.saveTask(sign);
			return sign.getId();
		});
		record(task, Op.ADD_SIGNER, user, target.username(), null, comment);
		return id;
	}

	/** The extra approver signs (加签意见): the sub-task ends with the opinion recorded on the main task. */
	@Transactional
	void sign(String signTaskId, String comment, String user) {
		Task sign = requireTask(signTaskId);
		if (sign.getParentTaskId() == null || sign.getProcessDefinitionId() != null) {
			throw refuse(user, "OPS_SIGN", sign, "not a sign task", new Msg("ops.sign.not-sign-task", sign.getName()));
		}
		if (!user.equals(sign.getAssignee())) {
			throw refuse(user, "OPS_SIGN", sign, "held by " + sign.getAssignee(),
					new Msg("ops.holder-only", sign.getName(), nameOf(sign.getAssignee())));
		}
		if (comment == null || comment.isBlank()) {
			throw new RuleViolationException(new Msg("ops.sign.opinion-required"));
		}
		Task parent = requireTask(sign.getParentTaskId());
		system.run(() -> tasks.complete(signTaskId));
		record(parent, Op.SIGN, user, parent.getAssignee(), null, comment);
	}

	/** 抄送: a read-only notice to people, listed under their 抄送我的; no right on the task comes with it. */
	@Transactional
	void cc(String taskId, List<String> people, String comment, String user) {
		Task task = requireHolder(taskId, user, "OPS_CC");
		require(task, Op.CC, user);
		if (people == null || people.isEmpty()) {
			throw new RuleViolationException(new Msg("ops.cc.nobody"));
		}
		for (String person : new LinkedHashSet<>(people)) {
			StaffInfo target = requirePerson(task, person, user, "OPS_CC");
			record(task, Op.CC, user, target.username(), null, comment);
		}
	}

	/**
	 * 撤回: whoever completed a step takes the work back while the step after it is untouched (nobody claimed,
	 * changed, delegated or signed it). {@code completedTaskId} is the caller's completed task.
	 */
	@Transactional
	void withdraw(String completedTaskId, String comment, String user) {
		HistoricTaskInstance done = system.call(() -> history.createHistoricTaskInstanceQuery()
			.taskId(completedTaskId)
			.singleResult());
		if (done == null || done.getEndTime() == null || !user.equals(done.getAssignee())
				|| !"completed".equals(done.getDeleteReason())) {
			audit.refused(user, "OPS_WITHDRAW", "task " + completedTaskId, "api", "not completed by the caller");
			throw new ForbiddenException(new Msg("ops.withdraw.not-yours"));
		}
		Set<Op> allowed = allowedOn(done.getProcessDefinitionId(), done.getTaskDefinitionKey());
		if (!allowed.contains(Op.WITHDRAW)) {
			audit.refused(user, "OPS_WITHDRAW", "task " + completedTaskId, "api", "not allowed by policy");
			throw new RuleViolationException(new Msg("ops.not-allowed", label(Op.WITHDRAW), done.getName()));
		}
		String pid = done.getProcessInstanceId();
		List<Task> open = system.call(() -> tasks.createTaskQuery().processInstanceId(pid).list());
		List<Task> next = open.stream().filter(task -> !task.getCreateTime().before(done.getEndTime())).toList();
		boolean laterCompletion = system.call(() -> history.createHistoricTaskInstanceQuery()
			.processInstanceId(pid)
			.finished()
			.list()).stream().anyMatch(other -> other.getEndTime().after(done.getEndTime()));
		if (next.isEmpty() || laterCompletion) {
			audit.refused(user, "OPS_WITHDRAW", "task " + completedTaskId, "api", "no untouched next step");
			throw new RuleViolationException(new Msg("ops.withdraw.moved-on", done.getName()));
		}
		for (Task task : next) {
			if (touched(task)) {
				audit.refused(user, "OPS_WITHDRAW", "task " + completedTaskId, "api", "next task touched " + task.getId());
				throw new RuleViolationException(new Msg("ops.withdraw.touched", task.getName()));
			}
		}
		Task back = move(pid, next, done.getTaskDefinitionKey(), user);
		Task first = next.get(0);
		jdbc.sql("""
				insert into zr_task_op (id, process_instance_id, task_id, task_name, op_type, actor, target_user,
				target_step, op_comment, done_at) values (:id, :pid, :task, :name, :type, :actor, :target, :step,
				:comment, :at)""")
			.param("id", UUID.randomUUID().toString())
			.param("pid", pid)
			.param("task", first.getId())
			.param("name", first.getName())
			.param("type", Op.WITHDRAW.name())
			.param("actor", user)
			.param("target", back == null ? user : back.getAssignee())
			.param("step", done.getName())
			.param("comment", trim(comment))
			.param("at", Timestamp.from(EngineClock.now()))
			.update();
	}

	/** 催办 by the initiator of the process, before the deadline too; refused when this person urged it too recently. */
	@Transactional
	boolean urge(String taskId, String comment, String user) {
		Task task = requireTask(taskId);
		if (!isInitiator(task, user)) {
			throw refuse(user, "OPS_URGE", task, "not the initiator", new Msg("ops.urge.initiator-only", task.getName()));
		}
		if (!allowedOn(task).contains(Op.URGE)) {
			throw refuse(user, "OPS_URGE", task, "not allowed by policy",
					new Msg("ops.not-allowed", label(Op.URGE), task.getName()));
		}
		boolean sent = deadlines.urge(taskId, user, comment);
		if (!sent) {
			throw new RuleViolationException(new Msg("ops.urge.too-soon"));
		}
		record(task, Op.URGE, user, task.getAssignee(), null, comment);
		return true;
	}

	/** The notices copied to someone, newest first. */
	@Transactional(readOnly = true)
	List<CcEntry> ccTo(String user) {
		List<Object[]> rows = jdbc.sql("""
				select task_id, task_name, process_instance_id, actor, op_comment, done_at from zr_task_op
				where target_user = :user and op_type = 'CC' order by done_at desc""")
			.param("user", user)
			.query((rs, row) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant() })
			.list();
		Set<String> open = rows.isEmpty() ? Set.of()
				: system.call(() -> tasks.createTaskQuery()
					.taskIdIn(rows.stream().map(row -> (String) row[0]).distinct().toArray(String[]::new))
					.list()).stream().map(Task::getId).collect(Collectors.toSet());
		return rows.stream()
			.map(row -> new CcEntry((String) row[0], (String) row[1], (String) row[2], nameOf((String) row[3]),
					(String) row[4], (Instant) row[5], open.contains(row[0])))
			.toList();
	}

	/** Whether the person may read the instance's operation history: a participant, a person copied, or its initiator. */
	@Transactional(readOnly = true)
	boolean mayReadHistory(String processInstanceId, String user) {
		boolean participant = system.call(() -> history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskAssignee(user)
			.count()) > 0;
		if (participant) {
			return true;
		}
		HistoricProcessInstance instance = system.call(() -> history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult());
		if (instance != null && user.equals(instance.getStartUserId())) {
			return true;
		}
		return jdbc.sql("select count(*) from zr_task_op where process_instance_id = :pid and target_user = :user")
			.param("pid", processInstanceId)
			.param("user", user)
			.query(Long.class)
			.single() > 0;
	}

	// --- the engine side: no completion while delegated or while an extra approver has not signed ----------------

	@EventListener
	@Order(1)
	void onComplete(DelegateTask task) {
		if (task.getProcessDefinitionId() == null || !TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
			return;
		}
		if (task instanceof Task entity && entity.getDelegationState() == DelegationState.PENDING) {
			throw new RuleViolationException(List.of(new Msg("ops.complete.delegated", task.getName())),
					render(new Msg("ops.complete.delegated", task.getName())));
		}
		List<Task> open = task.getProcessEngineServices().getTaskService().getSubTasks(task.getId());
		if (!open.isEmpty()) {
			String who = open.stream().map(sub -> nameOf(sub.getAssignee())).collect(Collectors.joining("、"));
			Msg msg = new Msg("ops.complete.unsigned", task.getName(), who);
			throw new RuleViolationException(List.of(msg), render(msg));
		}
	}

	// --- rules -------------------------------------------------------------------------------------------------

	private void require(Task task, Op op, String user) {
		if (personal.isPersonal(task)) {
			throw refuse(user, "OPS_" + op.name(), task, "personal task", new Msg("ops.personal", task.getName()));
		}
		if (op == Op.CC && confidential(task).isPresent()) {
			throw refuse(user, "OPS_CC", task, "confidential task", new Msg("ops.cc.confidential"));
		}
		if (!allowedOn(task).contains(op)) {
			throw refuse(user, "OPS_" + op.name(), task, "not allowed by policy",
					new Msg("ops.not-allowed", label(op), task.getName()));
		}
	}

	private StaffInfo requirePerson(Task task, String username, String user, String action) {
		StaffInfo person = (username == null ? Optional.<StaffInfo>empty() : directory.findStaffInfo(username.trim()))
			.filter(StaffInfo::active)
			.orElseThrow(() -> new RuleViolationException(new Msg("ops.person-unknown")));
		if (person.username().equals(user)) {
			throw new RuleViolationException(new Msg("ops.person-self"));
		}
		Optional<ConfidentialProcesses> secret = confidential(task);
		if (secret.isPresent() && !secret.get().mayHandle(task.getProcessInstanceId(), person.username())) {
			throw refuse(user, action, task, "outside the module: " + person.username(),
					new Msg("ops.confidential-person", person.fullName()));
		}
		return person;
	}

	private List<StaffInfo> eligiblePeople(Task task, String user) {
		Optional<ConfidentialProcesses> secret = confidential(task);
		return directory.activeStaff()
			.stream()
			.filter(person -> !person.username().equals(user))
			.filter(person -> secret.isEmpty() || secret.get().mayHandle(task.getProcessInstanceId(), person.username()))
			.toList();
	}

	private Optional<ConfidentialProcesses> confidential(Task task) {
		return deadlines.confidentialFor(ConfidentialProcesses.keyOf(task.getProcessDefinitionId()));
	}

	private Set<Op> allowedOn(Task task) {
		if (task.getProcessDefinitionId() == null) {
			return Set.of();
		}
		Set<Op> ops = allowedOn(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
		if (personal.isPersonal(task)) {
			return ops.contains(Op.URGE) ? Set.of(Op.URGE) : Set.of();
		}
		if (confidential(task).isPresent()) {
			ops.remove(Op.CC);
		}
		return ops;
	}

	private Set<Op> allowedOn(String processDefinitionId, String taskKey) {
		Optional<String> row = policyRow(ConfidentialProcesses.keyOf(processDefinitionId), taskKey, "operations");
		Set<Op> ops = new LinkedHashSet<>();
		row.ifPresent(list -> Arrays.stream(list.split(","))
			.map(String::trim)
			.forEach(code -> Op.ofCode(code).ifPresent(ops::add)));
		return ops;
	}

	private Optional<String> policyRow(String processKey, String taskKey, String column) {
		Map<String, String> rows = new LinkedHashMap<>();
		jdbc.sql("select task_key, operations, return_to from zr_task_op_policy where process_key = :p and task_key in (:t, '*')")
			.param("p", processKey)
			.param("t", taskKey == null ? "*" : taskKey)
			.query((rs, row) -> {
				rows.put(rs.getString("task_key"),
						"operations".equals(column) ? rs.getString("operations") : String.valueOf(rs.getString("return_to")));
				return null;
			})
			.list();
		String value = rows.containsKey(taskKey) ? rows.get(taskKey) : rows.get("*");
		return Optional.ofNullable(value).filter(text -> !"null".equals(text));
	}

	/** The user tasks this instance has completed, latest first, that the step's policy lets it return to. */
	private List<Step> passedSteps(Task task) {
		Optional<String> returnTo = policyRow(ConfidentialProcesses.keyOf(task.getProcessDefinitionId()),
				task.getTaskDefinitionKey(), "return_to");
		Set<String> allowedKeys = returnTo.map(list -> Arrays.stream(list.split(",")).map(String::trim)
			.collect(Collectors.toSet())).orElse(null);
		List<HistoricTaskInstance> done = system.call(() -> history.createHistoricTaskInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.finished()
			.orderByHistoricActivityInstanceStartTime()
			.desc()
			.list());
		Map<String, Step> steps = new LinkedHashMap<>();
		for (HistoricTaskInstance instance : done) {
			String key = instance.getTaskDefinitionKey();
			if (key != null && !key.equals(task.getTaskDefinitionKey()) && "completed".equals(instance.getDeleteReason())
					&& (allowedKeys == null || allowedKeys.contains(key))) {
				steps.putIfAbsent(key, new Step(key, instance.getName()));
			}
		}
		return List.copyOf(steps.values());
	}

	private String lastDoer(String processInstanceId, String taskKey) {
		return system.call(() -> history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.finished()
			.list())
			.stream()
			.filter(instance -> "completed".equals(instance.getDeleteReason()))
			.max(Comparator.comparing(HistoricTaskInstance::getEndTime))
			.map(HistoricTaskInstance::getAssignee)
			.orElse(null);
	}

	/**
	 * Cancels the tasks' activity instances and starts the instance again before {@code stepKey} (process instance
	 * modification; the engine's listeners run, so deadlines and authority follow). The new task goes to
	 * {@code assignee} when its BPMN gives it to nobody in particular.
	 */
	private Task move(String processInstanceId, List<Task> from, String stepKey, String assignee) {
		system.run(() -> {
			ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
			var modification = runtime.createProcessInstanceModification(processInstanceId);
			for (Task task : from) {
				ActivityInstance instance = find(tree, task.getTaskDefinitionKey(), task.getExecutionId());
				if (instance == null) {
					throw new NotFoundException(new Msg("ops.task-missing"));
				}
				modification = modification.cancelActivityInstance(instance.getId());
			}
			modification.startBeforeActivity(stepKey).execute();
		});
		Task created = system.call(() -> tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(stepKey)
			.orderByTaskCreateTime()
			.desc()
			.listPage(0, 1)).stream().findFirst().orElse(null);
		if (created != null && created.getAssignee() == null && assignee != null
				&& directory.findStaffInfo(assignee).filter(StaffInfo::active).isPresent()) {
			system.run(() -> tasks.setAssignee(created.getId(), assignee));
			return system.call(() -> tasks.createTaskQuery().taskId(created.getId()).singleResult());
		}
		return created;
	}

	private static ActivityInstance find(ActivityInstance node, String activityId, String executionId) {
		if (activityId.equals(node.getActivityId()) && Arrays.asList(node.getExecutionIds()).contains(executionId)) {
			return node;
		}
		for (ActivityInstance child : node.getChildActivityInstances()) {
			ActivityInstance found = find(child, activityId, executionId);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/** A next step counts as touched once changed after creation, delegated, signed, copied or given sub-tasks. */
	private boolean touched(Task task) {
		if (task.getLastUpdated() != null || task.getDelegationState() != null || task.getOwner() != null) {
			return true;
		}
		if (!system.call(() -> tasks.getSubTasks(task.getId())).isEmpty()
				|| !system.call(() -> tasks.getTaskComments(task.getId())).isEmpty()) {
			return true;
		}
		return jdbc.sql("select count(*) from zr_task_op where task_id = :task")
			.param("task", task.getId())
			.query(Long.class)
			.single() > 0;
	}

	private boolean isInitiator(Task task, String user) {
		if (task.getProcessInstanceId() == null) {
			return false;
		}
		HistoricProcessInstance instance = system.call(() -> history.createHistoricProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult());
		if (instance == null) {
			return false;
		}
		String starter = instance.getStartUserId();
		if (starter == null && instance.getRootProcessInstanceId() != null
				&& !instance.getRootProcessInstanceId().equals(instance.getId())) {
			HistoricProcessInstance root = system.call(() -> history.createHistoricProcessInstanceQuery()
				.processInstanceId(instance.getRootProcessInstanceId())
				.singleResult());
			starter = root == null ? null : root.getStartUserId();
		}
		return user.equals(starter);
	}

	private Task requireTask(String taskId) {
		Task task = taskId == null ? null : system.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
		if (task == null) {
			throw new NotFoundException(new Msg("ops.task-missing"));
		}
		return task;
	}

	private Task requireHolder(String taskId, String user, String action) {
		Task task = requireTask(taskId);
		if (task.getAssignee() == null) {
			throw refuse(user, action, task, "unclaimed", new Msg("ops.claim-first", task.getName()));
		}
		if (!user.equals(task.getAssignee())) {
			throw refuse(user, action, task, "held by " + task.getAssignee(),
					new Msg("ops.holder-only", task.getName(), nameOf(task.getAssignee())));
		}
		return task;
	}

	private RuntimeException refuse(String user, String action, Task task, String detail, Msg reason) {
		audit.refused(user, action, "task " + task.getId(), "api", task.getName() + "; " + detail);
		return new ForbiddenException(reason);
	}

	private void record(Task task, Op op, String actor, String target, String step, String comment) {
		jdbc.sql("""
				insert into zr_task_op (id, process_instance_id, task_id, task_name, op_type, actor, target_user,
				target_step, op_comment, done_at) values (:id, :pid, :task, :name, :type, :actor, :target, :step,
				:comment, :at)""")
			.param("id", UUID.randomUUID().toString())
			.param("pid", task.getProcessInstanceId() == null ? "" : task.getProcessInstanceId())
			.param("task", task.getId())
			.param("name", task.getName())
			.param("type", op.name())
			.param("actor", actor)
			.param("target", target)
			.param("step", step)
			.param("comment", trim(comment))
			.param("at", Timestamp.from(EngineClock.now()))
			.update();
	}

	private static String trim(String comment) {
		if (comment == null || comment.isBlank()) {
			return null;
		}
		String text = comment.strip();
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}

	String label(Op op) {
		return messages.getMessage("ops.label." + op.code(), null, Locales.current());
	}

	private String render(Msg msg) {
		return msg.render(messages, Locales.current());
	}

	private String nameOf(String username) {
		return username == null ? null
				: directory.cachedStaffInfo(username).map(StaffInfo::fullName).orElse(username);
	}

}
