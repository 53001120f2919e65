package io.zeren.organisation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.shared.Msg;
import io.zeren.shared.NodeCache;
import io.zeren.shared.NotFoundException;

/**
 * Answers questions about the organisation: who is in a unit, who heads it, who is a person's
 * supervisor N levels up, which unit owns a role. Read-only; changes go through {@link OrganisationChanges}.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationDirectory {

	private final UnitRepository units;

	private final StaffRepository staff;

	private final RoleRepository roles;

	/** Most entries each cache keeps; beyond it the least useful are evicted one by one. */
	static final int CACHE_LIMIT = 50_000;

	/** Reused for zeren.organisation.cache-ttl; 0 turns the cached lookups into plain lookups. */
	private final NodeCache<String, Optional<StaffInfo>> staffCache;

	/** Per unit code: the heads of the unit and of every unit above it, nearest first. */
	private final NodeCache<String, List<StaffInfo>> headsCache;

	private final NodeCache<String, Optional<UnitInfo>> topCache;

	private final jakarta.persistence.PersistenceUnitUtil persistence;

	OrganisationDirectory(UnitRepository units, StaffRepository staff, RoleRepository roles,
			jakarta.persistence.EntityManagerFactory entityManagerFactory,
			@org.springframework.beans.factory.annotation.Value("${zeren.organisation.cache-ttl:PT30S}") java.time.Duration cacheTtl) {
		this.persistence = entityManagerFactory.getPersistenceUnitUtil();
		this.units = units;
		this.staff = staff;
		this.roles = roles;
		this.staffCache = new NodeCache<>(CACHE_LIMIT, cacheTtl);
		this.headsCache = new NodeCache<>(CACHE_LIMIT, cacheTtl);
		this.topCache = new NodeCache<>(1, cacheTtl);
	}

	/**
	 * {@link #findStaffInfo} for hot paths that address people rather than decide about access: mail recipients,
	 * the staff category a deadline policy depends on, the reviewer group of a personal list at kick-off. A node
	 * reuses the answer for {@code zeren.organisation.cache-ttl} (default 30 s); a change made through
	 * {@link OrganisationChanges} on this node clears it at once, one made on another node shows within the TTL.
	 * Access decisions (recusal, candidates, who may read) keep using the uncached methods.
	 */
	public Optional<StaffInfo> cachedStaffInfo(String username) {
		return staffCache.get(username, () -> findStaffInfo(username));
	}

	/**
	 * {@link #supervisorChain} with the same reuse as {@link #cachedStaffInfo}; for addressing, not for access.
	 * Built from the member's cached record and their unit's cached chain of heads, so the staff of one unit
	 * (a kick-off batch, a reminder round) share one walk up the organisation.
	 */
	public List<StaffInfo> cachedSupervisorChain(String username) {
		if (!headsCache.enabled()) {
			return supervisorChain(username);
		}
		StaffInfo member = cachedStaffInfo(username)
			.orElseThrow(() -> new NotFoundException(new Msg("org.staff.not-found", username)));
		return chainOf(username, headsCache.get(member.unitCode(), () -> headsFrom(findUnit(member.unitCode()))));
	}

	/** Any change of the organisation made on this node: forget every cached answer (before and after commit). */
	@org.springframework.context.event.EventListener
	void changed(OrganisationChanged event) {
		io.zeren.shared.CacheInvalidation.nowAndAfterCompletion(this::clearCaches);
	}

	void clearCaches() {
		staffCache.clear();
		headsCache.clear();
		topCache.clear();
	}

	/** The agency itself: the first active unit without a parent (its name heads every page). */
	public Optional<UnitInfo> topUnit() {
		return units.findActiveRoots().stream().findFirst().map(OrgUnit::toInfo);
	}

	/** {@link #topUnit} with the reuse of {@link #cachedStaffInfo}: the agency's name in every page's header. */
	public Optional<UnitInfo> cachedTopUnit() {
		return topCache.get("top", this::topUnit);
	}

	public List<UnitInfo> units() {
		return units.findAllWithParentAndHead().stream().map(OrgUnit::toInfo).toList();
	}

	public UnitInfo unit(String code) {
		return findUnit(code).toInfo();
	}

	public StaffInfo staff(String username) {
		return findStaff(username).map(this::info)
			.orElseThrow(() -> new NotFoundException(new Msg("org.staff.not-found", username)));
	}

	public Optional<StaffInfo> findStaffInfo(String username) {
		return findStaff(username).map(this::info);
	}

	public Page<StaffInfo> searchStaff(String unitCode, String text, boolean includeInactive, Pageable page) {
		String pattern = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase() + "%";
		return staff.search(blankToNull(unitCode), pattern, includeInactive, page).map(this::info);
	}

	/**
	 * Every active staff member, by username, read in keyset pages outside any transaction so that no page's
	 * entities outlive it (an agency of 100,000 is read in a second or two, not paged by offset).
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public List<StaffInfo> activeStaff() {
		List<StaffInfo> all = new ArrayList<>();
		String after = null; // not "": Oracle reads the empty string as null
		List<Staff> page;
		do {
			page = staff.findActiveAfter(after, org.springframework.data.domain.Limit.of(ACTIVE_PAGE));
			page.stream().map(this::info).forEach(all::add);
			after = page.isEmpty() ? after : page.get(page.size() - 1).getUsername();
		}
		while (page.size() == ACTIVE_PAGE);
		return all;
	}

	private static final int ACTIVE_PAGE = 1_000;

	/** Username → unit code of every active staff member, in one read: for planning work over the whole agency. */
	public java.util.Map<String, String> activeStaffUnits() {
		java.util.Map<String, String> units = new java.util.HashMap<>();
		for (Object[] row : staff.activeUsernamesAndUnitCodes()) {
			units.put((String) row[0], (String) row[1]);
		}
		return units;
	}

	/**
	 * Active members of a unit, optionally with those of all units below it. What was read also refreshes
	 * {@link #cachedStaffInfo}, so work over a unit's members that addresses them (a kick-off batch) does not
	 * read them again one by one.
	 */
	public List<StaffInfo> members(String unitCode, boolean includeSubunits) {
		findUnit(unitCode);
		Set<String> codes = includeSubunits ? subtree(unitCode) : Set.of(unitCode);
		List<StaffInfo> members = staff.findActiveInUnits(codes).stream().map(this::info).toList();
		members.forEach(member -> staffCache.put(member.username(), Optional.of(member)));
		return members;
	}

	/** Codes of the unit and every active unit below it. */
	public Set<String> subtree(String unitCode) {
		Set<String> codes = new LinkedHashSet<>();
		List<String> frontier = new ArrayList<>(List.of(unitCode));
		while (!frontier.isEmpty()) {
			String code = frontier.remove(frontier.size() - 1);
			if (codes.add(code)) {
				frontier.addAll(units.findActiveChildCodes(code));
			}
		}
		return codes;
	}

	public Optional<StaffInfo> head(String unitCode) {
		OrgUnit unit = findUnit(unitCode);
		return Optional.ofNullable(unit.getHead()).map(head -> head.toInfo(true));
	}

	/**
	 * The people a staff member answers to, nearest first: the head of their own unit (or, for the head
	 * themself, of the parent unit), then each head further up to the agency head. Units without a head are
	 * passed over. The agency head's chain is empty.
	 */
	public List<StaffInfo> supervisorChain(String username) {
		Staff member = findStaff(username)
			.orElseThrow(() -> new NotFoundException(new Msg("org.staff.not-found", username)));
		return chainOf(username, headsFrom(member.getUnit()));
	}

	/** The heads of this unit and of each unit above it, nearest first, each once; units without a head passed over. */
	private List<StaffInfo> headsFrom(OrgUnit start) {
		List<StaffInfo> heads = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (OrgUnit unit = start; unit != null; unit = unit.getParent()) {
			Staff head = unit.getHead();
			if (head != null && seen.add(head.getUsername())) {
				heads.add(head.toInfo(true));
			}
		}
		return List.copyOf(heads);
	}

	/** A member's supervisors: the heads above their unit's start, without the member themself. */
	private static List<StaffInfo> chainOf(String username, List<StaffInfo> heads) {
		return heads.stream().filter(head -> !head.username().equals(username)).toList();
	}

	/** The supervisor {@code levels} steps up (1 = direct supervisor), if the chain is that long. */
	public Optional<StaffInfo> supervisor(String username, int levels) {
		if (levels < 1) {
			throw new IllegalArgumentException("levels must be at least 1");
		}
		List<StaffInfo> chain = supervisorChain(username);
		return levels <= chain.size() ? Optional.of(chain.get(levels - 1)) : Optional.empty();
	}

	public List<RoleInfo> roles() {
		return roles.findAllWithOwner().stream().map(OrgRole::toInfo).toList();
	}

	public RoleInfo role(String code) {
		return roles.findByCode(code)
			.map(OrgRole::toInfo)
			.orElseThrow(() -> new NotFoundException(new Msg("org.role.not-found", code)));
	}

	/** The unit that carries a functional role, e.g. POLITICAL → the political department. */
	public UnitInfo roleOwner(String roleCode) {
		return unit(role(roleCode).ownerUnitCode());
	}

	/**
	 * Everything Camunda needs to know about one person: their unit, whether they head it, and the roles
	 * they hold through it. Empty if no such staff member exists.
	 */
	public Optional<Membership> membership(String username) {
		return findStaff(username).map(member -> membership(member, roles.findAllWithOwner()));
	}

	/** Memberships of every staff member, active or not (the inactive ones must lose their access). */
	public List<Membership> memberships() {
		List<OrgRole> allRoles = roles.findAllWithOwner();
		return staff.findAllWithUnit().stream().map(member -> membership(member, allRoles)).toList();
	}

	private Membership membership(Staff member, List<OrgRole> allRoles) {
		// Roles reach a member from their own unit, or from any unit above it that shares with sub-units.
		Set<String> ancestry = new LinkedHashSet<>();
		OrgUnit up = member.getUnit();
		while (up != null && ancestry.add(up.getCode())) {
			up = up.getParent();
		}
		String ownUnit = member.getUnit().getCode();
		Set<String> roleCodes = new LinkedHashSet<>();
		for (OrgRole role : allRoles) {
			RoleInfo info = role.toInfo();
			if (info.ownerUnitCode().equals(ownUnit) || info.withSubunits() && ancestry.contains(info.ownerUnitCode())) {
				roleCodes.add(info.code());
			}
		}
		OrgUnit unit = member.getUnit();
		boolean head = unit.getHead() != null && unit.getHead().getUsername().equals(member.getUsername());
		StaffInfo info = member.toInfo(head);
		return new Membership(info, head ? ownUnit : null, roleCodes);
	}

	/** A person and the groups the organisation puts them in. */
	public record Membership(StaffInfo staff, String headOfUnit, Set<String> roleCodes) {
	}

	private StaffInfo info(Staff member) {
		OrgUnit unit = member.getUnit();
		// The head's id as the unit row holds it: getId() on the head's lazy proxy would read the head's row, a
		// second SELECT for every staff record read (docs/performance.md, item 32).
		boolean head = unit.getHead() != null && member.getId().equals(persistence.getIdentifier(unit.getHead()));
		return member.toInfo(head);
	}

	private OrgUnit findUnit(String code) {
		return units.findByCode(code).orElseThrow(() -> new NotFoundException(new Msg("org.unit.not-found", code)));
	}

	private Optional<Staff> findStaff(String username) {
		return staff.findByUsername(username);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
