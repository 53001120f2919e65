package io.zeren.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;

/**
 * Out-of-office covers group work (代理 for tasks offered to a group). A task offered only to people who are all away
 * (typically a unit head's group, which holds one person) would wait for nobody: each absent person's substitute
 * becomes a candidate user of it for the period, with the engine's own identity link, so Tasklist lists it under the
 * substitute's claimable tasks and the engine lets them claim it. Zeren records each link it adds
 * ({@code zr_delegation_cover}) and takes exactly those away when the delegation ends, is ended early or runs out.
 *
 * <p>
 * When: at once when a delegation running today is made; for every task created while one runs (its create event);
 * and a sweep ({@code zeren.deadline.delegation-sweep-cron}, every five minutes) starts the delegations whose first
 * day has come and ends those whose last day has passed. The same rules as for assigned tasks: confidential
 * processes (discipline) and personal tasks are never covered, and a task someone holds is left alone.
 */
@Component
class DelegationCover {

	private static final Logger log = LoggerFactory.getLogger(DelegationCover.class);

	/** A task offered to more people than this has someone present: not worth reading every member. */
	static final int MAX_CLAIMANTS = 20;

	private final Delegations delegations;

	private final DelegationRepository repository;

	private final TaskService tasks;

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final SystemAuthentication system;

	private final PersonalTasks personal;

	private final TaskDeadlines deadlines;

	private final OrganisationDirectory directory;

	private final TaskById taskById;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	DelegationCover(Delegations delegations, DelegationRepository repository, TaskService tasks,
			IdentityService identity, AuthorizationService authorizations, SystemAuthentication system,
			PersonalTasks personal, TaskDeadlines deadlines, OrganisationDirectory directory, TaskById taskById,
			JdbcTemplate jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.delegations = delegations;
		this.repository = repository;
		this.tasks = tasks;
		this.identity = identity;
		this.authorizations = authorizations;
		this.system = system;
		this.personal = personal;
		this.deadlines = deadlines;
		this.directory = directory;
		this.taskById = taskById;
		this.jdbc = jdbc;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
	}

	/** One absent person's substitute standing in on one task. */
	record Cover(Long delegationId, String owner, String substitute) {
	}

	// --- a task is created while people are away ------------------------------------------------------------

	/** At a task's create event: the substitutes it gets as candidates because everyone it is offered to is away. */
	List<Cover> onCreate(DelegateTask task) {
		if (task.getAssignee() != null || !delegations.anyoneMayBeAway() || excluded(task.getProcessDefinitionId())
				|| personal.isPersonal(task)) {
			return List.of();
		}
		List<Cover> covers = coversFor(task.getCandidates());
		for (Cover cover : covers) {
			task.addCandidateUser(cover.substitute());
			record(cover, task.getId());
		}
		return covers;
	}

	// --- a delegation starts, ends, runs out -------------------------------------------------------------------

	/** A delegation running today: its substitute gets the group tasks waiting for the absent owner alone. */
	int start(Delegation delegation) {
		if (!delegation.activeOn(delegations.today())) {
			return 0;
		}
		String owner = delegation.getOwnerUsername();
		List<Task> offered = system.call(() -> tasks.createTaskQuery()
			.taskCandidateUser(owner)
			.taskUnassigned()
			.active()
			.list());
		int covered = 0;
		for (Task task : offered) {
			if (excluded(task.getProcessDefinitionId()) || isCovered(delegation.getId(), task.getId())
					|| personal.isPersonal(task)) {
				continue;
			}
			List<IdentityLink> links = system.call(() -> tasks.getIdentityLinksForTask(task.getId()));
			for (Cover cover : coversFor(links)) {
				if (isCovered(cover.delegationId(), task.getId())) {
					continue;
				}
				system.run(() -> tasks.addCandidateUser(task.getId(), cover.substitute()));
				record(cover, task.getId());
				events.publishEvent(new TaskOffered(new TaskRef(task.getId(), task.getName(), null, null,
						task.getDueDate() == null ? null : task.getDueDate().toInstant()), List.of(cover.substitute()),
						false, cover.owner()));
				covered++;
			}
		}
		if (covered > 0) {
			log.info("Delegation {}: {} covers group tasks of {} ({} links)", delegation.getId(),
					delegation.getSubstitute(), owner, covered);
		}
		return covered;
	}

	/** The delegation is over (ended, ended early, ran out): the links it added go, and the grants they gave. */
	int end(Long delegationId) {
		List<String[]> rows = jdbc.query("select task_id, substitute from zr_delegation_cover where delegation_id = ?",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, delegationId);
		for (String[] row : rows) {
			uncover(row[0], row[1], delegationId);
		}
		jdbc.update("delete from zr_delegation_cover where delegation_id = ?", delegationId);
		return rows.size();
	}

	/**
	 * Starts every delegation whose period runs today and ends the covers of every delegation whose period is over;
	 * each delegation in its own transaction. Safe on several nodes at once: the table's key lets one of two nodes
	 * record a cover, the other's transaction rolls back and the next sweep finds it done.
	 */
	@Scheduled(cron = "${zeren.deadline.delegation-sweep-cron:0 */5 * * * *}", zone = "${zeren.deadline.zone:Asia/Shanghai}")
	void sweep() {
		LocalDate today = delegations.today();
		for (Delegation delegation : repository.findOpen()) {
			if (delegation.activeOn(today)) {
				runSafely(() -> start(delegation), delegation.getId());
			}
		}
		for (Long id : jdbc.queryForList("select distinct delegation_id from zr_delegation_cover", Long.class)) {
			Optional<Delegation> delegation = repository.findById(id);
			if (delegation.isEmpty() || !delegation.get().activeOn(today)) {
				runSafely(() -> end(id), id);
			}
		}
	}

	private void runSafely(java.util.function.IntSupplier work, Long delegationId) {
		try {
			tx.execute(status -> work.getAsInt());
		}
		catch (RuntimeException ex) {
			log.warn("Delegation {}: covering group tasks failed, the next sweep tries again: {}", delegationId,
					ex.toString());
		}
	}

	// --- helpers -----------------------------------------------------------------------------------------------

	/**
	 * The substitutes a task needs: when every person it is offered to (candidate users and members of candidate
	 * groups, active staff) is away on a running delegation, one cover per absent person; else none.
	 */
	private List<Cover> coversFor(Iterable<? extends IdentityLink> links) {
		Set<String> claimants = new LinkedHashSet<>();
		for (IdentityLink link : links) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getUserId() != null) {
				claimants.add(link.getUserId());
			}
			else if (link.getGroupId() != null) {
				system.call(() -> identity.createUserQuery().memberOfGroup(link.getGroupId()).listPage(0, MAX_CLAIMANTS + 1))
					.stream()
					.map(User::getId)
					.forEach(claimants::add);
			}
			if (claimants.size() > MAX_CLAIMANTS) {
				return List.of();
			}
		}
		List<Cover> covers = new ArrayList<>();
		for (String claimant : claimants) {
			if (directory.cachedStaffInfo(claimant).filter(StaffInfo::active).isEmpty()) {
				continue;
			}
			Optional<Delegation> away = delegations.mayBeAway(claimant) ? delegations.activeFor(claimant)
					: Optional.empty();
			if (away.isEmpty()) {
				return List.of();
			}
			if (!claimants.contains(away.get().getSubstitute())) {
				covers.add(new Cover(away.get().getId(), claimant, away.get().getSubstitute()));
			}
		}
		return covers;
	}

	/** Confidential processes (discipline) are never covered, as their tasks are never handed to a substitute. */
	private boolean excluded(String processDefinitionId) {
		return processDefinitionId == null
				|| processDefinitionId.startsWith(TaskDeadlineProcess.KEY + ":")
				|| deadlines.confidentialFor(ConfidentialProcesses.keyOf(processDefinitionId)).isPresent();
	}

	private boolean isCovered(Long delegationId, String taskId) {
		Integer rows = jdbc.queryForObject(
				"select count(*) from zr_delegation_cover where delegation_id = ? and task_id = ?", Integer.class,
				delegationId, taskId);
		return rows != null && rows > 0;
	}

	private void record(Cover cover, String taskId) {
		jdbc.update("insert into zr_delegation_cover (delegation_id, task_id, substitute, owner_username, created_at)"
				+ " values (?, ?, ?, ?, ?)", cover.delegationId(), taskId, cover.substitute(), cover.owner(),
				java.sql.Timestamp.from(EngineClock.now()));
	}

	/**
	 * Takes the substitute's candidate link off an open task, unless another running delegation still has them cover
	 * it, and the engine's grant with it (the engine keeps a grant when a link goes): unless they hold the task, own
	 * it or are still a candidate some other way.
	 */
	private void uncover(String taskId, String substitute, Long delegationId) {
		Task task = taskById.find(taskId).orElse(null);
		if (task == null) {
			return;
		}
		Integer others = jdbc.queryForObject("select count(*) from zr_delegation_cover where task_id = ? and substitute = ?"
				+ " and delegation_id <> ?", Integer.class, taskId, substitute, delegationId);
		if (others != null && others > 0) {
			return;
		}
		system.run(() -> {
			tasks.deleteCandidateUser(taskId, substitute);
			if (substitute.equals(task.getAssignee()) || substitute.equals(task.getOwner())) {
				return;
			}
			boolean stillCandidate = tasks.getIdentityLinksForTask(taskId)
				.stream()
				.anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && substitute.equals(link.getUserId()));
			if (stillCandidate) {
				return;
			}
			for (Authorization grant : authorizations.createAuthorizationQuery()
				.resourceType(Resources.TASK)
				.resourceId(taskId)
				.userIdIn(substitute)
				.list()) {
				authorizations.deleteAuthorization(grant.getId());
			}
		});
	}

}
