package io.zeren.organisation.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.zeren.organisation.Labelled;
import io.zeren.organisation.OrganisationChange;
import io.zeren.organisation.OrganisationChange.Row;
import io.zeren.organisation.RoleRecord;
import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.StaffRecord;
import io.zeren.organisation.UnitKind;
import io.zeren.organisation.UnitRecord;
import io.zeren.organisation.UnitRole;
import io.zeren.organisation.importing.Column.Kind;
import io.zeren.shared.Msg;

/**
 * Recognises which table each sheet or file is and turns its lines into rows of an
 * {@link OrganisationChange}. A table it cannot place, or one lacking a required column, refuses the
 * whole upload; a bad value only marks its own row.
 */
final class RosterMapper {

	private RosterMapper() {
	}

	static OrganisationChange map(List<Table> tables) {
		OrganisationChange.Builder change = new OrganisationChange.Builder();
		int rows = 0;
		for (Table table : tables) {
			if (table.headers().stream().allMatch(String::isBlank)) {
				continue;
			}
			Kind kind = classify(table);
			Map<Column, String> headers = headers(table, kind);
			for (Table.Line line : table.lines()) {
				rows++;
				LineReader reader = new LineReader(line, headers);
				switch (kind) {
					case UNITS -> change.unit(reader.unit(table.name()));
					case STAFF -> change.staff(reader.staff(table.name()));
					case ROLES -> change.role(reader.role(table.name()));
				}
			}
		}
		if (rows == 0) {
			throw new MalformedRosterException(new Msg("import.empty"));
		}
		return change.build();
	}

	/** By sheet name when the workbook names its sheets, else by which table's required columns are all present. */
	private static Kind classify(Table table) {
		String sheetName = table.name().contains("!") ? table.name().substring(table.name().lastIndexOf('!') + 1) : "";
		Optional<Kind> named = Kind.bySheetName(sheetName);
		if (named.isPresent()) {
			return named.get();
		}
		// Staff first: its unit column shares the header 单位编码 with the unit table.
		for (Kind kind : List.of(Kind.STAFF, Kind.ROLES, Kind.UNITS)) {
			if (kind.required().stream().allMatch(column -> table.headers().stream().anyMatch(column::matches))) {
				return kind;
			}
		}
		throw new MalformedRosterException(new Msg("import.unknown-table", table.name(), String.join(", ", table.headers())));
	}

	private static Map<Column, String> headers(Table table, Kind kind) {
		Map<Column, String> found = new EnumMap<>(Column.class);
		Set<String> seen = new HashSet<>();
		for (String header : table.headers()) {
			if (!header.isBlank() && !seen.add(Column.normalise(header))) {
				throw new MalformedRosterException(new Msg("import.duplicate-column", table.name(), header));
			}
			kind.columns().stream().filter(column -> column.matches(header)).findFirst()
				.ifPresent(column -> found.put(column, header));
		}
		List<String> missing = kind.required().stream().filter(column -> !found.containsKey(column)).map(Column::display)
			.toList();
		if (!missing.isEmpty()) {
			throw new MalformedRosterException(new Msg("import.missing-columns", table.name(), String.join(", ", missing)));
		}
		return found;
	}

	/** Reads typed values from one line, collecting what cannot be read instead of failing. */
	private static final class LineReader {

		private final Table.Line line;

		private final Map<Column, String> headers;

		private final List<Msg> errors = new ArrayList<>();

		LineReader(Table.Line line, Map<Column, String> headers) {
			this.line = line;
			this.headers = headers;
		}

		Row<UnitRecord> unit(String sheet) {
			UnitRecord record = new UnitRecord(text(Column.UNIT_CODE), text(Column.UNIT_NAME), text(Column.UNIT_NAME_EN),
					choice(Column.UNIT_KIND, UnitKind.class), text(Column.UNIT_PARENT), number(Column.UNIT_SORT),
					bool(Column.UNIT_ACTIVE));
			return new Row<>(sheet, line.number(), record, errors);
		}

		Row<StaffRecord> staff(String sheet) {
			StaffRecord record = new StaffRecord(text(Column.STAFF_USERNAME), text(Column.STAFF_NAME),
					text(Column.STAFF_UNIT), text(Column.STAFF_POST), choice(Column.STAFF_CATEGORY, StaffCategory.class),
					choice(Column.STAFF_ROLE, UnitRole.class), bool(Column.STAFF_PARTY), text(Column.STAFF_EMAIL),
					bool(Column.STAFF_ACTIVE));
			return new Row<>(sheet, line.number(), record, errors);
		}

		Row<RoleRecord> role(String sheet) {
			RoleRecord record = new RoleRecord(text(Column.ROLE_CODE), text(Column.ROLE_NAME), text(Column.ROLE_OWNER),
					bool(Column.ROLE_SUBUNITS));
			return new Row<>(sheet, line.number(), record, errors);
		}

		private String text(Column column) {
			String header = headers.get(column);
			String value = header == null ? null : line.cells().get(header);
			return value == null || value.isBlank() ? null : value.strip();
		}

		private <E extends Enum<E> & Labelled> E choice(Column column, Class<E> type) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			Optional<E> parsed = Labelled.parse(type, value);
			if (parsed.isEmpty()) {
				errors.add(new Msg("import.bad-value", column.chinese, value, Labelled.choices(type)));
			}
			return parsed.orElse(null);
		}

		private Integer number(Column column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
			}
			catch (NumberFormatException ex) {
				errors.add(new Msg("import.bad-number", column.chinese, value));
				return null;
			}
		}

		private Boolean bool(Column column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			switch (value.toLowerCase(java.util.Locale.ROOT)) {
				case "是", "y", "yes", "true", "1", "√" -> {
					return Boolean.TRUE;
				}
				case "否", "n", "no", "false", "0", "×" -> {
					return Boolean.FALSE;
				}
				default -> {
					errors.add(new Msg("import.bad-boolean", column.chinese, value));
					return null;
				}
			}
		}

	}

}
