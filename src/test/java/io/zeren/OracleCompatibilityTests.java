package io.zeren;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * No Oracle server runs here, so our migrations run on H2 in Oracle mode with the oracle profile's
 * placeholders, and every identifier we create is checked against Oracle's reserved words and its
 * classic 30-character limit (still the limit below 12.2 and with COMPATIBLE &lt; 12.2).
 */
class OracleCompatibilityTests {

	/** Oracle SQL reserved words (Oracle Database SQL Language Reference, appendix D). */
	static final Set<String> RESERVED = Set.of("ACCESS", "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "AUDIT",
			"BETWEEN", "BY", "CHAR", "CHECK", "CLUSTER", "COLUMN", "COLUMN_VALUE", "COMMENT", "COMPRESS", "CONNECT",
			"CREATE", "CURRENT", "DATE", "DECIMAL", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "EXCLUSIVE",
			"EXISTS", "FILE", "FLOAT", "FOR", "FROM", "GRANT", "GROUP", "HAVING", "IDENTIFIED", "IMMEDIATE", "IN",
			"INCREMENT", "INDEX", "INITIAL", "INSERT", "INTEGER", "INTERSECT", "INTO", "IS", "LEVEL", "LIKE", "LOCK",
			"LONG", "MAXEXTENTS", "MINUS", "MLSLABEL", "MODE", "MODIFY", "NESTED_TABLE_ID", "NOAUDIT", "NOCOMPRESS",
			"NOT", "NOWAIT", "NULL", "NUMBER", "OF", "OFFLINE", "ON", "ONLINE", "OPTION", "OR", "ORDER", "PCTFREE",
			"PRIOR", "PUBLIC", "RAW", "RENAME", "RESOURCE", "REVOKE", "ROW", "ROWID", "ROWNUM", "ROWS", "SELECT",
			"SESSION", "SET", "SHARE", "SIZE", "SMALLINT", "START", "SUCCESSFUL", "SYNONYM", "SYSDATE", "TABLE", "THEN",
			"TO", "TRIGGER", "UID", "UNION", "UNIQUE", "UPDATE", "USER", "VALIDATE", "VALUES", "VARCHAR", "VARCHAR2",
			"VIEW", "WHENEVER", "WHERE", "WITH");

	static JdbcTemplate jdbc;

	@BeforeAll
	static void migrateInOracleMode() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:oracle-compat;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/oracle")
			.failOnMissingLocations(false)
			.table("zr_schema_history")
			.placeholders(Map.of("bigint", "NUMBER(19)", "blob", "BLOB"))
			.load()
			.migrate();
		jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void shouldCreateOurTablesInOracleMode() {
		assertThat(names("select table_name from information_schema.tables where table_schema = 'PUBLIC'"))
			.contains("ZR_UNIT", "ZR_STAFF", "ZR_ORG_ROLE", "ZR_IMPORT_RUN", "ZR_MAIL_OUTBOX", "ZR_MAIL_PART", "ZR_MAIL_PREF");
	}

	@Test
	void shouldUseNoOracleReservedWordAndNoIdentifierLongerThan30() {
		List<String> identifiers = new java.util.ArrayList<>();
		identifiers.addAll(names("select table_name from information_schema.tables where table_schema = 'PUBLIC'"));
		identifiers.addAll(names("select column_name from information_schema.columns where table_schema = 'PUBLIC'"));
		identifiers.addAll(names("select index_name from information_schema.indexes where table_schema = 'PUBLIC'"));
		identifiers.addAll(names(
				"select constraint_name from information_schema.table_constraints where table_schema = 'PUBLIC'"));
		identifiers.addAll(names("select sequence_name from information_schema.sequences where sequence_schema = 'PUBLIC'"));

		assertThat(identifiers).hasSizeGreaterThan(40);
		assertThat(identifiers).allSatisfy(name -> {
			assertThat(RESERVED).as("Oracle reserved word used as identifier").doesNotContain(name.toUpperCase());
			assertThat(name.length()).as("length of " + name).isLessThanOrEqualTo(30);
		});
	}

	private static List<String> names(String sql) {
		return jdbc.queryForList(sql, String.class);
	}

}
