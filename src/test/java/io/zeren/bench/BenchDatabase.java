package io.zeren.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's own databases: {@code -Dbench.db=postgres} (default) creates them fresh on the local
 * PostgreSQL ({@code -Dbench.pg=jdbc:postgresql://127.0.0.1:5432/}, user postgres), {@code -Dbench.db=h2}
 * uses H2 files under target/bench-h2.
 */
public record BenchDatabase(String kind, String url, String user, String password, String driver) {

	public static final String PG_BASE = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");

	/**
	 * Driver parameters for both engines' connections (not the admin one), e.g.
	 * {@code -Dbench.pg-params=reWriteBatchedInserts=true}; empty by default.
	 */
	public static final String PG_PARAMS = System.getProperty("bench.pg-params", "");

	/**
	 * H2's parsed-statement cache per connection, for both engines: Zeren's default URL sets 256 (H2's own
	 * default is 8); {@code -Dbench.h2-query-cache=8} measures H2 as shipped.
	 */
	public static final int H2_QUERY_CACHE = Integer.getInteger("bench.h2-query-cache", 256);

	public static BenchDatabase fresh(String name) {
		String kind = System.getProperty("bench.db", "postgres");
		if ("h2".equals(kind)) {
			java.io.File dir = new java.io.File("target/bench-h2");
			for (String suffix : new String[] { ".mv.db", ".trace.db" }) {
				new java.io.File(dir, name + suffix).delete();
			}
			return new BenchDatabase("h2", "jdbc:h2:file:" + dir.getAbsolutePath() + "/" + name
					+ ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=" + H2_QUERY_CACHE, "sa", "", "org.h2.Driver");
		}
		if (!name.startsWith("zeren_bench")) {
			throw new IllegalArgumentException("the benchmark only creates databases named zeren_bench*");
		}
		try (Connection admin = DriverManager.getConnection(PG_BASE + "postgres", "postgres", "");
				Statement sql = admin.createStatement()) {
			sql.execute("drop database if exists " + name + " with (force)");
			sql.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create " + name + " on " + PG_BASE, ex);
		}
		String url = PG_BASE + name + (PG_PARAMS.isBlank() ? "" : "?" + PG_PARAMS);
		return new BenchDatabase("postgres", url, "postgres", "", "org.postgresql.Driver");
	}

	public boolean postgres() {
		return "postgres".equals(kind);
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url, user, password);
	}

}
