package io.zeren.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * Admins maintain the calendar a year at a time: every change replaces the whole year, in one transaction,
 * so a year is never half old and half new. What is refused is refused whole, with every reason.
 */
@Service
class CalendarMaintenance {

	private static final Logger log = LoggerFactory.getLogger(CalendarMaintenance.class);

	static final int FIRST_YEAR = 1900;

	static final int LAST_YEAR = 2999;

	static final int MAX_NAME_LENGTH = 100;

	private static final int LISTED_DATES = 5;

	private final HolidayRepository holidays;

	private final ApplicationEventPublisher events;

	private final CalendarProperties properties;

	CalendarMaintenance(HolidayRepository holidays, ApplicationEventPublisher events, CalendarProperties properties) {
		this.holidays = holidays;
		this.events = events;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	public CalendarYear year(int year) {
		requireYear(year);
		List<Holiday> rows = holidays.findByCalYearOrderByDayDate(year);
		YearStatus status = rows.isEmpty() ? YearStatus.MISSING
				: rows.stream().anyMatch(Holiday::isSample) ? YearStatus.SAMPLE : YearStatus.COMPLETE;
		Instant updatedAt = rows.stream().map(Holiday::getUpdatedAt).max(Comparator.naturalOrder()).orElse(null);
		return new CalendarYear(year, status, rows.stream().map(Holiday::toDay).toList(), updatedAt);
	}

	/** Years that still hold (some) shipped sample data. */
	@Transactional(readOnly = true)
	public List<Integer> sampleYears() {
		return holidays.findYears(true);
	}

	/**
	 * Replaces a year with the days given (none: the year becomes MISSING).
	 * @throws RuleViolationException with every problem if any day is unacceptable; nothing is written
	 */
	@Transactional
	public CalendarYear replace(int year, List<SpecialDay> days, String by) {
		requireYear(year);
		List<Msg> problems = problems(year, days);
		if (!problems.isEmpty()) {
			throw new RuleViolationException(problems);
		}
		return write(year, days, false, by);
	}

	/**
	 * Replaces a year with the days of an uploaded CSV or iCalendar file.
	 * @throws CalendarInputException if the file is unreadable or any day in it is unacceptable; nothing is written
	 */
	@Transactional
	public CalendarYear importFile(int year, String fileName, byte[] content, String by) {
		requireYear(year);
		List<SpecialDay> days = CalendarFileReader.read(fileName, content, properties.zone());
		List<Msg> problems = problems(year, days);
		if (!problems.isEmpty()) {
			throw CalendarInputException.malformedFile(problems);
		}
		return write(year, days, false, by);
	}

	/** Every year that holds special days, sample or maintained, in order. */
	@Transactional(readOnly = true)
	public List<Integer> years() {
		Set<Integer> years = new TreeSet<>(holidays.findYears(true));
		years.addAll(holidays.findYears(false));
		return List.copyOf(years);
	}

	/**
	 * Changes one day of a year: makes it a holiday or a working weekend ({@code kind}), or an ordinary day again
	 * ({@code kind} null). The year is replaced as a whole, as every change is; a year holding sample data stays
	 * marked as sample (one corrected day does not make the rest verified: {@link #confirm} does).
	 * @throws RuleViolationException with every problem; nothing is written
	 */
	@Transactional
	public CalendarYear changeDay(LocalDate date, DayKind kind, String name, String by) {
		int year = date.getYear();
		requireYear(year);
		CalendarYear current = year(year);
		List<SpecialDay> days = new ArrayList<>(current.days().stream().filter(day -> !day.date().equals(date)).toList());
		if (kind != null) {
			days.add(new SpecialDay(date, kind, name));
		}
		else if (days.size() == current.days().size()) {
			throw new RuleViolationException(new Msg("calendar.day.not-special", date.toString()));
		}
		List<Msg> problems = problems(year, days);
		if (!problems.isEmpty()) {
			throw new RuleViolationException(problems);
		}
		return write(year, days, current.status() == YearStatus.SAMPLE, by);
	}

	/**
	 * The administrator has checked a sample year against the State Council's notice: its days, unchanged, become
	 * maintained data (COMPLETE).
	 */
	@Transactional
	public CalendarYear confirm(int year, String by) {
		requireYear(year);
		CalendarYear current = year(year);
		if (current.status() != YearStatus.SAMPLE) {
			throw new RuleViolationException(new Msg("calendar.confirm.not-sample", String.valueOf(year)));
		}
		return write(year, current.days(), false, by);
	}

	/** Fills a year that has no data with sample days, marked as such. False if the year already has data. */
	@Transactional
	public boolean loadSampleIfMissing(int year, List<SpecialDay> days) {
		requireYear(year);
		if (!holidays.findByCalYearOrderByDayDate(year).isEmpty()) {
			return false;
		}
		List<Msg> problems = problems(year, days);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The shipped sample calendar for " + year + " is invalid: " + problems);
		}
		write(year, days, true, "system");
		return true;
	}

	private CalendarYear write(int year, List<SpecialDay> days, boolean sample, String by) {
		List<SpecialDay> sorted = days.stream()
			.map(day -> new SpecialDay(day.date(), day.kind(), blankToNull(day.name())))
			.sorted(Comparator.comparing(SpecialDay::date))
			.toList();
		int removed = holidays.deleteYear(year);
		Instant now = Instant.now();
		for (SpecialDay day : sorted) {
			holidays.save(new Holiday(day, sample, now));
		}
		events.publishEvent(new CalendarChanged(year));
		long holidayCount = sorted.stream().filter(day -> day.kind() == DayKind.HOLIDAY).count();
		log.info("Calendar {} replaced by {}: {} holidays, {} working weekends (was {} days){}", year, by, holidayCount,
				sorted.size() - holidayCount, removed, sample ? ", SAMPLE data" : "");
		YearStatus status = sorted.isEmpty() ? YearStatus.MISSING : sample ? YearStatus.SAMPLE : YearStatus.COMPLETE;
		return new CalendarYear(year, status, sorted, sorted.isEmpty() ? null : now);
	}

	/** Everything wrong with a year's days, all at once. */
	static List<Msg> problems(int year, List<SpecialDay> days) {
		List<Msg> problems = new ArrayList<>();
		Set<LocalDate> seen = new HashSet<>();
		Set<LocalDate> duplicates = new TreeSet<>();
		List<LocalDate> outside = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			SpecialDay day = days.get(i);
			String entry = String.valueOf(i + 1);
			if (day == null || day.date() == null) {
				problems.add(new Msg("calendar.day.required", entry));
				continue;
			}
			String date = day.date().toString();
			if (day.kind() == null) {
				problems.add(new Msg("calendar.kind.required", date));
			}
			if (day.date().getYear() != year) {
				outside.add(day.date());
			}
			if (!seen.add(day.date())) {
				duplicates.add(day.date());
			}
			if (day.kind() == DayKind.WORKDAY && !weekend(day.date())) {
				problems.add(new Msg("calendar.workday-on-weekday", date));
			}
			if (day.name() != null && day.name().strip().length() > MAX_NAME_LENGTH) {
				problems.add(new Msg("calendar.name-too-long", date, MAX_NAME_LENGTH));
			}
		}
		if (!outside.isEmpty()) {
			outside.sort(Comparator.naturalOrder());
			String listed = outside.stream().limit(LISTED_DATES).map(LocalDate::toString).collect(Collectors.joining(", "))
					+ (outside.size() > LISTED_DATES ? " …" : "");
			problems.add(new Msg("calendar.day.outside-year", String.valueOf(year), outside.size(), listed));
		}
		duplicates.forEach(date -> problems.add(new Msg("calendar.day.duplicate", date.toString())));
		return problems;
	}

	static void requireYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw CalendarInputException.invalid(new Msg("calendar.year-invalid", String.valueOf(year),
					String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR)));
		}
	}

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
