package io.zeren.organisation;

import java.util.ArrayList;
import java.util.List;

import io.zeren.shared.Msg;

/**
 * A batch of upserts to the organisation, each row remembering where it came from (sheet and line)
 * so the report can point at it. A roster import is one change; a single REST call is a change of one row.
 */
public record OrganisationChange(List<Row<UnitRecord>> units, List<Row<StaffRecord>> staff, List<Row<RoleRecord>> roles) {

	/** One input row; {@code errors} are problems found while reading it (unreadable values). */
	public record Row<T>(String sheet, int line, T record, List<Msg> errors) {

		public Row {
			errors = List.copyOf(errors);
		}

		public static <T> Row<T> of(String sheet, int line, T record) {
			return new Row<>(sheet, line, record, List.of());
		}

	}

	public OrganisationChange {
		units = List.copyOf(units);
		staff = List.copyOf(staff);
		roles = List.copyOf(roles);
	}

	public static OrganisationChange ofUnit(UnitRecord unit) {
		return new OrganisationChange(List.of(Row.of("api", 1, unit)), List.of(), List.of());
	}

	public static OrganisationChange ofStaff(StaffRecord staff) {
		return new OrganisationChange(List.of(), List.of(Row.of("api", 1, staff)), List.of());
	}

	public static OrganisationChange ofRole(RoleRecord role) {
		return new OrganisationChange(List.of(), List.of(), List.of(Row.of("api", 1, role)));
	}

	public int size() {
		return units.size() + staff.size() + roles.size();
	}

	/** Builder used by readers that collect rows sheet by sheet. */
	public static final class Builder {

		private final List<Row<UnitRecord>> units = new ArrayList<>();

		private final List<Row<StaffRecord>> staff = new ArrayList<>();

		private final List<Row<RoleRecord>> roles = new ArrayList<>();

		public Builder unit(Row<UnitRecord> row) {
			units.add(row);
			return this;
		}

		public Builder staff(Row<StaffRecord> row) {
			staff.add(row);
			return this;
		}

		public Builder role(Row<RoleRecord> row) {
			roles.add(row);
			return this;
		}

		public OrganisationChange build() {
			return new OrganisationChange(units, staff, roles);
		}

	}

}
