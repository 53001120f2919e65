package io.zeren.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a generated organisation by SQL below the demo agency (unit AG): sub-agencies of about 5,000
 * staff, ten departments each, sections of twelve (a head and eleven members; -Dbench.section-size); every unit has a head.
 * Depth: AG → sub-agency → department → section (four levels, the supervisor chain of a section member is
 * three heads long). Usernames b000000…, units B01, B01-D03, B01-D03-S012. Camunda users, groups
 * (unit-…, head-…, zeren-staff) and memberships are written alike, every user with the password of
 * {@code passwordHash}/{@code salt} (copied from one user saved through the IdentityService).
 */
public final class OrgGenerator {

	public static final int SECTION_SIZE = Integer.getInteger("bench.section-size", 12);

	public static final int STAFF_PER_AGENCY = 5000;

	public static final int DEPARTMENTS_PER_AGENCY = 10;

	private static final long ID_BASE = 50_000_000L;

	public record Generated(int staff, int units, List<String> usernames) {
	}

	private final JdbcTemplate jdbc;

	private final List<Object[]> units = new ArrayList<>();

	private final List<Object[]> staff = new ArrayList<>();

	private final List<Object[]> heads = new ArrayList<>();

	private final List<Object[]> users = new ArrayList<>();

	private final List<Object[]> groups = new ArrayList<>();

	private final List<Object[]> memberships = new ArrayList<>();

	private final List<String> usernames = new ArrayList<>();

	private final Timestamp now = Timestamp.from(Instant.now());

	private final String passwordHash;

	private final String salt;

	private long nextUnitId = ID_BASE;

	private long nextStaffId = ID_BASE;

	public OrgGenerator(JdbcTemplate jdbc, String passwordHash, String salt) {
		this.jdbc = jdbc;
		this.passwordHash = passwordHash;
		this.salt = salt;
	}

	public Generated generate(int total) {
		long root = jdbc.queryForObject("select id from zr_unit where code = 'AG'", Long.class);
		int agencies = Math.max(1, Math.round(total / (float) STAFF_PER_AGENCY));
		int perDepartment = (int) Math.ceil(total / (double) agencies / DEPARTMENTS_PER_AGENCY);
		int sectionsPerDepartment = Math.max(1, (int) Math.ceil((perDepartment - 1) / (double) SECTION_SIZE));
		int sort = 100;
		outer: for (int a = 1; a <= agencies; a++) {
			String agency = String.format(Locale.ROOT, "B%02d", a);
			long agencyId = unit(agency, "基准分局" + a, "AGENCY", root, sort++);
			if (!member(agencyId, agency, true, total)) {
				break;
			}
			for (int d = 1; d <= DEPARTMENTS_PER_AGENCY; d++) {
				String department = String.format(Locale.ROOT, "%s-D%02d", agency, d);
				long departmentId = unit(department, "基准分局" + a + "第" + d + "处", "DEPARTMENT", agencyId, d);
				if (!member(departmentId, department, true, total)) {
					break outer;
				}
				for (int s = 1; s <= sectionsPerDepartment; s++) {
					String section = String.format(Locale.ROOT, "%s-S%03d", department, s);
					long sectionId = unit(section, "基准分局" + a + "第" + d + "处第" + s + "科", "SECTION", departmentId, s);
					for (int m = 0; m < SECTION_SIZE; m++) {
						if (!member(sectionId, section, m == 0, total)) {
							break outer;
						}
					}
				}
			}
		}
		jdbc.batchUpdate("insert into zr_unit (id, code, name, name_en, kind, parent_id, head_id, sort_no, active, "
				+ "version_no, created_at, updated_at) values (?, ?, ?, null, ?, ?, null, ?, 'Y', 0, ?, ?)", units);
		jdbc.batchUpdate("insert into zr_staff (id, username, full_name, unit_id, post, category, party_member, email, "
				+ "deputy, active, version_no, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'Y', ?, 'N', 'Y', 0, ?, ?)",
				staff);
		jdbc.batchUpdate("update zr_unit set head_id = ? where id = ?", heads);
		jdbc.batchUpdate("insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) values (?, 1, ?, ?)", groups);
		jdbc.batchUpdate("insert into ACT_ID_USER (ID_, REV_, FIRST_, LAST_, EMAIL_, PWD_, SALT_, ATTEMPTS_) "
				+ "values (?, 1, ?, '', ?, ?, ?, 0)", users);
		jdbc.batchUpdate("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)", memberships);
		// The grants the IdentityService writes with a user or group (DefaultAuthorizationProvider): members read
		// their group (Tasklist's candidate-user filter resolves the user's groups through it), a user owns
		// their user. Without them a generated unit head sees no group tasks through the engine REST API.
		List<Object[]> grants = new ArrayList<>();
		for (Object[] group : groups) {
			grants.add(new Object[] { "bench-g-" + group[0], null, group[0], 2, group[0], 2 });
		}
		for (Object[] user : users) {
			grants.add(new Object[] { "bench-u-" + user[0], user[0], null, 1, user[0], Integer.MAX_VALUE });
		}
		jdbc.batchUpdate("insert into ACT_RU_AUTHORIZATION (ID_, TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, "
				+ "PERMS_, REV_) values (?, 1, ?, ?, ?, ?, ?, 1)", grants);
		return new Generated(staff.size(), units.size(), usernames);
	}

	private long unit(String code, String name, String kind, long parent, int sort) {
		long id = nextUnitId++;
		units.add(new Object[] { id, code, name, kind, parent, sort, now, now });
		String lower = code.toLowerCase(Locale.ROOT);
		groups.add(new Object[] { "unit-" + lower, name, "zeren-unit" });
		groups.add(new Object[] { "head-" + lower, name + "负责人", "zeren-head" });
		return id;
	}

	private boolean member(long unitId, String unitCode, boolean head, int total) {
		if (staff.size() >= total) {
			return false;
		}
		long id = nextStaffId++;
		String username = String.format(Locale.ROOT, "b%06d", staff.size());
		String category = head ? "LEADING_CADRE" : staff.size() % 5 == 0 ? "PROFESSIONAL_TECHNICAL" : "NON_LEADING_CADRE";
		staff.add(new Object[] { id, username, "基准" + username, unitId, head ? "负责人" : "科员", category,
				username + "@bench.example", now, now });
		users.add(new Object[] { username, "基准" + username, username + "@bench.example", passwordHash, salt });
		String lower = unitCode.toLowerCase(Locale.ROOT);
		memberships.add(new Object[] { username, "zeren-staff" });
		memberships.add(new Object[] { username, "unit-" + lower });
		if (head) {
			heads.add(new Object[] { id, unitId });
			memberships.add(new Object[] { username, "head-" + lower });
		}
		usernames.add(username);
		return true;
	}

}
