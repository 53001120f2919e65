package io.zeren.discipline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.SystemAuthentication;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;
import io.zeren.workflow.ConfidentialProcesses;
import io.zeren.workflow.TaskById;

/**
 * The system's own record of what each discipline process instance belongs to ({@link DisciplineInstance}).
 * Zeren starts every discipline instance through {@link #start}; the row is written as the instance starts, so
 * the first task's candidates (computed during the start call) already find it. A called DisciplineSubjectProcess
 * is found through the super execution chain (public API) and gets a row of its own naming the one person its
 * task is addressed to. An instance Zeren did not start has no row: nobody may hold its tasks and nothing is read
 * through it.
 */
@Component
class DisciplineInstances {

	/** Per thread, the links of instances the system is starting right now, by process key. */
	private static final ThreadLocal<Map<String, Pending>> STARTING = ThreadLocal.withInitial(HashMap::new);

	private final DisciplineInstanceRepository rows;

	private final CaseParties parties;

	private final ObjectProvider<Accountabilities> accountabilities;

	private final RuntimeService runtime;

	private final SystemAuthentication system;

	private final LeadRepository leads;

	private final CaseRepository cases;

	private final AccountabilityMatterRepository matters;

	private final TaskById taskById;

	private final TaskService tasks;

	DisciplineInstances(DisciplineInstanceRepository rows, CaseParties parties,
			ObjectProvider<Accountabilities> accountabilities, RuntimeService runtime, SystemAuthentication system,
			LeadRepository leads, CaseRepository cases, AccountabilityMatterRepository matters, TaskById taskById,
			TaskService tasks) {
		this.taskById = taskById;
		this.tasks = tasks;
		this.leads = leads;
		this.cases = cases;
		this.matters = matters;
		this.rows = rows;
		this.parties = parties;
		this.accountabilities = accountabilities;
		this.runtime = runtime;
		this.system = system;
	}

	/** Starts a discipline instance as the system (the caller's start call) and records what it belongs to. */
	@Transactional
	ProcessInstance start(String processKey, DisciplineInstance.Link link, Supplier<ProcessInstance> start) {
		Map<String, Pending> starting = STARTING.get();
		Pending pending = new Pending(link);
		Pending outer = starting.put(processKey, pending);
		try {
			ProcessInstance instance = system.call(start);
			if (pending.claimedBy == null) {
				rows.save(new DisciplineInstance(instance.getId(), instance.getId(), processKey, link, null,
						EngineClock.now()));
			}
			else if (!pending.claimedBy.equals(instance.getId())) {
				throw new IllegalStateException("The link of a starting " + processKey + " instance was claimed by "
						+ pending.claimedBy + ", not by the started instance " + instance.getId());
			}
			return instance;
		}
		finally {
			if (outer == null) {
				starting.remove(processKey);
			}
			else {
				starting.put(processKey, outer);
			}
		}
	}

	/** The row of the instance a task or execution runs in (a called subject task's own row), if Zeren started it. */
	@Transactional
	Optional<DisciplineInstance> of(VariableScope scope) {
		DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution()
				: scope instanceof DelegateExecution e ? e : null;
		if (execution == null) {
			return Optional.empty();
		}
		DelegateExecution instance = execution.getProcessInstance();
		Optional<DisciplineInstance> own = rows.findById(instance.getId());
		if (own.isPresent()) {
			return own;
		}
		DelegateExecution root = instance;
		while (root.getSuperExecution() != null) {
			root = root.getSuperExecution().getProcessInstance();
		}
		Optional<DisciplineInstance> rootRow = root == instance ? Optional.empty() : rows.findById(root.getId());
		if (rootRow.isEmpty()) {
			rootRow = claim(root);
		}
		if (root == instance || rootRow.isEmpty()) {
			return rootRow;
		}
		String key = ConfidentialProcesses.keyOf(instance.getProcessDefinitionId());
		DisciplineInstance root0 = rootRow.get();
		String addressee = DisciplineProcesses.SUBJECT_TASK.equals(key)
				? addressee(root0, () -> instance.getVariable(DisciplineProcesses.VAR_SUBJECT)) : null;
		return Optional.of(rows.save(new DisciplineInstance(instance.getId(), root0.processInstanceId(), key,
				root0.link(), addressee, EngineClock.now())));
	}

	/** The lead of the instance a task or execution runs in; refused when Zeren did not start it. */
	long leadId(VariableScope scope) {
		return of(scope).map(DisciplineInstance::leadId)
			.orElseThrow(() -> new RuleViolationException(new Msg("discipline.instance.unknown")));
	}

	/** The subject of the lead an instance belongs to, from the register (null for a lead against a unit). */
	String subject(VariableScope scope) {
		return parties.of(leadId(scope)).map(CaseParties.Parties::subject).orElse(null);
	}

	/**
	 * The row of an instance by id, outside the engine (audit filter, escalation): its own row, else its root's.
	 */
	@Transactional(readOnly = true)
	Optional<DisciplineInstance> ofInstance(String processInstanceId) {
		if (processInstanceId == null) {
			return Optional.empty();
		}
		Optional<DisciplineInstance> own = rows.findById(processInstanceId);
		if (own.isPresent()) {
			return own;
		}
		ProcessInstance instance = system.call(
				() -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult());
		if (instance == null || instance.getRootProcessInstanceId() == null
				|| instance.getRootProcessInstanceId().equals(processInstanceId)) {
			return Optional.empty();
		}
		return rows.findById(instance.getRootProcessInstanceId());
	}

	/** The instances of a process the system started for a lead (the disposal: one per lead). */
	@Transactional(readOnly = true)
	List<String> instancesOfLead(long leadId, String processKey) {
		return rows.findByLeadIdAndProcessKey(leadId, processKey).stream().map(DisciplineInstance::processInstanceId)
			.toList();
	}

	/** The term instance(s) the system started for a sanction. */
	@Transactional(readOnly = true)
	List<String> instancesOfSanction(long sanctionId) {
		return rows.findBySanctionIdAndProcessKey(sanctionId, DisciplineProcesses.SANCTION_TERM).stream()
			.map(DisciplineInstance::processInstanceId)
			.toList();
	}

	/**
	 * Whether the person still holds or is offered this open task (assignee, owner or candidate user): what a
	 * participation resting on the task needs, checked when it is used, since a withdrawn candidate link is not
	 * visible to the task listener that sees it go.
	 */
	boolean holds(String taskId, String username) {
		Optional<Task> task = taskById.find(taskId);
		if (task.isEmpty()) {
			return false;
		}
		if (username.equals(task.get().getAssignee()) || username.equals(task.get().getOwner())) {
			return true;
		}
		return system.call(() -> tasks.getIdentityLinksForTask(taskId)).stream()
			.anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && username.equals(link.getUserId()));
	}

	/** Whether some subject task (an accountability's included) was ever addressed to this person. */
	@Transactional(readOnly = true)
	boolean addressedTo(String username) {
		return rows.existsByAddressee(username);
	}

	/** The number people know the instance by, from the register: the case's, the matter's, else the lead's. */
	@Transactional(readOnly = true)
	String ref(DisciplineInstance instance) {
		if (instance.caseId() != null) {
			return cases.findById(instance.caseId()).map(DisciplineCase::getCaseNumber).orElse(null);
		}
		if (instance.matterId() != null) {
			return matters.findById(instance.matterId()).map(AccountabilityMatter::getNumber).orElse(null);
		}
		return instance.leadId() == null ? null
				: leads.findById(instance.leadId()).map(Lead::getLeadNumber).orElse(null);
	}

	/** A root instance being started by {@link #start} in this thread gets its row when first asked for. */
	private Optional<DisciplineInstance> claim(DelegateExecution root) {
		String key = ConfidentialProcesses.keyOf(root.getProcessDefinitionId());
		Pending pending = STARTING.get().get(key);
		if (pending == null || pending.claimedBy != null) {
			return Optional.empty();
		}
		pending.claimedBy = root.getId();
		return Optional.of(rows.save(new DisciplineInstance(root.getId(), root.getId(), key, pending.link, null,
				EngineClock.now())));
	}

	/**
	 * Who a called subject task is addressed to: the lead's subject from the register; for an accountability, the
	 * leader the call was made for (the called instance's {@code subject}, the only place that names which of
	 * the matter's leaders this call is for), accepted only if the matter in fact delivers a decision to them.
	 */
	String addressee(DisciplineInstance root, Supplier<Object> namedSubject) {
		if (root.leadId() != null) {
			return parties.of(root.leadId()).map(CaseParties.Parties::subject).orElse(null);
		}
		if (root.matterId() != null) {
			Object named = namedSubject.get();
			return named instanceof String leader
					&& accountabilities.getObject().recipients(root.matterId()).contains(leader) ? leader : null;
		}
		return null;
	}

	private static final class Pending {

		private final DisciplineInstance.Link link;

		private String claimedBy;

		Pending(DisciplineInstance.Link link) {
			this.link = link;
		}

	}

}
