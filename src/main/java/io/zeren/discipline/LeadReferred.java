package io.zeren.discipline;

/**
 * Something inside Zeren refers a matter to the discipline office as a lead (e.g. an accountability decision
 * that a leader be disciplined). The lead register takes it up once per (source, sourceRef).
 *
 * @param source a lead source code: REFERRAL, AUDIT, ...
 * @param sourceRef what it came from, unique per source (e.g. "accountability:12")
 * @param subject username concerned, or null for a unit
 * @param unitCode the unit concerned
 * @param summary what the lead is about (no informant identity)
 * @param referredBy username, or "system"
 */
public record LeadReferred(String source, String sourceRef, String subject, String unitCode, String summary,
		String referredBy) {
}
