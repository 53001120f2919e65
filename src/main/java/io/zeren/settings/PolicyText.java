package io.zeren.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/** A policy value as a person reads it: "5WD" → 5 个工作日, "P18M" → 18 个月, "0.20" → 20%, "2/3" → 三分之二 as 2/3. */
final class PolicyText {

	private static final Pattern WORKING_DAYS = Pattern.compile("\\s*(\\d+)\\s*WD\\s*", Pattern.CASE_INSENSITIVE);

	private PolicyText() {
	}

	static String describe(PolicyCatalogue.Kind kind, String value, MessageSource messages, Locale locale) {
		if (value == null || value.isBlank()) {
			return "";
		}
		try {
			return switch (kind) {
				case SHARE -> new BigDecimal(value.strip()).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
				case FRACTION -> value.contains("/") ? value.strip()
						: new BigDecimal(value.strip()).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
				case COUNT, TIME -> value.strip();
				case DURATION, PERIOD -> duration(value.strip(), messages, locale);
			};
		}
		catch (RuntimeException ex) {
			return value;
		}
	}

	private static String duration(String value, MessageSource messages, Locale locale) {
		Matcher workingDays = WORKING_DAYS.matcher(value);
		if (workingDays.matches()) {
			return messages.getMessage("settings.unit.working-days", new Object[] { workingDays.group(1) }, locale);
		}
		String upper = value.toUpperCase(Locale.ROOT);
		if (upper.contains("T")) {
			Duration duration = Duration.parse(upper);
			List<String> parts = new ArrayList<>();
			add(parts, duration.toDaysPart(), "settings.unit.days", messages, locale);
			add(parts, duration.toHoursPart(), "settings.unit.hours", messages, locale);
			add(parts, duration.toMinutesPart(), "settings.unit.minutes", messages, locale);
			return String.join(" ", parts);
		}
		Period period = Period.parse(upper);
		List<String> parts = new ArrayList<>();
		add(parts, period.getYears(), "settings.unit.years", messages, locale);
		add(parts, period.getMonths(), "settings.unit.months", messages, locale);
		add(parts, period.getDays(), "settings.unit.days", messages, locale);
		return String.join(" ", parts);
	}

	private static void add(List<String> parts, long amount, String key, MessageSource messages, Locale locale) {
		if (amount != 0) {
			parts.add(messages.getMessage(key, new Object[] { Long.toString(amount) }, locale));
		}
	}

}
