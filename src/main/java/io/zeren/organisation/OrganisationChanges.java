package io.zeren.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.organisation.ChangeReport.Outcome;
import io.zeren.organisation.ChangeReport.RowOutcome;
import io.zeren.organisation.OrganisationChange.Row;
import io.zeren.organisation.OrganisationRules.Violation;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * Applies a batch of upserts to the organisation: every row is checked on its own, then all acceptable
 * rows are applied to an in-memory copy of the organisation and the whole is validated. Rows that cause a
 * violation are rejected with its reason and the rest are tried again, until what remains is valid. Only
 * then is anything written, in one transaction together with the Camunda identity (via
 * {@link OrganisationChanged}), so a failure leaves nothing half-done.
 */
@Service
public class OrganisationChanges {

	private final UnitRepository units;

	private final StaffRepository staff;

	private final RoleRepository roles;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	OrganisationChanges(UnitRepository units, StaffRepository staff, RoleRepository roles,
			ApplicationEventPublisher events, MessageSource messages) {
		this.units = units;
		this.staff = staff;
		this.roles = roles;
		this.events = events;
		this.messages = messages;
	}

	/**
	 * @param dryRun report what would happen, write nothing
	 * @param atomic write nothing if any row is rejected
	 */
	@Transactional
	public ChangeReport apply(OrganisationChange change, boolean dryRun, boolean atomic) {
		List<Pending> pending = run(change, dryRun, atomic);
		boolean anyRejected = pending.stream().anyMatch(Pending::rejected);
		return report(pending, !dryRun && !(atomic && anyRejected), dryRun);
	}

	/**
	 * Applies a change all or nothing, as single-record API calls do.
	 * @return the outcome of each row, in order
	 * @throws RuleViolationException with every reason if any row is rejected
	 */
	@Transactional
	public List<Outcome> applyAll(OrganisationChange change) {
		List<Pending> pending = run(change, false, true);
		List<Msg> problems = pending.stream().flatMap(row -> row.problems.stream()).distinct().toList();
		if (!problems.isEmpty()) {
			throw new RuleViolationException(problems);
		}
		return pending.stream().map(row -> row.outcome).toList();
	}

	private List<Pending> run(OrganisationChange change, boolean dryRun, boolean atomic) {
		Stored stored = load();
		OrgModel base = stored.model();
		List<Pending> pending = pendingRows(change);
		markDuplicates(pending);

		Set<Msg> known = new HashSet<>();
		OrganisationRules.validate(base).forEach(violation -> known.add(violation.message()));
		OrgModel model = resolve(base, pending, known);

		boolean anyRejected = pending.stream().anyMatch(Pending::rejected);
		if (!dryRun && !(atomic && anyRejected)) {
			write(stored, base, model, pending);
		}
		return pending;
	}

	private OrgModel resolve(OrgModel base, List<Pending> pending, Set<Msg> known) {
		while (true) {
			OrgModel model = base.copy();
			List<Pending> accepted = pending.stream().filter(row -> !row.rejected()).toList();
			accepted.forEach(row -> row.applyTo(model));
			accepted.forEach(row -> row.outcome = row.outcome(base, model));
			List<Violation> violations = OrganisationRules.validate(model)
				.stream()
				.filter(violation -> !known.contains(violation.message()))
				.toList();
			if (violations.isEmpty()) {
				return model;
			}
			boolean rejectedAny = false;
			for (Violation violation : violations) {
				for (Pending row : implicated(violation, accepted)) {
					row.reject(violation.message());
					rejectedAny = true;
				}
			}
			if (!rejectedAny) {
				// Only happens if a rule names no row of this change; refuse the change rather than write it.
				accepted.forEach(row -> violations.forEach(violation -> row.reject(violation.message())));
			}
		}
	}

	/** The changed rows a violation points at, the most specific kind first: staff, then units, then roles. */
	private static List<Pending> implicated(Violation violation, List<Pending> accepted) {
		List<Pending> changed = accepted.stream().filter(row -> row.outcome != Outcome.UNCHANGED).toList();
		for (Kind kind : Kind.values()) {
			Set<String> keys = switch (kind) {
				case STAFF -> violation.staff();
				case UNIT -> violation.units();
				case ROLE -> violation.roles();
			};
			List<Pending> rows = changed.stream().filter(row -> row.kind == kind && keys.contains(row.key)).toList();
			if (!rows.isEmpty()) {
				return rows;
			}
		}
		return List.of();
	}

	private List<Pending> pendingRows(OrganisationChange change) {
		List<Pending> pending = new ArrayList<>();
		for (Row<UnitRecord> row : change.units()) {
			UnitRecord unit = row.record();
			pending.add(new Pending(Kind.UNIT, row.sheet(), row.line(), unit.code(),
					concat(row.errors(), OrganisationRules.checkFields(unit)), model -> model.units.put(unit.code(),
							new OrgModel.Unit(unit.code(), unit.name().trim(), blankToNull(unit.nameEn()), unit.kind(),
									blankToNull(unit.parentCode()), unit.sortNo() == null ? 0 : unit.sortNo(),
									unit.active() == null || unit.active()))));
		}
		for (Row<StaffRecord> row : change.staff()) {
			StaffRecord record = row.record();
			pending.add(new Pending(Kind.STAFF, row.sheet(), row.line(), record.username(),
					concat(row.errors(), OrganisationRules.checkFields(record)), model -> applyStaff(record, model)));
		}
		for (Row<RoleRecord> row : change.roles()) {
			RoleRecord role = row.record();
			pending.add(new Pending(Kind.ROLE, row.sheet(), row.line(), role.code(),
					concat(row.errors(), OrganisationRules.checkFields(role)),
					model -> model.roles.put(role.code(), new OrgModel.Role(role.code(), role.name().trim(),
							role.ownerUnitCode().trim(), Boolean.TRUE.equals(role.withSubunits())))));
		}
		return pending;
	}

	private static void applyStaff(StaffRecord record, OrgModel model) {
		OrgModel.Staff existing = model.staff.get(record.username());
		UnitRole role = record.unitRole();
		boolean deputy = role == null ? existing != null && existing.deputy() : role == UnitRole.DEPUTY;
		model.staff.put(record.username(),
				new OrgModel.Staff(record.username(), record.fullName().trim(), record.unitCode().trim(),
						blankToNull(record.post()), record.category(), Boolean.TRUE.equals(record.partyMember()),
						record.email().trim(), deputy, record.active() == null || record.active()));
		if (role == UnitRole.HEAD) {
			model.makeHead(record.username(), record.unitCode().trim());
		}
		else if (role != null) {
			model.clearHead(record.username());
		}
	}

	private static void markDuplicates(List<Pending> pending) {
		Map<String, List<Pending>> byKey = new HashMap<>();
		for (Pending row : pending) {
			if (row.key != null) {
				byKey.computeIfAbsent(row.kind + ":" + row.key, key -> new ArrayList<>()).add(row);
			}
		}
		for (List<Pending> rows : byKey.values()) {
			if (rows.size() > 1) {
				String lines = String.join(", ", rows.stream().map(row -> String.valueOf(row.line)).toList());
				rows.forEach(row -> row.reject(new Msg("org.duplicate-row", row.key, lines)));
			}
		}
	}

	private void write(Stored stored, OrgModel base, OrgModel model, List<Pending> pending) {
		Set<String> changedUnits = keys(pending, Kind.UNIT);
		Set<String> changedStaff = keys(pending, Kind.STAFF);
		Set<String> changedRoles = keys(pending, Kind.ROLE);

		// Parents before children, so every parent row exists when a child points at it.
		List<String> unitOrder = new ArrayList<>(changedUnits);
		unitOrder.sort(Comparator.comparingInt(code -> depth(model, code)));
		for (String code : unitOrder) {
			OrgUnit unit = stored.units().computeIfAbsent(code, OrgUnit::new);
			OrgModel.Unit state = model.units.get(code);
			unit.apply(state, state.parentCode() == null ? null : stored.units().get(state.parentCode()));
			units.save(unit);
		}
		for (String username : changedStaff) {
			Staff member = stored.staff().computeIfAbsent(username, Staff::new);
			OrgModel.Staff state = model.staff.get(username);
			member.apply(state, stored.units().get(state.unitCode()));
			staff.save(member);
		}
		Set<String> affected = new LinkedHashSet<>(changedStaff);
		for (String code : model.units.keySet()) {
			String before = base.headOf(code);
			String after = model.headOf(code);
			if (!Objects.equals(before, after)) {
				stored.units().get(code).assignHead(after == null ? null : stored.staff().get(after));
				if (before != null) {
					affected.add(before);
				}
				if (after != null) {
					affected.add(after);
				}
			}
		}
		for (String code : changedRoles) {
			OrgRole role = stored.roles().computeIfAbsent(code, OrgRole::new);
			OrgModel.Role state = model.roles.get(code);
			role.apply(state, stored.units().get(state.ownerUnitCode()));
			roles.save(role);
		}
		boolean structureChanged = !changedUnits.isEmpty() || !changedRoles.isEmpty();
		if (!affected.isEmpty() || structureChanged) {
			events.publishEvent(new OrganisationChanged(affected, structureChanged));
		}
	}

	private static int depth(OrgModel model, String code) {
		int depth = 0;
		for (OrgModel.Unit unit = model.units.get(code); unit != null && unit.parentCode() != null
				&& depth <= model.units.size(); unit = model.units.get(unit.parentCode())) {
			depth++;
		}
		return depth;
	}

	private static Set<String> keys(List<Pending> pending, Kind kind) {
		Set<String> keys = new LinkedHashSet<>();
		pending.stream()
			.filter(row -> row.kind == kind && !row.rejected() && row.outcome != Outcome.UNCHANGED)
			.forEach(row -> keys.add(row.key));
		return keys;
	}

	private ChangeReport report(List<Pending> pending, boolean applied, boolean dryRun) {
		var locale = LocaleContextHolder.getLocale();
		List<RowOutcome> rows = new ArrayList<>();
		int[] counts = new int[Outcome.values().length];
		for (Pending row : pending) {
			Outcome outcome = row.rejected() ? Outcome.REJECTED : row.outcome;
			counts[outcome.ordinal()]++;
			rows.add(new RowOutcome(row.sheet, row.line, row.key, outcome,
					row.problems.stream().map(msg -> msg.render(messages, locale)).toList()));
		}
		return new ChangeReport(applied, dryRun, counts[Outcome.CREATED.ordinal()], counts[Outcome.UPDATED.ordinal()],
				counts[Outcome.UNCHANGED.ordinal()], counts[Outcome.REJECTED.ordinal()], rows);
	}

	private Stored load() {
		Map<String, OrgUnit> unitsByCode = new HashMap<>();
		Map<String, Staff> staffByName = new HashMap<>();
		Map<String, OrgRole> rolesByCode = new HashMap<>();
		OrgModel model = new OrgModel();
		for (OrgUnit unit : units.findAllWithParentAndHead()) {
			unitsByCode.put(unit.getCode(), unit);
			model.units.put(unit.getCode(), unit.toState());
			if (unit.getHead() != null) {
				model.makeHead(unit.getHead().getUsername(), unit.getCode());
			}
		}
		for (Staff member : staff.findAllWithUnit()) {
			staffByName.put(member.getUsername(), member);
			model.staff.put(member.getUsername(), member.toState());
		}
		for (OrgRole role : roles.findAllWithOwner()) {
			rolesByCode.put(role.getCode(), role);
			model.roles.put(role.getCode(), role.toState());
		}
		return new Stored(model, unitsByCode, staffByName, rolesByCode);
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		List<T> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private record Stored(OrgModel model, Map<String, OrgUnit> units, Map<String, Staff> staff,
			Map<String, OrgRole> roles) {
	}

	private enum Kind {

		STAFF, UNIT, ROLE

	}

	private static final class Pending {

		final Kind kind;

		final String sheet;

		final int line;

		final String key;

		final List<Msg> problems;

		final java.util.function.Consumer<OrgModel> change;

		Outcome outcome = Outcome.UNCHANGED;

		Pending(Kind kind, String sheet, int line, String key, List<Msg> problems,
				java.util.function.Consumer<OrgModel> change) {
			this.kind = kind;
			this.sheet = sheet;
			this.line = line;
			this.key = key;
			this.problems = new ArrayList<>(problems);
			this.change = change;
		}

		boolean rejected() {
			return !problems.isEmpty();
		}

		void reject(Msg reason) {
			if (!problems.contains(reason)) {
				problems.add(reason);
			}
		}

		void applyTo(OrgModel model) {
			change.accept(model);
		}

		Outcome outcome(OrgModel before, OrgModel after) {
			Function<OrgModel, Object> state = switch (kind) {
				case UNIT -> model -> model.units.get(key);
				case ROLE -> model -> model.roles.get(key);
				case STAFF -> model -> model.staff.get(key) == null ? null
						: List.of(model.staff.get(key), String.valueOf(model.unitHeadedBy(key)));
			};
			Object old = state.apply(before);
			if (old == null) {
				return Outcome.CREATED;
			}
			return old.equals(state.apply(after)) ? Outcome.UNCHANGED : Outcome.UPDATED;
		}

	}

}
