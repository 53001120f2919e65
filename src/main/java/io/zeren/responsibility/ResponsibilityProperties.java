package io.zeren.responsibility;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param kickoffBatchSize staff members issued per kick-off transaction
 * @param unitListBatchSize units whose list confirmation (UnitListProcess) starts per transaction after approval
 * @param quarterlyChecks whether unit heads run quarterly regular checks (平时考核) on signed lists
 * @param zone the agency's zone: which year "now" is in, and the time of day quarterly checks fall due
 */
@ConfigurationProperties("zeren.responsibility")
record ResponsibilityProperties(@DefaultValue("200") int kickoffBatchSize, @DefaultValue("100") int unitListBatchSize,
		@DefaultValue("false") boolean quarterlyChecks,
		@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
