package io.zeren.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.organisation.OrganisationChanged;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.OrganisationDirectory.Membership;
import io.zeren.organisation.RoleInfo;
import io.zeren.organisation.UnitInfo;

/**
 * Keeps Camunda's users, groups and memberships equal to the organisation (see docs/adr/0001). Runs in
 * the transaction that changed the organisation, so both commit or neither does. Only groups of Zeren's
 * own types and users that are staff are touched; the admin and hand-made groups are left alone.
 */
@Service
public class CamundaIdentitySync {

	private static final Logger log = LoggerFactory.getLogger(CamundaIdentitySync.class);

	private static final Set<String> OWN_TYPES = Set.of(GroupIds.TYPE_STAFF, GroupIds.TYPE_UNIT, GroupIds.TYPE_HEAD,
			GroupIds.TYPE_ROLE);

	private final IdentityService identity;

	private final OrganisationDirectory directory;

	private final IdentityProperties properties;

	private final SystemAuthentication system;

	private final SecureRandom random = new SecureRandom();

	CamundaIdentitySync(IdentityService identity, OrganisationDirectory directory, IdentityProperties properties,
			SystemAuthentication system) {
		this.identity = identity;
		this.directory = directory;
		this.properties = properties;
		this.system = system;
	}

	@EventListener
	void on(OrganisationChanged event) {
		system.run(() -> {
			if (event.structureChanged()) {
				syncGroups();
				directory.memberships().forEach(this::syncUser);
			}
			else {
				event.usernames().forEach(username -> directory.membership(username).ifPresent(this::syncUser));
			}
		});
	}

	/** Full reconciliation, for an admin after editing Camunda's identity by hand. */
	@Transactional
	public SyncResult syncAll() {
		int[] users = new int[1];
		system.run(() -> {
			syncGroups();
			List<Membership> memberships = directory.memberships();
			memberships.forEach(this::syncUser);
			users[0] = memberships.size();
		});
		return new SyncResult(users[0], ownGroups().size());
	}

	public record SyncResult(int staff, long groups) {
	}

	private void syncGroups() {
		Map<String, String[]> desired = new LinkedHashMap<>();
		desired.put(GroupIds.ALL_STAFF, new String[] { "全体干警", GroupIds.TYPE_STAFF });
		for (UnitInfo unit : directory.units()) {
			if (unit.active()) {
				desired.put(GroupIds.unit(unit.code()), new String[] { unit.name(), GroupIds.TYPE_UNIT });
				desired.put(GroupIds.head(unit.code()), new String[] { unit.name() + "负责人", GroupIds.TYPE_HEAD });
			}
		}
		for (RoleInfo role : directory.roles()) {
			desired.put(GroupIds.role(role.code()), new String[] { role.name(), GroupIds.TYPE_ROLE });
		}
		Map<String, Group> existing = new HashMap<>();
		ownGroups().forEach(group -> existing.put(group.getId(), group));
		desired.forEach((id, nameAndType) -> {
			Group group = existing.remove(id);
			if (group == null) {
				group = identity.createGroupQuery().groupId(id).singleResult();
			}
			if (group == null) {
				group = identity.newGroup(id);
			}
			else if (Objects.equals(group.getName(), nameAndType[0]) && Objects.equals(group.getType(), nameAndType[1])) {
				return;
			}
			group.setName(nameAndType[0]);
			group.setType(nameAndType[1]);
			identity.saveGroup(group);
		});
		existing.keySet().forEach(id -> {
			log.info("Removing Camunda group {}: its unit or role no longer exists", id);
			identity.deleteGroup(id);
		});
	}

	private List<Group> ownGroups() {
		return OWN_TYPES.stream().flatMap(type -> identity.createGroupQuery().groupType(type).list().stream()).toList();
	}

	private void syncUser(Membership membership) {
		var staff = membership.staff();
		User user = identity.createUserQuery().userId(staff.username()).singleResult();
		if (!staff.active()) {
			if (user != null) {
				identity.deleteUser(staff.username());
			}
			return;
		}
		if (user == null) {
			user = identity.newUser(staff.username());
			user.setPassword(initialPassword());
			fill(user, staff.fullName(), staff.email());
			// The configured initial password is the system's choice, not the person's: the policy binds the next one.
			SystemPasswords.save(identity, user);
		}
		else if (!Objects.equals(user.getFirstName(), staff.fullName()) || !Objects.equals(user.getEmail(), staff.email())) {
			fill(user, staff.fullName(), staff.email());
			identity.saveUser(user);
		}
		Set<String> desired = new HashSet<>();
		desired.add(GroupIds.ALL_STAFF);
		desired.add(GroupIds.unit(staff.unitCode()));
		if (membership.headOfUnit() != null) {
			desired.add(GroupIds.head(membership.headOfUnit()));
		}
		membership.roleCodes().forEach(code -> desired.add(GroupIds.role(code)));
		Set<String> current = new HashSet<>();
		for (Group group : identity.createGroupQuery().groupMember(staff.username()).list()) {
			if (OWN_TYPES.contains(group.getType())) {
				current.add(group.getId());
			}
		}
		for (String group : desired) {
			if (!current.contains(group)) {
				identity.createMembership(staff.username(), group);
			}
		}
		for (String group : current) {
			if (!desired.contains(group)) {
				identity.deleteMembership(staff.username(), group);
			}
		}
	}

	private static void fill(User user, String fullName, String email) {
		// Tasklist shows "first last"; a Chinese name is written whole, surname first.
		user.setFirstName(fullName);
		user.setLastName("");
		user.setEmail(email);
	}

	private String initialPassword() {
		String configured = properties.initialPassword();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
