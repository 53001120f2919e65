package io.zeren.assessment;

import java.time.Instant;

/** A consecutive-years consequence: MERIT_CITATION (三年优秀), DEMOTION (不称职) or DISMISSAL_REVIEW (连续两年不称职). */
public record FollowUpItem(String username, int year, String kind, String basis, Instant createdAt) {
}
