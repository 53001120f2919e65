package io.zeren.discipline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.SystemAuthentication;
import io.zeren.workflow.ConfidentialProcesses;

/**
 * Gives the discipline instances of an upgraded installation the {@link DisciplineInstance} row the previous
 * release never wrote, once, at startup, as the system. Without it their tasks are refused and invisible: access,
 * recusal and audit read only that row. The row is derived from Zeren's own register, as {@link DisciplineInstances}
 * would have written it at start: the root instance's business key is the lead number ({@code zr_dis_lead}), the
 * case number ({@code zr_dis_case}, also the key of a sanction's term) or the matter number
 * ({@code zr_dis_acct}); a called DisciplineSubjectProcess takes its root's row and the addressee the
 * register names (the lead's subject). Only two facts are not in the register and come from the variable the
 * system wrote at start, checked against the register and said so in the log and the audit line: which of a case's
 * sanctions in force with a period a term is for, when there is more than one without a term; and which of an
 * accountability's leaders a delivery is for. An instance whose key the register does not know was not started
 * by Zeren and keeps no row (its tasks stay closed). The open tasks' holders are then recorded as participants on
 * the basis of the task, as {@link DisciplineTaskListener} does, if they may hold it. Idempotent: an instance that
 * has a row is left alone, so a second run changes nothing. One-time: the first startup of this release that runs
 * it without errors leaves a mark in the engine's properties ({@value #DONE}) and later startups do not run it, so
 * an instance started outside Zeren after the upgrade (which has no row, rightly) is never given one by a restart.
 */
@Component
class DisciplineInstanceBackfill {

	private static final Logger log = LoggerFactory.getLogger(DisciplineInstanceBackfill.class);

	static final String ACTION = "INSTANCE_BACKFILLED";

	/** The engine property that says the backfill has run on this installation. */
	static final String DONE = "zeren.discipline.instance-backfill";

	private final DisciplineInstanceRepository rows;

	private final DisciplineInstances instances;

	private final LeadRepository leads;

	private final CaseRepository cases;

	private final SanctionRepository sanctions;

	private final AccountabilityMatterRepository matters;

	private final DisciplineAccess access;

	private final DisciplineAudit audit;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final SystemAuthentication system;

	private final TransactionTemplate transactions;

	private final ManagementService management;

	DisciplineInstanceBackfill(DisciplineInstanceRepository rows, DisciplineInstances instances, LeadRepository leads,
			CaseRepository cases, SanctionRepository sanctions, AccountabilityMatterRepository matters,
			DisciplineAccess access, DisciplineAudit audit, RuntimeService runtime, TaskService tasks,
			SystemAuthentication system, TransactionTemplate transactions, ManagementService management) {
		this.management = management;
		this.rows = rows;
		this.instances = instances;
		this.leads = leads;
		this.cases = cases;
		this.sanctions = sanctions;
		this.matters = matters;
		this.access = access;
		this.audit = audit;
		this.runtime = runtime;
		this.tasks = tasks;
		this.system = system;
		this.transactions = transactions;
	}

	/**
	 * What a run did: instances given a row, instances left without one (the register does not know them: not
	 * Zeren's), and instances that failed (an error; tried again at the next startup).
	 */
	record Result(int backfilled, int leftOut, int failed) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (system.call(() -> management.getProperties()).containsKey(DONE)) {
			return;
		}
		Result result;
		try {
			result = run();
		}
		catch (RuntimeException failed) {
			log.error("Discipline instance backfill failed; it runs again at the next startup", failed);
			return;
		}
		log.info("Discipline instance backfill (once, after the upgrade): {} instance(s) given their record, {} left"
				+ " without one, {} failed", result.backfilled(), result.leftOut(), result.failed());
		if (result.failed() > 0) {
			// An instance that failed (not one the register does not know) is tried again at the next startup.
			return;
		}
		system.run(() -> management.setProperty(DONE, EngineClock.now() + ": " + result.backfilled()
				+ " backfilled, " + result.leftOut() + " left out"));
	}

	/** Backfills every running confidential instance that has no row; each instance in its own transaction. */
	Result run() {
		// Suspended instances too: they resume with the same tasks.
		List<ProcessInstance> all = new ArrayList<>(system.call(() -> runtime.createProcessInstanceQuery()
			.processDefinitionKeyIn(DisciplineProcesses.CONFIDENTIAL.toArray(String[]::new))
			.list()));
		// Roots first: a called instance takes its root's row.
		all.sort(Comparator.comparing((ProcessInstance i) -> !isRoot(i)).thenComparing(ProcessInstance::getId));
		int backfilled = 0;
		int leftOut = 0;
		int failed = 0;
		for (ProcessInstance instance : all) {
			if (rows.existsById(instance.getId())) {
				continue;
			}
			try {
				Boolean written = transactions.execute(status -> backfill(instance));
				if (Boolean.TRUE.equals(written)) {
					backfilled++;
				}
				else {
					leftOut++;
				}
			}
			catch (DataIntegrityViolationException raced) {
				// Another node (or the instance's own task listener) wrote the row meanwhile: it is there.
				log.info("Discipline instance {} got its record meanwhile; left as it is", instance.getId());
			}
			catch (RuntimeException error) {
				// One instance the register cannot account for must not keep the others (or the application) down.
				log.error("Discipline instance {} could not be given its record; it stays without one",
						instance.getId(), error);
				failed++;
			}
		}
		return new Result(backfilled, leftOut, failed);
	}

	private boolean backfill(ProcessInstance instance) {
		String key = ConfidentialProcesses.keyOf(instance.getProcessDefinitionId());
		Optional<Derived> derived = isRoot(instance) ? root(instance, key) : called(instance, key);
		if (derived.isEmpty()) {
			return false;
		}
		DisciplineInstance row = rows.saveAndFlush(derived.get().row());
		List<String> participants = participants(row);
		String source = derived.get().source();
		log.info("Discipline instance {} ({}, business key {}) given its record: lead {}, case {}, sanction {},"
				+ " matter {}, addressee {}; from {}; participants of open tasks: {}", row.processInstanceId(), key,
				instance.getBusinessKey(), row.leadId(), row.caseId(), row.sanctionId(), row.matterId(),
				row.addressee(), source, participants);
		audit.changed("system", ACTION, row.leadId(), instances.ref(row),
				key + " " + row.processInstanceId() + " from " + source
						+ (participants.isEmpty() ? "" : "; participants " + String.join(", ", participants)));
		return true;
	}

	/** A root instance, from the register row its business key names. */
	private Optional<Derived> root(ProcessInstance instance, String key) {
		String businessKey = instance.getBusinessKey();
		Optional<Derived> derived = businessKey == null ? Optional.empty() : switch (key) {
			case DisciplineProcesses.LEAD_DISPOSAL -> leads.findByLeadNumber(businessKey)
				.map(lead -> derived(instance, key, DisciplineInstance.Link.lead(lead.getId()), null,
						"zr_dis_lead.lead_number"));
			case DisciplineProcesses.CASE -> cases.findByCaseNumber(businessKey)
				.map(c -> derived(instance, key, DisciplineInstance.Link.caseOf(c.getLeadId(), c.getId()), null,
						"zr_dis_case.case_number"));
			case DisciplineProcesses.SANCTION_TERM -> cases.findByCaseNumber(businessKey)
				.flatMap(c -> sanctionTerm(instance, c));
			case DisciplineProcesses.ACCOUNTABILITY -> matters.findByNumber(businessKey)
				.map(matter -> derived(instance, key, DisciplineInstance.Link.matter(matter.getId(),
						matter.getPrincipal()), null, "zr_dis_acct.number"));
			default -> Optional.empty();
		};
		if (derived.isEmpty()) {
			log.warn("Discipline instance {} ({}) has business key {}, which names nothing in the register:"
					+ " Zeren did not start it, it keeps no record and its tasks stay closed", instance.getId(), key,
					businessKey);
			return derived;
		}
		// Zeren starts one instance of a process per lead, case, sanction or matter: a second is not its own.
		Optional<DisciplineInstance> twin = twin(derived.get().row());
		if (twin.isPresent()) {
			log.warn("Discipline instance {} ({}, business key {}) belongs to what instance {} already has a record"
					+ " for; Zeren starts one, so this one keeps no record and its tasks stay closed", instance.getId(),
					key, businessKey, twin.get().processInstanceId());
			return Optional.empty();
		}
		return derived;
	}

	/**
	 * A sanction's term: the case's sanction in force with a period that has no term yet; if the register leaves
	 * more than one, the {@code sanctionId} written at start, accepted only if it is one of them.
	 */
	private Optional<Derived> sanctionTerm(ProcessInstance instance, DisciplineCase c) {
		List<Sanction> open = sanctions.findByCaseIdOrderById(c.getId()).stream()
			.filter(s -> s.getStatus() == SanctionStatus.IN_FORCE && s.getEndsAt() != null)
			.filter(s -> instances.instancesOfSanction(s.getId()).isEmpty())
			.toList();
		String key = DisciplineProcesses.SANCTION_TERM;
		if (open.size() == 1) {
			return Optional.of(derived(instance, key,
					DisciplineInstance.Link.sanction(c.getLeadId(), c.getId(), open.get(0).getId()), null,
					"zr_dis_case.case_number, zr_dis_sanction (the case's only sanction in force with a period)"));
		}
		Object named = system.call(() -> runtime.getVariable(instance.getId(), CaseProcess.VAR_SANCTION_ID));
		Optional<Sanction> sanction = open.stream()
			.filter(s -> named instanceof Number n && s.getId() == n.longValue())
			.findFirst();
		if (sanction.isEmpty()) {
			log.warn("Sanction term {} of case {}: the register names {} sanction(s) in force with a period and no"
					+ " term, and the variable {} = {} is none of them; no record", instance.getId(),
					c.getCaseNumber(), open.size(), CaseProcess.VAR_SANCTION_ID, named);
			return Optional.empty();
		}
		return Optional.of(derived(instance, key,
				DisciplineInstance.Link.sanction(c.getLeadId(), c.getId(), sanction.get().getId()), null,
				"zr_dis_case.case_number; the sanction from the variable " + CaseProcess.VAR_SANCTION_ID
						+ " written at start (the register has " + open.size() + " candidates), checked against them"));
	}

	/** A called instance (a subject task): its root's row, addressed as {@link DisciplineInstances} would. */
	private Optional<Derived> called(ProcessInstance instance, String key) {
		Optional<DisciplineInstance> root = rows.findById(instance.getRootProcessInstanceId());
		if (root.isEmpty()) {
			log.warn("Discipline instance {} ({}) was called from {}, which has no record; none for it either",
					instance.getId(), key, instance.getRootProcessInstanceId());
			return Optional.empty();
		}
		DisciplineInstance rootRow = root.get();
		String addressee = null;
		String source = "the root instance " + rootRow.processInstanceId();
		if (DisciplineProcesses.SUBJECT_TASK.equals(key)) {
			addressee = instances.addressee(rootRow,
					() -> system.call(() -> runtime.getVariable(instance.getId(), DisciplineProcesses.VAR_SUBJECT)));
			source += rootRow.leadId() != null ? "; addressee = the lead's subject (zr_dis_lead)"
					: "; addressee from the variable " + DisciplineProcesses.VAR_SUBJECT
							+ " written at the call, checked against the matter's recipients";
		}
		return Optional.of(new Derived(new DisciplineInstance(instance.getId(), rootRow.processInstanceId(), key,
				rootRow.link(), addressee, EngineClock.now()), source));
	}

	/**
	 * The open tasks' holders participate on the basis of the task, as the task listener records them; a holder
	 * the listener would refuse (not the addressee of a subject task, conflicted, no discipline role) is not
	 * recorded and is logged instead.
	 */
	private List<String> participants(DisciplineInstance row) {
		List<String> recorded = new ArrayList<>();
		if (row.leadId() == null) {
			return recorded;
		}
		boolean subjectTask = DisciplineProcesses.SUBJECT_TASK.equals(row.processKey());
		CaseParties.Parties parties = access.partiesOf(row);
		for (Task task : system.call(() -> tasks.createTaskQuery().processInstanceId(row.processInstanceId()).list())) {
			for (String person : holders(task)) {
				Optional<Duty> duty = subjectTask ? Optional.of(Duty.SUBJECT) : access.dutyByRole(person);
				boolean may = subjectTask ? person.equals(row.addressee())
						: duty.isPresent() && access.conflict(parties, person, duty.get()).isEmpty();
				if (!may) {
					log.warn("Discipline task {} ({}) of instance {} is held by or offered to {}, who may not hold it;"
							+ " no participation recorded", task.getId(), task.getName(), row.processInstanceId(),
							person);
					continue;
				}
				access.participate(row.leadId(), person, duty.get(), task.getId());
				recorded.add(person + " " + duty.get() + " (" + task.getTaskDefinitionKey() + ")");
			}
		}
		return recorded;
	}

	private Set<String> holders(Task task) {
		Set<String> people = new LinkedHashSet<>();
		if (task.getAssignee() != null) {
			people.add(task.getAssignee());
		}
		if (task.getOwner() != null) {
			people.add(task.getOwner());
		}
		for (IdentityLink link : system.call(() -> tasks.getIdentityLinksForTask(task.getId()))) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
				people.add(link.getUserId());
			}
		}
		return people;
	}

	/** Another running instance of the same process recorded for the same lead, case, sanction or matter. */
	private Optional<DisciplineInstance> twin(DisciplineInstance row) {
		List<DisciplineInstance> same = switch (row.processKey()) {
			case DisciplineProcesses.CASE -> rows.findByCaseIdAndProcessKey(row.caseId(), row.processKey());
			case DisciplineProcesses.SANCTION_TERM -> rows.findBySanctionIdAndProcessKey(row.sanctionId(),
					row.processKey());
			case DisciplineProcesses.ACCOUNTABILITY -> rows.findByMatterIdAndProcessKey(row.matterId(),
					row.processKey());
			default -> rows.findByLeadIdAndProcessKey(row.leadId(), row.processKey());
		};
		return same.stream()
			.filter(other -> !other.processInstanceId().equals(row.processInstanceId()))
			.filter(other -> Objects.equals(other.link(), row.link()))
			.filter(other -> system.call(() -> runtime.createProcessInstanceQuery()
				.processInstanceId(other.processInstanceId()).count()) > 0)
			.findFirst();
	}

	private static boolean isRoot(ProcessInstance instance) {
		return instance.getRootProcessInstanceId() == null
				|| instance.getRootProcessInstanceId().equals(instance.getId());
	}

	private static Derived derived(ProcessInstance instance, String key, DisciplineInstance.Link link,
			String addressee, String source) {
		return new Derived(new DisciplineInstance(instance.getId(), instance.getId(), key, link, addressee,
				EngineClock.now()), source);
	}

	private record Derived(DisciplineInstance row, String source) {
	}

}
