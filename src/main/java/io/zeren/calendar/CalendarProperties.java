package io.zeren.calendar;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone the agency's time zone: which day a moment falls on, and the time of day a deadline keeps
 * @param loadSample load the shipped sample calendar into years that have no data yet (demo only)
 * @param refresh how long a node trusts its in-memory copy of the calendar before reading it again; changes
 * made on this node apply at once, this bounds how long other nodes of a cluster lag behind
 */
@ConfigurationProperties("zeren.calendar")
record CalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("false") boolean loadSample,
		@DefaultValue("PT5M") Duration refresh) {
}
