package io.zeren.calendar;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What makes a day special in the national calendar. */
public enum DayKind {

	/** A day off: a public holiday, or a weekday or weekend day inside a holiday period. */
	HOLIDAY("放假", "休", "休息", "假"),

	/** A Saturday or Sunday made a working day to bridge a holiday (调休上班). */
	WORKDAY("调休上班", "上班", "补班", "班");

	private final String label;

	private final List<String> aliases;

	DayKind(String label, String... aliases) {
		this.label = label;
		this.aliases = List.of(aliases);
	}

	/** The Chinese name, as a CSV file or a form shows it. */
	public String label() {
		return label;
	}

	/** By English constant (any case) or Chinese name, e.g. "WORKDAY", "holiday", "放假", "调休上班". */
	public static Optional<DayKind> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String wanted = text.strip();
		for (DayKind kind : values()) {
			if (kind.name().equals(wanted.toUpperCase(Locale.ROOT)) || kind.label.equals(wanted)
					|| kind.aliases.contains(wanted)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	@JsonCreator
	static DayKind fromJson(String text) {
		return parse(text).orElseThrow(() -> new IllegalArgumentException(
				"Unknown day kind \"" + text + "\": expected HOLIDAY (放假) or WORKDAY (调休上班)"));
	}

}
