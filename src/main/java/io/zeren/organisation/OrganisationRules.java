package io.zeren.organisation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.zeren.shared.Msg;

/**
 * The rules an organisation must keep, stated once and checked on the whole model after a change is
 * applied in memory. Each violation names the units, staff and roles it involves so the change can
 * reject exactly the rows that caused it.
 */
final class OrganisationRules {

	static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");

	static final Pattern ROLE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

	/** Also what Camunda accepts as a user id (see the whitelist in application.yaml). */
	static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** Camunda accounts that are not staff: a roster must never take them over (or delete them). */
	static final java.util.Set<String> RESERVED_USERNAMES = java.util.Set.of("admin", "secadmin", "auditadmin", "zeren-sentinel",
			"camunda-admin", "system");

	record Violation(Msg message, Set<String> units, Set<String> staff, Set<String> roles) {

		static Violation ofUnits(Msg message, String... units) {
			return new Violation(message, Set.of(units), Set.of(), Set.of());
		}

		static Violation ofStaff(Msg message, Set<String> units, String... staff) {
			return new Violation(message, units, Set.of(staff), Set.of());
		}

	}

	private OrganisationRules() {
	}

	static List<Msg> checkFields(UnitRecord unit) {
		List<Msg> problems = new ArrayList<>();
		if (unit.code() == null || !UNIT_CODE.matcher(unit.code()).matches()) {
			problems.add(new Msg("org.unit.code-invalid", String.valueOf(unit.code())));
		}
		if (isBlank(unit.name())) {
			problems.add(new Msg("org.required", "name"));
		}
		checkLength(problems, "name", unit.name(), 200);
		checkLength(problems, "nameEn", unit.nameEn(), 200);
		if (unit.kind() == null) {
			problems.add(new Msg("org.required", "kind"));
		}
		if (unit.parentCode() != null && unit.parentCode().equals(unit.code())) {
			problems.add(new Msg("org.unit.own-parent", unit.code()));
		}
		return problems;
	}

	static List<Msg> checkFields(StaffRecord staff) {
		List<Msg> problems = new ArrayList<>();
		if (staff.username() == null || !USERNAME.matcher(staff.username()).matches()) {
			problems.add(new Msg("org.staff.username-invalid", String.valueOf(staff.username())));
		}
		else if (RESERVED_USERNAMES.contains(staff.username())) {
			problems.add(new Msg("org.staff.username-reserved", staff.username()));
		}
		checkLength(problems, "fullName", staff.fullName(), 100);
		checkLength(problems, "post", staff.post(), 100);
		checkLength(problems, "email", staff.email(), 254);
		if (isBlank(staff.fullName())) {
			problems.add(new Msg("org.required", "fullName"));
		}
		if (isBlank(staff.unitCode())) {
			problems.add(new Msg("org.required", "unitCode"));
		}
		if (staff.category() == null) {
			problems.add(new Msg("org.required", "category"));
		}
		if (isBlank(staff.email())) {
			problems.add(new Msg("org.required", "email"));
		}
		else if (!EMAIL.matcher(staff.email()).matches()) {
			problems.add(new Msg("org.staff.email-invalid", staff.email()));
		}
		return problems;
	}

	static List<Msg> checkFields(RoleRecord role) {
		List<Msg> problems = new ArrayList<>();
		if (role.code() == null || !ROLE_CODE.matcher(role.code()).matches()) {
			problems.add(new Msg("org.role.code-invalid", String.valueOf(role.code())));
		}
		if (isBlank(role.name())) {
			problems.add(new Msg("org.required", "name"));
		}
		if (isBlank(role.ownerUnitCode())) {
			problems.add(new Msg("org.required", "ownerUnitCode"));
		}
		checkLength(problems, "name", role.name(), 100);
		return problems;
	}

	/** Every rule that spans records. An empty list means the model may be written. */
	static List<Violation> validate(OrgModel model) {
		List<Violation> violations = new ArrayList<>();
		checkHierarchy(model, violations);
		checkHeads(model, violations);
		checkStaff(model, violations);
		checkRoles(model, violations);
		return violations;
	}

	private static void checkHierarchy(OrgModel model, List<Violation> violations) {
		List<String> roots = new ArrayList<>();
		for (OrgModel.Unit unit : model.units.values()) {
			if (unit.parentCode() == null) {
				if (unit.active()) {
					roots.add(unit.code());
				}
				if (unit.kind() != UnitKind.AGENCY) {
					violations.add(Violation.ofUnits(new Msg("org.unit.root-not-agency", unit.code()), unit.code()));
				}
				continue;
			}
			if (unit.kind() == UnitKind.AGENCY) {
				violations.add(Violation.ofUnits(new Msg("org.unit.agency-has-parent", unit.code()), unit.code()));
			}
			OrgModel.Unit parent = model.units.get(unit.parentCode());
			if (parent == null) {
				violations.add(Violation.ofUnits(new Msg("org.unit.parent-missing", unit.code(), unit.parentCode()),
						unit.code()));
			}
			else if (unit.active() && !parent.active()) {
				violations.add(Violation.ofUnits(new Msg("org.unit.parent-inactive", unit.code(), parent.code()),
						unit.code(), parent.code()));
			}
		}
		if (roots.size() > 1) {
			violations.add(Violation.ofUnits(new Msg("org.unit.many-roots", String.join(", ", roots)),
					roots.toArray(String[]::new)));
		}
		else if (roots.isEmpty() && !model.units.isEmpty()) {
			violations.add(Violation.ofUnits(new Msg("org.unit.no-root"), model.units.keySet().toArray(String[]::new)));
		}
		Set<String> reported = new LinkedHashSet<>();
		for (String start : model.units.keySet()) {
			List<String> path = new ArrayList<>();
			String current = start;
			while (current != null && model.units.containsKey(current) && !path.contains(current)) {
				path.add(current);
				current = model.units.get(current).parentCode();
			}
			if (current != null && path.contains(current)) {
				List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
				if (reported.addAll(cycle)) {
					List<String> shown = new ArrayList<>(cycle);
					shown.add(current);
					violations.add(Violation.ofUnits(new Msg("org.unit.cycle", String.join(" → ", shown)),
							cycle.toArray(String[]::new)));
				}
			}
		}
	}

	private static void checkHeads(OrgModel model, List<Violation> violations) {
		for (Map.Entry<String, Set<String>> entry : model.heads.entrySet()) {
			String unitCode = entry.getKey();
			Set<String> heads = entry.getValue();
			if (heads.size() > 1) {
				violations.add(new Violation(new Msg("org.unit.two-heads", unitCode, String.join(", ", heads)),
						Set.of(unitCode), Set.copyOf(heads), Set.of()));
			}
			for (String head : heads) {
				OrgModel.Staff staff = model.staff.get(head);
				if (staff == null || !unitCode.equals(staff.unitCode())) {
					violations.add(Violation.ofStaff(new Msg("org.unit.head-not-member", unitCode, head), Set.of(unitCode), head));
				}
				else if (!staff.active()) {
					violations.add(Violation.ofStaff(new Msg("org.unit.head-inactive", unitCode, head), Set.of(unitCode), head));
				}
			}
		}
		// Every supervisor chain climbs to the nearest head above; it ends somewhere only if the agency has one.
		model.units.values()
			.stream()
			.filter(unit -> unit.parentCode() == null && unit.active() && model.headsOf(unit.code()).isEmpty())
			.forEach(root -> violations.add(Violation.ofUnits(new Msg("org.unit.root-without-head", root.code()), root.code())));
	}

	private static void checkStaff(OrgModel model, List<Violation> violations) {
		for (OrgModel.Staff staff : model.staff.values()) {
			OrgModel.Unit unit = model.units.get(staff.unitCode());
			if (unit == null) {
				violations.add(Violation.ofStaff(new Msg("org.staff.unit-missing", staff.username(), staff.unitCode()),
						Set.of(), staff.username()));
			}
			else if (staff.active() && !unit.active()) {
				violations.add(Violation.ofStaff(new Msg("org.staff.unit-inactive", staff.username(), unit.code()),
						Set.of(unit.code()), staff.username()));
			}
		}
	}

	private static void checkRoles(OrgModel model, List<Violation> violations) {
		for (OrgModel.Role role : model.roles.values()) {
			OrgModel.Unit owner = model.units.get(role.ownerUnitCode());
			if (owner == null || !owner.active()) {
				violations.add(new Violation(new Msg("org.role.owner-missing", role.code(), role.ownerUnitCode()),
						owner == null ? Set.of() : Set.of(owner.code()), Set.of(), Set.of(role.code())));
			}
		}
	}

	private static void checkLength(List<Msg> problems, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.add(new Msg("org.too-long", field, max));
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
