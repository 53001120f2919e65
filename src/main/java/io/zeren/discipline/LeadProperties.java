package io.zeren.discipline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Policy of the lead register ({@code zeren.discipline.leads}).
 *
 * @param recheckAfter how long a lead set aside (暂存待查) waits before it comes back to the office head for a
 *        new decision, as a policy duration ("P3M", "P90D", "60WD"); new information wakes it earlier
 */
@ConfigurationProperties("zeren.discipline.leads")
record LeadProperties(@DefaultValue("P3M") String recheckAfter) {
}
