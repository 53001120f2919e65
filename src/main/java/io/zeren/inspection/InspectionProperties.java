package io.zeren.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inspection policy an admin tunes.
 *
 * @param maxRejections verifications an inspector may reject before the rectification counts as failed
 * (one more rejection than this fails it)
 * @param defaultRectificationPeriod rectification deadline when a finding gives none, as the calendar reads
 * durations ("20WD" working days, "P30D")
 * @param selfReportBatchSize self-report processes started per transaction by the kick-off
 * @param zone the agency's zone: a deadline date ends at the end of that day there
 */
@ConfigurationProperties("zeren.inspection")
record InspectionProperties(@DefaultValue("2") int maxRejections, @DefaultValue("20WD") String defaultRectificationPeriod,
		@DefaultValue("100") int selfReportBatchSize, @DefaultValue("Asia/Shanghai") String zone) {
}
