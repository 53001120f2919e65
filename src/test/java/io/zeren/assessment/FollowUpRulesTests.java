package io.zeren.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Consequences of a year's grade: merit citation, demotion by one level, dismissal review. */
class FollowUpRulesTests {

	@Test
	void shouldCiteMeritAfterThreeExcellentYearsInARow() {
		Map<Integer, Grade> grades = Map.of(2024, Grade.EXCELLENT, 2025, Grade.EXCELLENT, 2026, Grade.EXCELLENT);

		assertThat(ConsecutiveYears.due(grades, 2026, 3, 2))
			.containsExactly(new ConsecutiveYears.Due(FollowUp.Kind.MERIT_CITATION, 3));
		assertThat(ConsecutiveYears.due(grades, 2025, 3, 2)).isEmpty();
	}

	@Test
	void shouldDemoteAfterOneIncompetentYearAndReviewDismissalAfterTwo() {
		assertThat(ConsecutiveYears.due(Map.of(2025, Grade.COMPETENT, 2026, Grade.INCOMPETENT), 2026, 3, 2))
			.containsExactly(new ConsecutiveYears.Due(FollowUp.Kind.DEMOTION, 1));
		assertThat(ConsecutiveYears.due(Map.of(2025, Grade.INCOMPETENT, 2026, Grade.INCOMPETENT), 2026, 3, 2))
			.containsExactly(new ConsecutiveYears.Due(FollowUp.Kind.DISMISSAL_REVIEW, 2));
	}

	@Test
	void shouldRaiseNothingForOrdinaryYears() {
		assertThat(ConsecutiveYears.due(Map.of(2026, Grade.COMPETENT), 2026, 3, 2)).isEmpty();
		assertThat(ConsecutiveYears.due(Map.of(2026, Grade.BASICALLY_COMPETENT), 2026, 3, 2)).isEmpty();
	}

}
