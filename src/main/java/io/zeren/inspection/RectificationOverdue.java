package io.zeren.inspection;

import java.time.Instant;

/**
 * A rectification was not done by its deadline: the responsible person had not submitted accepted evidence
 * when the deadline passed. A lead for the discipline office. Published once per rectification.
 *
 * @param findingId the finding (also the rectification's and its process instance's business key)
 * @param unitCode the unit the finding is about (for a person: their unit)
 * @param responsible username of the person who answers for the rectification
 * @param year the inspection's year
 * @param reason in the product's default language
 */
public record RectificationOverdue(long findingId, String unitCode, String responsible, int year, String reason,
		Instant occurredAt) {
}
