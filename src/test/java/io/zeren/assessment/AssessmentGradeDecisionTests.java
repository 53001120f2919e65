package io.zeren.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grade table as admins ship it, evaluated by the DMN engine on its own. */
class AssessmentGradeDecisionTests {

	static DmnEngine engine;

	static DmnDecision grade;

	static DmnDecision cap;

	@BeforeAll
	static void parse() throws Exception {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream dmn = Files.newInputStream(Path.of("processes/assessment/assessment-grade.dmn"))) {
			List<DmnDecision> decisions = engine.parseDecisions(dmn);
			grade = decisions.stream().filter(d -> d.getKey().equals(AnnualAssessmentProcess.DECISION_GRADE)).findFirst().orElseThrow();
			cap = decisions.stream().filter(d -> d.getKey().equals("Decision_GradeCap")).findFirst().orElseThrow();
		}
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "NONE,EXCELLENT", "WARNING,COMPETENT", "DEMERIT,COMPETENT", "PARTY_WARNING,COMPETENT",
			"PARTY_SERIOUS_WARNING,COMPETENT", "MAJOR_DEMERIT,BASICALLY_COMPETENT", "DEMOTION,BASICALLY_COMPETENT",
			"REMOVAL_FROM_POST,BASICALLY_COMPETENT", "PARTY_PROBATION,BASICALLY_COMPETENT" })
	void shouldCapTheGradeBySanction(String sanction, String expected) {
		assertThat(engine.evaluateDecisionTable(cap, Map.of("sanction", sanction)).getSingleResult().<String>getEntry("gradeCap"))
			.isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{index}] sanction={0} proposed={1} votes={2} 优秀={3} 不称职={4} rect={5} overdue={6} → {7}")
	@CsvSource(nullValues = "null", value = {
			// sanction, proposed, votes, excellent share, incompetent share, failed rectifications, overdue, expected
			"NONE, EXCELLENT, 5, 0.8, 0.0, 0, 0, EXCELLENT",
			"NONE, EXCELLENT, 5, 0.5, 0.0, 0, 2, EXCELLENT",
			"NONE, EXCELLENT, 5, 0.4, 0.0, 0, 0, COMPETENT",
			"NONE, EXCELLENT, 5, 0.8, 0.0, 1, 0, COMPETENT",
			"NONE, EXCELLENT, 5, 0.8, 0.0, 0, 3, COMPETENT",
			"NONE, EXCELLENT, 0, null, null, 0, 0, EXCELLENT",
			"WARNING, EXCELLENT, 5, 1.0, 0.0, 0, 0, COMPETENT",
			"PARTY_WARNING, EXCELLENT, 5, 1.0, 0.0, 0, 0, COMPETENT",
			"MAJOR_DEMERIT, EXCELLENT, 5, 1.0, 0.0, 0, 0, BASICALLY_COMPETENT",
			"MAJOR_DEMERIT, COMPETENT, 5, 0.0, 0.0, 0, 0, BASICALLY_COMPETENT",
			"MAJOR_DEMERIT, INCOMPETENT, 5, 0.0, 0.0, 0, 0, INCOMPETENT",
			"NONE, COMPETENT, 5, 0.2, 0.0, 0, 0, COMPETENT",
			"NONE, COMPETENT, 5, 0.0, 0.0, 2, 0, BASICALLY_COMPETENT",
			"NONE, COMPETENT, 5, 0.0, 0.0, 0, 10, BASICALLY_COMPETENT",
			"NONE, COMPETENT, 5, 0.0, 0.4, 0, 0, BASICALLY_COMPETENT",
			"NONE, COMPETENT, 5, 0.0, 0.6, 0, 0, INCOMPETENT",
			"NONE, BASICALLY_COMPETENT, 5, 0.0, 0.0, 0, 0, BASICALLY_COMPETENT",
			"NONE, INCOMPETENT, 5, 0.8, 0.0, 0, 0, INCOMPETENT",
			"NONE, null, 0, null, null, 0, 0, COMPETENT" })
	void shouldRecommendAGrade(String sanction, String proposed, int votes, Double excellentShare, Double incompetentShare,
			int failed, int overdue, String expected) {
		DmnDecisionResultEntries result = evaluate(sanction, proposed, votes, excellentShare, incompetentShare, failed, overdue);
		assertThat(result.<String>getEntry("recommendedGrade")).isEqualTo(expected);
		assertThat(result.<String>getEntry("basis")).isNotBlank();
	}

	@Test
	void shouldNeverRecommendBetterThanTheCap() {
		String[] sanctions = { "NONE", "WARNING", "DEMERIT", "MAJOR_DEMERIT", "DEMOTION", "PARTY_PROBATION" };
		for (String sanction : sanctions) {
			Grade capGrade = Grade.valueOf(engine.evaluateDecisionTable(cap, Map.of("sanction", sanction))
				.getSingleResult().<String>getEntry("gradeCap"));
			for (Grade proposed : Grade.values()) {
				for (double share : new double[] { 0.0, 0.3, 0.5, 1.0 }) {
					for (int failed : new int[] { 0, 2 }) {
						String recommended = evaluate(sanction, proposed.name(), 6, share, 1.0 - share >= 0.5 ? 0.0 : 0.1,
								failed, 0).getEntry("recommendedGrade");
						assertThat(Grade.valueOf(recommended).withinCap(capGrade))
							.as("%s %s %s %s → %s", sanction, proposed, share, failed, recommended)
							.isTrue();
					}
				}
			}
		}
	}

	private static DmnDecisionResultEntries evaluate(String sanction, String proposed, int votes, Double excellentShare,
			Double incompetentShare, int failed, int overdue) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("sanction", sanction);
		variables.put("proposedGrade", proposed);
		variables.put("peerVotes", votes);
		variables.put("excellentVoteShare", excellentShare);
		variables.put("incompetentVoteShare", incompetentShare);
		variables.put("failedRectifications", failed);
		variables.put("overdueTasks", overdue);
		return engine.evaluateDecision(grade, variables).getSingleResult();
	}

}
