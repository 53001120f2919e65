package io.zeren.inspection;

import java.time.Instant;

/**
 * A rectification failed: the inspector rejected its evidence more often than policy allows
 * ({@code zeren.inspection.max-rejections}), or closed it as failed. A lead for the discipline office.
 * Published once per rectification.
 *
 * @param findingId the finding (also the rectification's and its process instance's business key)
 * @param unitCode the unit the finding is about (for a person: their unit)
 * @param responsible username of the person who answers for the rectification
 * @param year the inspection's year
 * @param reason in the product's default language
 */
public record RectificationFailed(long findingId, String unitCode, String responsible, int year, String reason,
		Instant occurredAt) {
}
