package io.zeren.organisation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The whole organisation as plain values: what a change is applied to and validated against before
 * anything is written. Pure Java, no persistence, so the rules can be read and tested on their own.
 */
final class OrgModel {

	record Unit(String code, String name, String nameEn, UnitKind kind, String parentCode, int sortNo, boolean active) {
	}

	record Staff(String username, String fullName, String unitCode, String post, StaffCategory category,
			boolean partyMember, String email, boolean deputy, boolean active) {
	}

	record Role(String code, String name, String ownerUnitCode, boolean withSubunits) {
	}

	final Map<String, Unit> units = new LinkedHashMap<>();

	final Map<String, Staff> staff = new LinkedHashMap<>();

	final Map<String, Role> roles = new LinkedHashMap<>();

	/** Heads per unit code. The rules allow at most one; a set lets a bad change show its two heads. */
	final Map<String, Set<String>> heads = new HashMap<>();

	OrgModel copy() {
		OrgModel copy = new OrgModel();
		copy.units.putAll(units);
		copy.staff.putAll(staff);
		copy.roles.putAll(roles);
		heads.forEach((unit, names) -> copy.heads.put(unit, new LinkedHashSet<>(names)));
		return copy;
	}

	Set<String> headsOf(String unitCode) {
		return heads.getOrDefault(unitCode, Set.of());
	}

	String headOf(String unitCode) {
		Set<String> names = headsOf(unitCode);
		return names.isEmpty() ? null : names.iterator().next();
	}

	/** The unit the user heads, if any. */
	String unitHeadedBy(String username) {
		for (Map.Entry<String, Set<String>> entry : heads.entrySet()) {
			if (entry.getValue().contains(username)) {
				return entry.getKey();
			}
		}
		return null;
	}

	void makeHead(String username, String unitCode) {
		clearHead(username);
		heads.computeIfAbsent(unitCode, code -> new LinkedHashSet<>()).add(username);
	}

	void clearHead(String username) {
		heads.values().forEach(names -> names.remove(username));
	}

}
