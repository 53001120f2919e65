package io.zeren.discipline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Case policy an admin tunes, as policy durations the working calendar reads ("15WD" working days, "P90D"
 * calendar days, "P1M" a month).
 *
 * @param investigationLimit time for the investigation from the filing approval (审查调查期限)
 * @param extension how much one approved extension adds to the investigation deadline
 * @param supplementaryInvestigation time for a supplementary investigation after review sent the case back
 * @param appealWindow how long after delivery the subject may appeal (申诉期限); the decision is final after it
 * @param zone the agency's time zone, for dates in texts
 */
@ConfigurationProperties("zeren.discipline.cases")
public record CaseProperties(@DefaultValue("P90D") String investigationLimit, @DefaultValue("P30D") String extension,
		@DefaultValue("P30D") String supplementaryInvestigation, @DefaultValue("P1M") String appealWindow,
		@DefaultValue("Asia/Shanghai") String zone) {
}
