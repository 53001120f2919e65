package io.zeren.discipline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accountability (问责) policy an admin tunes.
 *
 * @param rectificationThreshold overdue or failed rectifications of a unit in a year that open a matter
 * @param caseThreshold leads against a unit's staff proposed for filing in a year that open a matter
 * @param chainLevels supervisors above the unit head who answer too (0 = the head alone)
 * @param objectionWindow how long a leader may appeal the decision (a policy duration: "P1M", "15WD")
 * @param notifyRole the organisation role whose unit head is told of every decision (the political department)
 * @param zone the agency's time zone: which year a ground without a year of its own belongs to
 */
@ConfigurationProperties("zeren.discipline.accountability")
public record AccountabilityProperties(@DefaultValue("3") int rectificationThreshold, @DefaultValue("3") int caseThreshold,
		@DefaultValue("1") int chainLevels, @DefaultValue("P1M") String objectionWindow,
		@DefaultValue("POLITICAL") String notifyRole, @DefaultValue("Asia/Shanghai") String zone) {

	public AccountabilityProperties {
		if (rectificationThreshold < 1 || caseThreshold < 1) {
			throw new IllegalArgumentException("zeren.discipline.accountability thresholds must be at least 1");
		}
		if (chainLevels < 0) {
			throw new IllegalArgumentException("zeren.discipline.accountability.chain-levels must not be negative");
		}
	}

}
