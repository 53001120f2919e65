package io.zeren.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments as pages show them: {@code yyyy-MM-dd HH:mm} in the agency's zone (not the server's). */
public record PageTimes(ZoneId zone) {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public String at(Instant instant) {
		return instant == null ? "" : MINUTES.format(instant.atZone(zone));
	}

}
