package io.zeren.assessment;

import java.util.Locale;
import java.util.Optional;

/** 年度考核等次, best first. */
public enum Grade {

	EXCELLENT("优秀"), COMPETENT("称职"), BASICALLY_COMPETENT("基本称职"), INCOMPETENT("不称职");

	private final String label;

	Grade(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether this grade is no better than {@code cap}. */
	public boolean withinCap(Grade cap) {
		return cap == null || ordinal() >= cap.ordinal();
	}

	/** Reads a grade as people type it in a form: the code (EXCELLENT, excellent) or the Chinese label (优秀) or in English (basically competent). */
	public static Optional<Grade> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.trim();
		for (Grade grade : values()) {
			if (grade.name().equals(value.toUpperCase(Locale.ROOT)) || grade.label.equals(value)
					|| grade.name().replace('_', ' ').equalsIgnoreCase(value)) {
				return Optional.of(grade);
			}
		}
		return Optional.empty();
	}

}
