package io.zeren.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the Camunda 7.24 create scripts lack, added after the engine has created or checked its schema
 * (Flyway runs before the engine's tables exist, so a migration cannot add them). Idempotent: an index
 * that exists under its name is left alone, so every start checks and a fresh database gets them on its
 * first start. Plain {@code create index} is valid on H2, PostgreSQL and Oracle; names stay under 30
 * characters. Measured effect in docs/performance.md.
 * <ul>
 * <li>{@code ACT_RU_TASK(PARENT_TASK_ID_)}: every task completion looks up subtasks by parent id;
 * without it, a full scan of the task table per completion.</li>
 * <li>{@code ACT_RU_JOB(DUEDATE_)}: job acquisition selects due jobs ordered by due date.</li>
 * <li>{@code ACT_RU_AUTHORIZATION(RESOURCE_TYPE_, RESOURCE_ID_)}: authorization checks of task queries
 * look up the task's grants by resource id (one grant row per assignee and candidate of every open task).</li>
 * <li>{@code ACT_HI_TASKINST(ASSIGNEE_, END_TIME_)}: 已办 (the workbench's /my/work) pages a person's completed
 * tasks newest first; without it, a scan of the whole task history per page (not yet measured).</li>
 * <li>{@code ACT_HI_PROCINST(START_USER_ID_, START_TIME_)}: 我发起的 pages the instances a person started, newest
 * first (not yet measured).</li>
 * </ul>
 */
public class EngineIndexes extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

	record Index(String name, String table, String columns) {
	}

	static final List<Index> INDEXES = List.of(new Index("ZR_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"),
			new Index("ZR_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_"),
			new Index("ZR_IDX_AUTH_RESOURCE", "ACT_RU_AUTHORIZATION", "RESOURCE_TYPE_, RESOURCE_ID_"),
			new Index("ZR_IDX_HI_TASK_ASSIGNEE", "ACT_HI_TASKINST", "ASSIGNEE_, END_TIME_"),
			new Index("ZR_IDX_HI_PROC_STARTER", "ACT_HI_PROCINST", "START_USER_ID_, START_TIME_"));

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
			.getProcessEngineConfiguration();
		ensure(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
	}

	/** Creates the missing indexes; returns how many were created. */
	public static int ensure(DataSource dataSource, String tablePrefix) {
		String prefix = tablePrefix == null ? "" : tablePrefix;
		int created = 0;
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try {
				for (Index index : INDEXES) {
					if (exists(connection, prefix, index)) {
						continue;
					}
					try (Statement sql = connection.createStatement()) {
						sql.execute("create index " + index.name() + " on " + prefix + index.table() + " ("
								+ index.columns() + ")");
						created++;
						log.info("Created engine index {} on {}({})", index.name(), index.table(), index.columns());
					}
				}
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not add the engine indexes " + INDEXES, ex);
		}
		return created;
	}

	private static boolean exists(Connection connection, String prefix, Index index) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		String table = prefix + index.table();
		String schema = prefix.contains(".") ? prefix.substring(0, prefix.indexOf('.')) : null;
		String bareTable = prefix.contains(".") ? index.table() : table;
		for (String name : List.of(bareTable.toUpperCase(Locale.ROOT), bareTable.toLowerCase(Locale.ROOT))) {
			String schemaName = schema == null ? null
					: name.equals(name.toUpperCase(Locale.ROOT)) ? schema.toUpperCase(Locale.ROOT) : schema.toLowerCase(Locale.ROOT);
			try (ResultSet rows = meta.getIndexInfo(null, schemaName, name, false, true)) {
				while (rows.next()) {
					String existing = rows.getString("INDEX_NAME");
					if (existing != null && existing.equalsIgnoreCase(index.name())) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
