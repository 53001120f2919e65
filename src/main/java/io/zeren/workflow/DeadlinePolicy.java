package io.zeren.workflow;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import io.zeren.shared.NodeCache;

/**
 * Reads the policy for one user task from the DMN table admins edit, then applies the overrides an admin
 * put on that task in Modeler (camunda:properties zeren.*).
 */
@Component
class DeadlinePolicy {

	/** What the table says for one task. Durations as the calendar reads them ("5WD", "P30D", "PT4H"). */
	record Policy(boolean enabled, String dueIn, String remindBefore, String escalateEvery, int escalationCap) {
	}

	/** Most distinct (policy set, process, task, category) combinations kept; beyond it the least used go. */
	static final int CACHE_LIMIT = 10_000;

	private final DecisionService decisions;

	private final DeadlineProperties properties;

	/**
	 * Table rows by input, kept for zeren.deadline.policy-cache-ttl: every user task of a kick-off asks the
	 * same few questions, and each evaluation writes its decision history (about nine rows at history level
	 * full), which cost more than the task's own rows (docs/performance.md). An edited table takes effect
	 * within the TTL.
	 */
	private final NodeCache<String, Map<String, Object>> cache;

	DeadlinePolicy(DecisionService decisions, DeadlineProperties properties) {
		this.decisions = decisions;
		this.properties = properties;
		this.cache = new NodeCache<>(CACHE_LIMIT, properties.policyCacheTtl());
	}

	Policy forTask(String processKey, String taskKey, String staffCategory, Map<String, String> overrides) {
		Map<String, Object> row = tableRow(processKey, taskKey, staffCategory);
		boolean enabled = !Boolean.FALSE.equals(row.get("enabled"));
		String enabledOverride = overrides.get(TaskDeadlineProcess.PROPERTY_ENABLED);
		if (enabledOverride != null) {
			enabled = !("off".equalsIgnoreCase(enabledOverride) || "false".equalsIgnoreCase(enabledOverride));
		}
		Number cap = (Number) row.get("escalationCap");
		String capOverride = overrides.get(TaskDeadlineProcess.PROPERTY_ESCALATION_CAP);
		return new Policy(enabled, override(overrides, TaskDeadlineProcess.PROPERTY_DUE_IN, row.get("dueIn")),
				override(overrides, TaskDeadlineProcess.PROPERTY_REMIND_BEFORE, row.get("remindBefore")),
				override(overrides, TaskDeadlineProcess.PROPERTY_ESCALATE_EVERY, row.get("escalateEvery")),
				capOverride != null ? Integer.parseInt(capOverride.trim()) : cap == null ? 0 : cap.intValue());
	}

	private Map<String, Object> tableRow(String processKey, String taskKey, String staffCategory) {
		String key = properties.policySet() + "|" + processKey + "|" + taskKey + "|" + staffCategory;
		return cache.get(key, () -> evaluate(processKey, taskKey, staffCategory));
	}

	private Map<String, Object> evaluate(String processKey, String taskKey, String staffCategory) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("policySet", properties.policySet());
		inputs.put("processKey", processKey);
		inputs.put("taskKey", taskKey);
		inputs.put("staffCategory", staffCategory);
		DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(TaskDeadlineProcess.POLICY_DECISION, inputs)
			.getSingleResult();
		if (result == null) {
			throw new IllegalStateException("Decision_TaskDeadlinePolicy has no row for process " + processKey + ", task "
					+ taskKey + ", category " + staffCategory + ": keep a catch-all row at the bottom");
		}
		return java.util.Collections.unmodifiableMap(new HashMap<>(result.getEntryMap()));
	}

	private static String override(Map<String, String> overrides, String key, Object fromTable) {
		String value = overrides.get(key);
		return value != null && !value.isBlank() ? value.trim() : (String) fromTable;
	}

}
