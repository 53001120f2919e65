package io.zeren.settings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The saved overrides as a property source in front of every other (so {@code Environment} and configuration binding
 * see them), read from {@code zr_policy_setting}: at first use, at once after a change made on this node, and when the
 * table changed on another node (checked every {@code zeren.settings.refresh}, 30 s by default).
 */
@Component
class PolicyOverrides {

	static final String SOURCE = "zeren-policy-settings";

	private static final Logger log = LoggerFactory.getLogger(PolicyOverrides.class);

	private final JdbcTemplate jdbc;

	private final MapPropertySource source = new MapPropertySource(SOURCE, new LinkedHashMap<>());

	private final AtomicLong version = new AtomicLong();

	private volatile String fingerprint;

	private volatile boolean loaded;

	PolicyOverrides(JdbcTemplate jdbc, ConfigurableEnvironment environment) {
		this.jdbc = jdbc;
		environment.getPropertySources().addFirst(source);
	}

	/** Increases with every change of the overrides this node has seen: bound policies are cached per version. */
	long version() {
		if (!loaded) {
			reload();
		}
		return version.get();
	}

	Map<String, String> values() {
		version();
		Map<String, String> values = new LinkedHashMap<>();
		source.getSource().forEach((key, value) -> values.put(key, String.valueOf(value)));
		return values;
	}

	MapPropertySource source() {
		return source;
	}

	/** Reads the table again (after a change on this node, or when another node's change was noticed). */
	synchronized void reload() {
		List<Map<String, Object>> rows;
		try {
			rows = jdbc.queryForList("select setting_key, setting_value from zr_policy_setting order by setting_key");
			fingerprint = fingerprint();
		}
		catch (DataAccessException ex) {
			// Before the schema exists (first start) or while the database is away: keep what is known, try again later.
			log.debug("Policy settings not readable yet: {}", ex.getMessage());
			return;
		}
		Map<String, Object> fresh = new LinkedHashMap<>();
		rows.forEach(row -> fresh.put(String.valueOf(row.get("setting_key")), String.valueOf(row.get("setting_value"))));
		if (!fresh.equals(source.getSource()) || !loaded) {
			source.getSource().clear();
			source.getSource().putAll(fresh);
			version.incrementAndGet();
		}
		loaded = true;
	}

	/** Another node's change: the row count or the latest change time moved. */
	@Scheduled(fixedDelayString = "${zeren.settings.refresh:PT30S}", initialDelayString = "${zeren.settings.refresh:PT30S}")
	void poll() {
		try {
			if (!loaded || !fingerprint().equals(fingerprint)) {
				reload();
			}
		}
		catch (DataAccessException ex) {
			log.debug("Policy settings not readable: {}", ex.getMessage());
		}
	}

	private String fingerprint() {
		Map<String, Object> row = jdbc.queryForMap(
				"select count(*) as n, max(updated_at) as latest from zr_policy_setting");
		Object latest = row.get("latest");
		return row.get("n") + "/" + (latest == null ? "-" : latest instanceof java.sql.Timestamp t ? t.toInstant()
				: latest instanceof Instant i ? i : latest.toString());
	}

}
