package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four-forms table as admins ship it, evaluated by the DMN engine on its own: every row, and only one per input. */
class DisciplineOutcomeDecisionTests {

	static DmnEngine engine;

	static DmnDecision decision;

	@BeforeAll
	static void parse() throws Exception {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream dmn = Files.newInputStream(Path.of("processes/discipline/discipline-outcome.dmn"))) {
			decision = engine.parseDecision("Decision_DisciplineOutcome", dmn);
		}
	}

	@ParameterizedTest(name = "{0} / {1} / party member {2} → form {3}, {4}")
	@CsvSource({
			// severity, circumstances, party member, form, outcome
			"CRIMINAL, NONE, true, 4, REFER_TO_JUDICIARY",
			"CRIMINAL, MITIGATING, false, 4, REFER_TO_JUDICIARY",
			"GRAVE, AGGRAVATING, true, 3, PARTY_EXPULSION",
			"GRAVE, AGGRAVATING, false, 3, DISMISSAL",
			"GRAVE, NONE, true, 3, PARTY_PROBATION",
			"GRAVE, NONE, false, 3, REMOVAL_FROM_POST",
			"GRAVE, MITIGATING, true, 3, PARTY_POST_REMOVAL",
			"GRAVE, MITIGATING, false, 3, DEMOTION",
			"SERIOUS, AGGRAVATING, true, 2, PARTY_SERIOUS_WARNING",
			"SERIOUS, AGGRAVATING, false, 2, MAJOR_DEMERIT",
			"SERIOUS, NONE, true, 2, PARTY_WARNING",
			"SERIOUS, NONE, false, 2, DEMERIT",
			"SERIOUS, MITIGATING, true, 2, ORGANISATIONAL_HANDLING",
			"SERIOUS, MITIGATING, false, 2, WARNING",
			"MINOR, AGGRAVATING, true, 1, ADMONITION",
			"MINOR, NONE, false, 1, CRITICISM",
			"MINOR, MITIGATING, true, 1, EXEMPT" })
	void shouldSuggestTheFormAndOutcome(String severity, String circumstances, boolean partyMember, int form,
			String outcome) {
		DmnDecisionRuleResult result = evaluate(severity, circumstances, partyMember);
		assertThat(result.<Integer>getEntry("form")).isEqualTo(form);
		assertThat(result.<String>getEntry("outcome")).isEqualTo(outcome);
	}

	@Test
	void shouldSuggestEveryOutcomeTheCaseKnowsAndOnlyThose() {
		Set<String> suggested = new HashSet<>();
		for (Severity severity : Severity.values()) {
			for (Circumstances circumstances : Circumstances.values()) {
				for (boolean party : new boolean[] { true, false }) {
					// Hit policy UNIQUE: a second matching row would throw here.
					String outcome = evaluate(severity.name(), circumstances.name(), party).getEntry("outcome");
					assertThat(CaseOutcome.parse(outcome)).as(outcome).isPresent();
					suggested.add(outcome);
				}
			}
		}
		assertThat(suggested).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(CaseOutcome.values()).map(Enum::name).toList());
	}

	private static DmnDecisionRuleResult evaluate(String severity, String circumstances, boolean partyMember) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("severity", severity);
		inputs.put("circumstances", circumstances);
		inputs.put("partyMember", partyMember);
		return engine.evaluateDecisionTable(decision, inputs).getSingleResult();
	}

}
