package io.zeren.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Consecutive-years rules over a person's final grades by year. Pure: no Spring, no persistence. */
final class ConsecutiveYears {

	private ConsecutiveYears() {
	}

	/** A consequence due this year and the length of the streak behind it. */
	record Due(FollowUp.Kind kind, int years) {
	}

	/**
	 * The consequences of {@code year}'s grade: a merit citation after {@code meritYears} 优秀 in a row;
	 * for 不称职 a dismissal review after {@code dismissalYears} in a row, else demotion by one level.
	 */
	static List<Due> due(Map<Integer, Grade> gradesByYear, int year, int meritYears, int dismissalYears) {
		List<Due> due = new ArrayList<>();
		int excellent = streak(gradesByYear, year, Grade.EXCELLENT);
		if (excellent >= meritYears) {
			due.add(new Due(FollowUp.Kind.MERIT_CITATION, excellent));
		}
		int incompetent = streak(gradesByYear, year, Grade.INCOMPETENT);
		if (incompetent >= dismissalYears) {
			due.add(new Due(FollowUp.Kind.DISMISSAL_REVIEW, incompetent));
		}
		else if (incompetent >= 1) {
			due.add(new Due(FollowUp.Kind.DEMOTION, incompetent));
		}
		return due;
	}

	/** How many years in a row, ending with {@code year}, carry {@code grade}. */
	static int streak(Map<Integer, Grade> gradesByYear, int year, Grade grade) {
		int count = 0;
		for (int y = year; grade == gradesByYear.get(y); y--) {
			count++;
		}
		return count;
	}

}
