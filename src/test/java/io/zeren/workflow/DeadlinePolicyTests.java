package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;

/**
 * The policy table is asked once per distinct question within the cache's TTL (each evaluation writes its
 * decision history), every time with TTL 0, and the overrides from Modeler win over the table.
 */
class DeadlinePolicyTests {

	private final DecisionService decisions = mock(DecisionService.class);

	private DeadlinePolicy policy(Duration ttl) {
		Map<String, Object> row = new HashMap<>();
		row.put("enabled", true);
		row.put("dueIn", "5WD");
		row.put("remindBefore", "1WD");
		row.put("escalateEvery", "2WD");
		row.put("escalationCap", 3);
		DmnDecisionRuleResult rule = mock(DmnDecisionRuleResult.class);
		when(rule.getEntryMap()).thenReturn(row);
		DmnDecisionTableResult result = mock(DmnDecisionTableResult.class);
		when(result.getSingleResult()).thenReturn(rule);
		when(decisions.evaluateDecisionTableByKey(eq(TaskDeadlineProcess.POLICY_DECISION), anyMap())).thenReturn(result);
		return new DeadlinePolicy(decisions, new DeadlineProperties(true, "standard", Duration.ofHours(4), "Asia/Shanghai",
				ttl, Duration.ofSeconds(30), "18:00"));
	}

	@Test
	void shouldAskTheTableOncePerQuestionWithinTheTtl() {
		DeadlinePolicy policy = policy(Duration.ofMinutes(5));

		DeadlinePolicy.Policy first = policy.forTask("PersonalResponsibility", "ReviewList", "CIVIL_SERVANT", Map.of());
		policy.forTask("PersonalResponsibility", "ReviewList", "CIVIL_SERVANT", Map.of());
		policy.forTask("PersonalResponsibility", "ReviewList", "CIVIL_SERVANT", Map.of());
		policy.forTask("PersonalResponsibility", "ReviewList", "AUXILIARY", Map.of());

		assertThat(first).isEqualTo(new DeadlinePolicy.Policy(true, "5WD", "1WD", "2WD", 3));
		verify(decisions, times(2)).evaluateDecisionTableByKey(any(String.class), anyMap());
	}

	@Test
	void shouldAskTheTableForEveryTaskWithTtlZero() {
		DeadlinePolicy policy = policy(Duration.ZERO);

		policy.forTask("PersonalResponsibility", "ReviewList", "CIVIL_SERVANT", Map.of());
		policy.forTask("PersonalResponsibility", "ReviewList", "CIVIL_SERVANT", Map.of());

		verify(decisions, times(2)).evaluateDecisionTableByKey(any(String.class), anyMap());
	}

	@Test
	void shouldLetTheOverridesOfATaskWinOverTheTable() {
		DeadlinePolicy policy = policy(Duration.ofMinutes(5));

		DeadlinePolicy.Policy overridden = policy.forTask("PersonalResponsibility", "ReviewList", null,
				Map.of(TaskDeadlineProcess.PROPERTY_DUE_IN, " 10WD ", TaskDeadlineProcess.PROPERTY_ESCALATION_CAP, "1",
						TaskDeadlineProcess.PROPERTY_ENABLED, "off"));

		assertThat(overridden).isEqualTo(new DeadlinePolicy.Policy(false, "10WD", "1WD", "2WD", 1));
	}

	@Test
	void shouldRefuseATableWithoutACatchAllRow() {
		DeadlinePolicy policy = policy(Duration.ofMinutes(5));
		DmnDecisionTableResult none = mock(DmnDecisionTableResult.class);
		when(decisions.evaluateDecisionTableByKey(eq(TaskDeadlineProcess.POLICY_DECISION), anyMap())).thenReturn(none);

		assertThatThrownBy(() -> policy.forTask("Unknown", "Task", null, Map.of()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("catch-all row");
	}

}
