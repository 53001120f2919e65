package io.zeren.settings;

import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.zeren.identity.SecurityAudit;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * Reading and changing the policy numbers administrators own: each change is checked (its kind, then every policy
 * record bound with it), saved with who made it, kept in the change history and on the security audit trail, and
 * applies on this node at once and on the others within {@code zeren.settings.refresh}.
 */
@Service
public class PolicySettings {

	static final String AUDIT_ACTION = "policy-changed";

	private final JdbcTemplate jdbc;

	private final PolicyOverrides overrides;

	private final PolicyBinder binder;

	private final SecurityAudit audit;

	private final PolicyChangeRepository changes;

	PolicySettings(JdbcTemplate jdbc, PolicyOverrides overrides, PolicyBinder binder, SecurityAudit audit,
			PolicyChangeRepository changes) {
		this.changes = changes;
		this.jdbc = jdbc;
		this.overrides = overrides;
		this.binder = binder;
		this.audit = audit;
	}

	/** One row of the page: the setting, the value in force, the default it overrides, who changed it last. */
	record Row(PolicyCatalogue.Setting setting, String value, String defaultValue, boolean overridden, String updatedBy,
			Instant updatedAt) {
	}

	record Change(String key, String oldValue, String newValue, String changedBy, Instant changedAt) {
	}

	@Transactional(readOnly = true)
	List<Row> rows() {
		Map<String, Map<String, Object>> saved = new LinkedHashMap<>();
		jdbc.queryForList("select setting_key, setting_value, updated_by, updated_at from zr_policy_setting")
			.forEach(row -> saved.put(String.valueOf(row.get("setting_key")), row));
		List<Row> rows = new ArrayList<>();
		for (PolicyCatalogue.Setting setting : PolicyCatalogue.SETTINGS) {
			String fallback = defaultValue(setting);
			Map<String, Object> row = saved.get(setting.key());
			if (row == null) {
				rows.add(new Row(setting, fallback, fallback, false, null, null));
			}
			else {
				rows.add(new Row(setting, String.valueOf(row.get("setting_value")), fallback, true,
						String.valueOf(row.get("updated_by")), instant(row.get("updated_at"))));
			}
		}
		return rows;
	}

	@Transactional(readOnly = true)
	List<Change> history(int limit) {
		return changes.findAllByOrderByChangedAtDescIdDesc(org.springframework.data.domain.PageRequest.of(0, limit))
			.stream()
			.map(change -> new Change(change.key, change.oldValue, change.newValue, change.changedBy, change.changedAt))
			.toList();
	}

	/** Saves {@code value} for {@code key}; refused whole with a Chinese sentence when it is not valid. */
	@Transactional
	public void set(String key, String value, String actor) {
		PolicyCatalogue.Setting setting = PolicyCatalogue.find(key)
			.orElseThrow(() -> new RuleViolationException(new Msg("settings.unknown", key)));
		String text = value == null ? "" : value.strip();
		Optional<Msg> invalid = PolicyCatalogue.invalid(setting, text);
		if (invalid.isPresent()) {
			throw new RuleViolationException(invalid.get());
		}
		Map<String, Object> candidate = new LinkedHashMap<>(overrides.values());
		candidate.put(key, text);
		tryBind(setting, candidate);
		String old = current(key);
		if (text.equals(old)) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now());
		int updated = jdbc.update("update zr_policy_setting set setting_value = ?, updated_by = ?, updated_at = ? "
				+ "where setting_key = ?", text, actor, now, key);
		if (updated == 0) {
			jdbc.update("insert into zr_policy_setting (setting_key, setting_value, updated_by, updated_at) "
					+ "values (?, ?, ?, ?)", key, text, actor, now);
		}
		recordChange(key, old, text, actor, now);
	}

	/** Removes the override of {@code key}: the YAML value applies again. */
	@Transactional
	public void reset(String key, String actor) {
		PolicyCatalogue.Setting setting = PolicyCatalogue.find(key)
			.orElseThrow(() -> new RuleViolationException(new Msg("settings.unknown", key)));
		String old = current(key);
		if (jdbc.update("delete from zr_policy_setting where setting_key = ?", key) > 0) {
			recordChange(setting.key(), old, null, actor, Timestamp.from(Instant.now()));
		}
	}

	private void recordChange(String key, String old, String value, String actor, Timestamp at) {
		changes.save(new PolicyChange(key, old, value, actor, at.toInstant()));
		audit.record(actor, AUDIT_ACTION, SecurityAudit.Outcome.ALLOWED, key, null,
				(old == null ? "-" : old) + " -> " + (value == null ? "(默认)" : value));
		// Other transactions (and this node's use cases) see the change once it is committed.
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					overrides.reload();
				}
			});
		}
		else {
			overrides.reload();
		}
	}

	/** Every policy record bound with the candidate overrides must still bind: its own checks hold. */
	private void tryBind(PolicyCatalogue.Setting setting, Map<String, Object> candidate) {
		Class<?> type = binder.bound().get(setting.prefix());
		if (type == null) {
			return;
		}
		try {
			binder.bindNow(setting.prefix(), type, candidate);
		}
		catch (BindException | IllegalArgumentException ex) {
			throw new RuleViolationException(new Msg("settings.invalid.rejected"));
		}
	}

	private String current(String key) {
		return overrides.values().get(key);
	}

	/** What applies without an override: the YAML value, else the policy record's own default. */
	private String defaultValue(PolicyCatalogue.Setting setting) {
		Class<?> type = binder.bound().get(setting.prefix());
		if (type == null) {
			return null;
		}
		Object record = binder.bindDefaults(setting.prefix(), type);
		String key = setting.key();
		String name = key.substring(setting.prefix().length() + 1);
		String mapKey = null;
		if (name.contains("[")) {
			mapKey = name.substring(name.indexOf('[') + 1, name.indexOf(']'));
			name = name.substring(0, name.indexOf('['));
		}
		String accessor = camel(name);
		for (RecordComponent component : type.getRecordComponents()) {
			if (component.getName().equals(accessor)) {
				try {
					component.getAccessor().setAccessible(true);
					Object value = component.getAccessor().invoke(record);
					if (mapKey != null) {
						value = value instanceof Map<?, ?> map ? map.get(mapKey) : null;
					}
					return value == null ? null : value.toString();
				}
				catch (ReflectiveOperationException ex) {
					return null;
				}
			}
		}
		return null;
	}

	private static String camel(String kebab) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		return value instanceof Instant instant ? instant : null;
	}

}
