package io.zeren.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grows the open-task population for the Tasklist query benchmark by cloning, with INSERT … SELECT, the
 * runtime rows of real instances the engine created (kick-off and completions): executions, tasks,
 * identity links and the task authorizations the engine grants assignees and candidates. Clone k
 * appends {@code .c<k>} to every id and reference (ids, process instance, execution, parent, task,
 * resource ids) and to every user and group (assignee, owner, identity links, authorizations), so a clone
 * is the task of another person in another unit of the same shape: a ten times larger organisation with
 * the same per-person and per-group selectivity. Variables, jobs and event subscriptions are not cloned:
 * the measured queries do not read them (docs/performance.md).
 */
public final class BulkTasks {

	/** Columns holding ids of runtime rows (suffixed per clone). */
	private static final Set<String> ID_COLUMNS = Set.of("ID_", "PROC_INST_ID_", "EXECUTION_ID_", "PARENT_ID_",
			"SUPER_EXEC_", "ROOT_PROC_INST_ID_", "TASK_ID_", "PARENT_TASK_ID_", "BUSINESS_KEY_",
			"RESOURCE_ID_");

	/** Columns holding users or groups (suffixed per clone). */
	private static final Set<String> PEOPLE_COLUMNS = Set.of("ASSIGNEE_", "OWNER_", "USER_ID_", "GROUP_ID_");

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	public BulkTasks(JdbcTemplate jdbc, boolean postgres) {
		this.jdbc = jdbc;
		this.postgres = postgres;
	}

	/** Clones the real instances of these process keys until at least {@code target} tasks are open. */
	public long fillTo(long target, String... processKeys) {
		String keys = List.of(processKeys).stream().map(key -> "'" + key + "'").collect(Collectors.joining(", "));
		String realInstances = "select e.ID_ from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ "
				+ "where e.PARENT_ID_ is null and d.KEY_ in (" + keys + ") and e.ID_ not like '%.c%'";
		long template = jdbc.queryForObject("select count(*) from ACT_RU_TASK where PROC_INST_ID_ in (" + realInstances
				+ ")", Long.class);
		if (template == 0) {
			throw new IllegalStateException("no real open tasks of " + keys + " to clone");
		}
		// While the population can double without passing the target, clone everything (real and cloned rows:
		// a clone of a clone is yet another person), then top up with clones of the real instances.
		String allInstances = realInstances.replace(" and e.ID_ not like '%.c%'", "");
		long open = openTasks();
		int k = nextClone();
		// H2 checks foreign keys row by row, so a cloned child execution can come before its cloned parent
		// within one INSERT ... SELECT; PostgreSQL checks at the end of the statement. The clones are complete
		// families, so H2's checking is switched off (for the whole database) while cloning.
		if (!postgres) {
			jdbc.execute("set referential_integrity false");
		}
		try {
			while (open < target) {
				cloneOnce(k++, open * 2 <= target ? allInstances : realInstances);
				open = openTasks();
			}
		}
		finally {
			if (!postgres) {
				jdbc.execute("set referential_integrity true");
			}
		}
		if (postgres) {
			for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION")) {
				jdbc.execute("analyze " + table.toLowerCase(Locale.ROOT));
			}
		}
		else {
			jdbc.execute("analyze");
		}
		return open;
	}

	public long openTasks() {
		return jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
	}

	private int nextClone() {
		// Clones of round k carry ".c<k>"; continue after the highest round present.
		List<String> ids = jdbc.queryForList("select ID_ from ACT_RU_TASK where ID_ like '%.c%'", String.class);
		int max = 0;
		for (String id : ids) {
			max = Math.max(max, Integer.parseInt(id.substring(id.lastIndexOf(".c") + 2)));
		}
		return max + 1;
	}

	private void cloneOnce(int k, String realInstances) {
		String suffix = "'.c" + k + "'";
		clone("ACT_RU_EXECUTION", suffix, "PROC_INST_ID_ in (" + realInstances + ")");
		clone("ACT_RU_TASK", suffix, "PROC_INST_ID_ in (" + realInstances + ")");
		clone("ACT_RU_IDENTITYLINK", suffix, "TASK_ID_ in (select ID_ from ACT_RU_TASK where PROC_INST_ID_ in ("
				+ realInstances + "))");
		clone("ACT_RU_AUTHORIZATION", suffix, "RESOURCE_TYPE_ = 7 and RESOURCE_ID_ in (select ID_ from ACT_RU_TASK "
				+ "where PROC_INST_ID_ in (" + realInstances + "))");
	}

	private void clone(String table, String suffix, String where) {
		List<String> columns = columns(table);
		List<String> select = new ArrayList<>();
		for (String column : columns) {
			if (ID_COLUMNS.contains(column) || PEOPLE_COLUMNS.contains(column)) {
				select.add("case when " + column + " is null then null else " + column + " || " + suffix + " end");
			}
			else {
				select.add(column);
			}
		}
		String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", select)
				+ " from " + table + " where " + where;
		jdbc.update(sql);
	}

	private List<String> columns(String table) {
		String name = postgres ? table.toLowerCase(Locale.ROOT) : table;
		return jdbc.queryForList("select column_name from information_schema.columns where table_name = ? "
				+ "order by ordinal_position", String.class, name)
			.stream().map(column -> column.toUpperCase(Locale.ROOT)).toList();
	}

}
