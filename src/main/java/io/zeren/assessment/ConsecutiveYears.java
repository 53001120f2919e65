package io.zeren.assessment;

import java.util.Map;

/** Consecutive-years rules over a person's final grades by year. Pure: no Spring, no persistence. */
final class ConsecutiveYears {

	private ConsecutiveYears() {
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
