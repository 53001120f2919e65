package io.zeren.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zeren.calendar.WorkingCalendar;
import io.zeren.shared.Msg;

/**
 * Which policy numbers administrators own, grouped as the page shows them, each with its kind (what a valid value
 * looks like). Everything else in the YAML (zones, numbering patterns, batch sizes) is operations, not policy.
 */
final class PolicyCatalogue {

	enum Kind {

		/** A share of people, 0 < x ≤ 1 ("0.20"). */
		SHARE,
		/** A fraction or decimal, 0 < x ≤ 1 ("2/3", "0.6"). */
		FRACTION,
		/** A policy duration: working days or ISO-8601 ("5WD", "P30D", "PT4H"). */
		DURATION,
		/** An ISO-8601 period or duration ("P6M", "P1Y", "PT20M"). */
		PERIOD,
		/** A whole number at least {@link Setting#min()}. */
		COUNT,
		/** A time of day ("18:00", "17:30"). */
		TIME

	}

	/**
	 * One editable setting: its property key, its label (message key and an optional argument that is itself a message
	 * key), its group and kind.
	 */
	record Setting(String key, String group, String label, String labelArgument, Kind kind, int min) {

		/** The policy record's prefix this key belongs to, e.g. "zeren.assessment". */
		String prefix() {
			String base = key.contains("[") ? key.substring(0, key.indexOf('[')) : key;
			return base.substring(0, base.lastIndexOf('.'));
		}

	}

	static final List<String> SANCTIONS = List.of("WARNING", "DEMERIT", "MAJOR_DEMERIT", "DEMOTION", "REMOVAL_FROM_POST",
			"PARTY_WARNING", "PARTY_SERIOUS_WARNING", "PARTY_POST_REMOVAL", "PARTY_PROBATION", "ADMONITION",
			"ORGANISATIONAL_HANDLING");

	static final List<String> PROMOTION_BLOCKS = List.of("PARTY_WARNING", "PARTY_SERIOUS_WARNING", "PARTY_POST_REMOVAL",
			"PARTY_PROBATION", "ADMONITION", "ORGANISATIONAL_HANDLING");

	static final List<Setting> SETTINGS = settings();

	private static final Pattern FRACTION = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

	private PolicyCatalogue() {
	}

	private static List<Setting> settings() {
		List<Setting> all = new ArrayList<>();
		String assessment = "settings.group.assessment";
		all.add(new Setting("zeren.assessment.excellent-quota", assessment, "settings.assessment.excellent-quota", null, Kind.SHARE, 0));
		all.add(new Setting("zeren.assessment.peer-completion-share", assessment, "settings.assessment.peer-completion-share", null, Kind.FRACTION, 0));
		all.add(new Setting("zeren.assessment.peer-window", assessment, "settings.assessment.peer-window", null, Kind.DURATION, 0));
		all.add(new Setting("zeren.assessment.publicity", assessment, "settings.assessment.publicity", null, Kind.DURATION, 0));
		all.add(new Setting("zeren.assessment.review-window", assessment, "settings.assessment.review-window", null, Kind.DURATION, 0));
		all.add(new Setting("zeren.assessment.review-decision", assessment, "settings.assessment.review-decision", null, Kind.DURATION, 0));
		all.add(new Setting("zeren.assessment.appeal-window", assessment, "settings.assessment.appeal-window", null, Kind.DURATION, 0));
		all.add(new Setting("zeren.assessment.appeal-decision", assessment, "settings.assessment.appeal-decision", null, Kind.DURATION, 0));
		all.add(new Setting("zeren.assessment.merit-citation-years", assessment, "settings.assessment.merit-citation-years", null, Kind.COUNT, 1));
		all.add(new Setting("zeren.assessment.dismissal-review-years", assessment, "settings.assessment.dismissal-review-years", null, Kind.COUNT, 1));
		String inspection = "settings.group.inspection";
		all.add(new Setting("zeren.inspection.max-rejections", inspection, "settings.inspection.max-rejections", null, Kind.COUNT, 0));
		all.add(new Setting("zeren.inspection.default-rectification-period", inspection, "settings.inspection.default-rectification-period", null, Kind.DURATION, 0));
		String discipline = "settings.group.discipline";
		all.add(new Setting("zeren.discipline.leads.recheck-after", discipline, "settings.discipline.recheck-after", null, Kind.DURATION, 0));
		all.add(new Setting("zeren.discipline.cases.investigation-limit", discipline, "settings.discipline.investigation-limit", null, Kind.DURATION, 0));
		all.add(new Setting("zeren.discipline.cases.extension", discipline, "settings.discipline.extension", null, Kind.DURATION, 0));
		all.add(new Setting("zeren.discipline.cases.supplementary-investigation", discipline, "settings.discipline.supplementary-investigation", null, Kind.DURATION, 0));
		all.add(new Setting("zeren.discipline.cases.appeal-window", discipline, "settings.discipline.appeal-window", null, Kind.DURATION, 0));
		String accountability = "settings.group.accountability";
		all.add(new Setting("zeren.discipline.accountability.rectification-threshold", accountability, "settings.accountability.rectification-threshold", null, Kind.COUNT, 1));
		all.add(new Setting("zeren.discipline.accountability.case-threshold", accountability, "settings.accountability.case-threshold", null, Kind.COUNT, 1));
		all.add(new Setting("zeren.discipline.accountability.chain-levels", accountability, "settings.accountability.chain-levels", null, Kind.COUNT, 0));
		all.add(new Setting("zeren.discipline.accountability.objection-window", accountability, "settings.accountability.objection-window", null, Kind.DURATION, 0));
		String deadlines = "settings.group.deadline";
		all.add(new Setting("zeren.deadline.workday-end", deadlines, "settings.deadline.workday-end", null, Kind.TIME, 0));
		String sanctions = "settings.group.sanctions";
		for (String code : SANCTIONS) {
			all.add(new Setting("zeren.discipline.sanctions.periods[" + code + "]", sanctions, "settings.sanctions.period",
					"discipline.outcome." + code, Kind.PERIOD, 0));
		}
		for (String code : PROMOTION_BLOCKS) {
			all.add(new Setting("zeren.discipline.sanctions.promotion-blocks[" + code + "]", sanctions,
					"settings.sanctions.promotion-block", "discipline.outcome." + code, Kind.PERIOD, 0));
		}
		return List.copyOf(all);
	}

	static Optional<Setting> find(String key) {
		return SETTINGS.stream().filter(setting -> setting.key().equals(key)).findFirst();
	}

	/** Why {@code value} is not a valid value of {@code setting}, or empty when it is. */
	static Optional<Msg> invalid(Setting setting, String value) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			return Optional.of(new Msg("settings.invalid.empty"));
		}
		return switch (setting.kind()) {
			case SHARE -> decimal(text).filter(share -> share.signum() > 0 && share.compareTo(BigDecimal.ONE) <= 0)
				.isPresent() ? Optional.empty() : Optional.of(new Msg("settings.invalid.share"));
			case FRACTION -> fraction(text) ? Optional.empty() : Optional.of(new Msg("settings.invalid.fraction"));
			case DURATION -> WorkingCalendar.isPolicyDuration(text) ? Optional.empty()
					: Optional.of(new Msg("settings.invalid.duration"));
			case PERIOD -> period(text) ? Optional.empty() : Optional.of(new Msg("settings.invalid.period"));
			case COUNT -> count(text).filter(count -> count >= setting.min()).isPresent() ? Optional.empty()
					: Optional.of(new Msg("settings.invalid.count", setting.min()));
			case TIME -> time(text) ? Optional.empty() : Optional.of(new Msg("settings.invalid.time"));
		};
	}

	private static Optional<BigDecimal> decimal(String text) {
		try {
			return Optional.of(new BigDecimal(text));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean fraction(String text) {
		Matcher matcher = FRACTION.matcher(text);
		if (matcher.matches()) {
			long numerator = Long.parseLong(matcher.group(1));
			long denominator = Long.parseLong(matcher.group(2));
			return denominator > 0 && numerator > 0 && numerator <= denominator;
		}
		return decimal(text).filter(share -> share.signum() > 0 && share.compareTo(BigDecimal.ONE) <= 0).isPresent();
	}

	private static boolean period(String text) {
		String upper = text.toUpperCase(java.util.Locale.ROOT);
		try {
			if (upper.contains("T")) {
				return !Duration.parse(upper).isNegative() && !Duration.parse(upper).isZero();
			}
			Period period = Period.parse(upper);
			return !period.isNegative() && !period.isZero();
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean time(String text) {
		try {
			java.time.LocalTime.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static Optional<Integer> count(String text) {
		try {
			return Optional.of(Integer.parseInt(text));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
