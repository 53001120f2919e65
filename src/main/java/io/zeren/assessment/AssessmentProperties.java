package io.zeren.assessment;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Assessment policy an admin tunes. Grade rules are in processes/assessment/assessment-grade.dmn; durations
 * are policy durations the working calendar reads ("5WD" working days, "P30D" calendar days).
 *
 * @param excellentQuota largest share of those assessed in a unit that may be graded 优秀 (see {@link ExcellentQuota})
 * @param peerCompletionShare democratic evaluation ends once this share of a person's peers has voted ("2/3" or "0.6")
 * @param peerWindow democratic evaluation ends at the latest after this window
 * @param publicity how long the 优秀 list is publicised for objections
 * @param reviewWindow a person may request a review (复核) within this time after the notice
 * @param reviewDecision the committee decides a review within this time (the task's due date)
 * @param appealWindow a person may appeal (申诉) within this time after the review decision
 * @param appealDecision the appeal is decided within this time
 * @param meritCitationYears consecutive 优秀 years that flag a merit citation
 * @param dismissalReviewYears consecutive 不称职 years that flag a dismissal review
 * @param autoStartCommittee start a unit's committee review as soon as all its people reached it
 * @param zone the agency's time zone: which calendar year a task belongs to
 */
@ConfigurationProperties("zeren.assessment")
public record AssessmentProperties(@DefaultValue("0.20") BigDecimal excellentQuota,
		@DefaultValue("2/3") String peerCompletionShare, @DefaultValue("5WD") String peerWindow,
		@DefaultValue("5WD") String publicity, @DefaultValue("P30D") String reviewWindow,
		@DefaultValue("P30D") String reviewDecision, @DefaultValue("P15D") String appealWindow,
		@DefaultValue("P60D") String appealDecision, @DefaultValue("3") int meritCitationYears,
		@DefaultValue("2") int dismissalReviewYears, @DefaultValue("true") boolean autoStartCommittee,
		@DefaultValue("Asia/Shanghai") String zone) {
}
