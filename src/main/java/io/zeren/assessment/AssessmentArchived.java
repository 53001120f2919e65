package io.zeren.assessment;

import java.time.Instant;

/**
 * A year's assessment result is final and archived (after notice, review and appeal). An INCOMPETENT grade
 * is a lead for the discipline office, and for a unit head it is a ground for accountability.
 *
 * @param finalGrade a {@link Grade} name: EXCELLENT, COMPETENT, BASICALLY_COMPETENT or INCOMPETENT
 * @param headOfUnit the unit the person heads, or null
 */
public record AssessmentArchived(long assessmentId, String username, String unitCode, int year, String finalGrade,
		String headOfUnit, Instant archivedAt) {
}
