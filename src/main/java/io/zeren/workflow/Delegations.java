package io.zeren.workflow;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.GroupIds;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.CacheInvalidation;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;

/**
 * Out-of-office delegation (代理). While a delegation runs, a task assigned to the owner goes to the
 * substitute; the owner stays recorded as the task's owner (shown in Tasklist) for audit. A task offered to a group
 * only the absent owner holds is offered to the substitute too ({@link DelegationCover}).
 */
@Service
@Transactional
public class Delegations {

	/** The reason's column length. */
	static final int REASON_MAX = 500;

	private final DelegationRepository delegations;

	private final OrganisationDirectory directory;

	private final DeadlineProperties properties;

	private final PersonalTasks personal;

	private final IdentityService identity;

	private final SystemAuthentication system;

	/** Covers group work for the period; a provider, as the cover reads who is away from here. */
	private final ObjectProvider<DelegationCover> cover;

	Delegations(DelegationRepository delegations, OrganisationDirectory directory, DeadlineProperties properties,
			PersonalTasks personal, IdentityService identity, SystemAuthentication system,
			ObjectProvider<DelegationCover> cover) {
		this.cover = cover;
		this.delegations = delegations;
		this.directory = directory;
		this.properties = properties;
		this.personal = personal;
		this.identity = identity;
		this.system = system;
	}

	/**
	 * Hands a task assigned to an absent owner to their substitute.
	 * @return the absent owner, or null if the task stays where it is
	 */
	String substitute(DelegateTask task) {
		String assignee = task.getAssignee();
		if (assignee == null || !mayBeAway(assignee)) {
			return null;
		}
		Optional<Delegation> active = activeFor(assignee);
		// A personal task (signature, self-summary, statement ...) waits for its owner: no substitute writes it.
		if (active.isEmpty() || personal.isPersonal(task)) {
			return null;
		}
		if (task.getOwner() == null) {
			task.setOwner(assignee);
		}
		task.setAssignee(active.get().getSubstitute());
		return assignee;
	}

	/** Owners with a delegation not ended, as this node last read them, and until when that reading holds. */
	private record OpenOwners(Set<String> usernames, long expiresAt) {
	}

	private volatile OpenOwners openOwners;

	/**
	 * Whether the person has a delegation not ended (so their tasks need a look), from a set of owners read once
	 * per {@code zeren.deadline.delegation-cache-ttl}: every task's assignee is asked about, few people are away.
	 */
	boolean mayBeAway(String username) {
		Set<String> owners = openOwnersNow();
		return owners == null || owners.contains(username);
	}

	/** Whether anyone at all has a delegation not ended: most of the time nobody, and a new group task needs no look. */
	boolean anyoneMayBeAway() {
		Set<String> owners = openOwnersNow();
		return owners == null || !owners.isEmpty();
	}

	/** The owners with a delegation not ended, as this node last read them; null when not cached (TTL 0). */
	private Set<String> openOwnersNow() {
		Duration ttl = properties.delegationCacheTtl();
		if (ttl == null || ttl.isZero() || ttl.isNegative()) {
			return null;
		}
		long now = System.nanoTime();
		OpenOwners current = openOwners;
		if (current == null || now - current.expiresAt() >= 0) {
			current = new OpenOwners(Set.copyOf(delegations.openOwners()), now + ttl.toNanos());
			openOwners = current;
		}
		return current.usernames();
	}

	/** A delegation made or ended here counts at once: read the owners again, now and once it is committed. */
	private void forgetOpenOwners() {
		CacheInvalidation.nowAndAfterCompletion(() -> openOwners = null);
	}

	Optional<Delegation> activeFor(String owner) {
		LocalDate today = today();
		return delegations.findOpenByOwner(owner).stream().filter(delegation -> delegation.activeOn(today)).findFirst();
	}

	public Delegation.DelegationView create(String owner, String substitute, LocalDate startsOn, LocalDate endsOn,
			String reason, String by) {
		StaffInfo ownerInfo = directory.findStaffInfo(owner)
			.orElseThrow(() -> new NotFoundException(new Msg("org.staff.not-found", owner)));
		if (!by.equals(owner) && !isAdmin(by) && directory.supervisor(owner, 1)
			.map(StaffInfo::username)
			.filter(by::equals)
			.isEmpty()) {
			throw new RuleViolationException(new Msg("delegation.not-allowed", by, owner));
		}
		if (substitute == null || substitute.isBlank()) {
			throw new RuleViolationException(new Msg("delegation.substitute-required"));
		}
		StaffInfo substituteInfo = directory.findStaffInfo(substitute)
			.filter(StaffInfo::active)
			.orElseThrow(() -> new RuleViolationException(new Msg("delegation.substitute-unknown", substitute)));
		if (substituteInfo.username().equals(ownerInfo.username())) {
			throw new RuleViolationException(new Msg("delegation.self"));
		}
		if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn) || endsOn.isBefore(today())) {
			throw new RuleViolationException(new Msg("delegation.dates"));
		}
		if (reason != null && reason.length() > REASON_MAX) {
			throw new RuleViolationException(new Msg("delegation.reason-too-long", REASON_MAX));
		}
		// Names, not logins, in the sentences: they are read on the page as well as in the API's answers.
		if (delegations.findOpenByOwner(owner).stream().anyMatch(existing -> existing.overlaps(startsOn, endsOn))) {
			throw new RuleViolationException(new Msg("delegation.overlap", ownerInfo.fullName()));
		}
		if (activeFor(substitute).filter(existing -> existing.overlaps(startsOn, endsOn)).isPresent()) {
			throw new RuleViolationException(new Msg("delegation.substitute-away", substituteInfo.fullName()));
		}
		forgetOpenOwners();
		Delegation saved = delegations.save(new Delegation(owner, substitute, startsOn, endsOn, reason, by,
				EngineClock.now()));
		// Running today: the substitute gets the group tasks waiting for the owner alone at once (else the sweep
		// does on the first day).
		cover.getObject().start(saved);
		return saved.toView();
	}

	/** The owner is back: the delegation ends now. */
	public Delegation.DelegationView end(Long id, String by) {
		Delegation delegation = delegations.findById(id)
			.orElseThrow(() -> new NotFoundException(new Msg("delegation.not-found", id)));
		String owner = delegation.getOwnerUsername();
		if (!by.equals(owner) && !isAdmin(by)
				&& directory.supervisor(owner, 1).map(StaffInfo::username).filter(by::equals).isEmpty()) {
			throw new RuleViolationException(new Msg("delegation.not-allowed", by, owner));
		}
		delegation.end(EngineClock.now());
		forgetOpenOwners();
		cover.getObject().end(delegation.getId());
		return delegation.toView();
	}

	/** The delegations running today that the person is owner or substitute of. */
	@Transactional(readOnly = true)
	public List<Delegation.DelegationView> activeInvolving(String username) {
		LocalDate today = today();
		return delegations.findInvolving(username)
			.stream()
			.filter(delegation -> delegation.activeOn(today))
			.map(Delegation::toView)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<Delegation.DelegationView> involving(String username) {
		return delegations.findInvolving(username).stream().map(Delegation::toView).toList();
	}

	/** A system administrator (by group, as the identity sync keeps it; never by login name). */
	private boolean isAdmin(String username) {
		return system.call(() -> identity.createGroupQuery()
			.groupMember(username)
			.groupIdIn(GroupIds.SYSTEM_ADMINS, GroupIds.ADMINS)
			.count() > 0);
	}

	LocalDate today() {
		return EngineClock.now().atZone(ZoneId.of(properties.zone())).toLocalDate();
	}

}
