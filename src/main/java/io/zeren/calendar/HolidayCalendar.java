package io.zeren.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import io.zeren.calendar.PolicyDuration.CalendarDays;
import io.zeren.calendar.PolicyDuration.Elapsed;
import io.zeren.calendar.PolicyDuration.WorkingDays;

/**
 * The working calendar: Monday to Friday are working days unless a HOLIDAY; Saturday and Sunday are days
 * off unless a WORKDAY (调休). Every task creation asks it for a due date, so it answers from an in-memory
 * copy of the (tiny) table, read again after a change on this node and at least every
 * {@code zeren.calendar.refresh} so that other nodes of a cluster follow.
 * <p>
 * A year without any special day is counted by weekends alone. That is wrong for every real year, so it is
 * logged once per year as a warning, and the admin API reports such a year as MISSING.
 */
@Service
class HolidayCalendar implements WorkingCalendar {

	private static final Logger log = LoggerFactory.getLogger(HolidayCalendar.class);

	private final HolidaySource source;

	private final ZoneId zone;

	private final long refreshNanos;

	/** Bumped on every change, so that a load that raced with the change is not kept. */
	private final AtomicLong generation = new AtomicLong();

	private final Set<Integer> warnedMissing = ConcurrentHashMap.newKeySet();

	private volatile Snapshot snapshot;

	@Autowired
	HolidayCalendar(HolidayRepository holidays, CalendarProperties properties) {
		this(holidays::findAllDays, properties.zone(), properties.refresh());
	}

	HolidayCalendar(HolidaySource source, ZoneId zone, Duration refresh) {
		this.source = Objects.requireNonNull(source);
		this.zone = Objects.requireNonNull(zone);
		this.refreshNanos = refresh.toNanos();
	}

	ZoneId zone() {
		return zone;
	}

	@Override
	public boolean isWorkingDay(LocalDate day) {
		return working(current(), Objects.requireNonNull(day, "day"));
	}

	@Override
	public Instant plusWorkingDays(Instant start, int workingDays) {
		requireCount(workingDays);
		Snapshot days = current();
		ZonedDateTime at = start.atZone(zone);
		if (workingDays == 0) {
			return nextWorkingMoment(days, start);
		}
		LocalDate day = at.toLocalDate();
		for (int counted = 0; counted < workingDays;) {
			day = day.plusDays(1);
			if (working(days, day)) {
				counted++;
			}
		}
		return at(day, at.toLocalTime());
	}

	/** Mirrors {@link #plusWorkingDays}: the same time of day, counting back from the working day before. */
	Instant minusWorkingDays(Instant end, int workingDays) {
		requireCount(workingDays);
		Snapshot days = current();
		ZonedDateTime at = end.atZone(zone);
		if (workingDays == 0) {
			return previousWorkingMoment(days, end);
		}
		LocalDate day = at.toLocalDate();
		for (int counted = 0; counted < workingDays;) {
			day = day.minusDays(1);
			if (working(days, day)) {
				counted++;
			}
		}
		return at(day, at.toLocalTime());
	}

	@Override
	public Instant nextWorkingMoment(Instant moment) {
		return nextWorkingMoment(current(), Objects.requireNonNull(moment, "moment"));
	}

	/** {@code moment} itself if it falls on a working day, else the same time on the working day before. */
	Instant previousWorkingMoment(Instant moment) {
		return previousWorkingMoment(current(), Objects.requireNonNull(moment, "moment"));
	}

	@Override
	public Instant plus(Instant start, String duration) {
		if (duration == null || duration.isBlank()) {
			return null;
		}
		PolicyDuration parsed = PolicyDuration.parse(duration);
		Objects.requireNonNull(start, "start");
		if (parsed instanceof WorkingDays workingDays) {
			return plusWorkingDays(start, workingDays.count());
		}
		if (parsed instanceof CalendarDays calendarDays) {
			return nextWorkingMoment(start.atZone(zone).plus(calendarDays.period()).toInstant());
		}
		return start.plus(((Elapsed) parsed).duration());
	}

	/**
	 * Mirrors {@link #plus}: working days count back, a whole-day period landing on a day off moves back to the
	 * working day before (a reminder comes earlier, never later), elapsed time stays where it lands.
	 */
	@Override
	public Instant minus(Instant end, String duration) {
		if (duration == null || duration.isBlank()) {
			return null;
		}
		PolicyDuration parsed = PolicyDuration.parse(duration);
		Objects.requireNonNull(end, "end");
		if (parsed instanceof WorkingDays workingDays) {
			return minusWorkingDays(end, workingDays.count());
		}
		if (parsed instanceof CalendarDays calendarDays) {
			return previousWorkingMoment(end.atZone(zone).minus(calendarDays.period()).toInstant());
		}
		return end.minus(((Elapsed) parsed).duration());
	}

	/** Whether any special day of the year is known: false means the year counts weekends only. */
	boolean hasYear(int year) {
		return current().years().contains(year);
	}

	/** Drops the in-memory copy once a change is committed; the next question reads the table again. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(CalendarChanged changed) {
		invalidate();
	}

	void invalidate() {
		generation.incrementAndGet();
		warnedMissing.clear();
	}

	private Instant nextWorkingMoment(Snapshot days, Instant moment) {
		ZonedDateTime at = moment.atZone(zone);
		LocalDate day = at.toLocalDate();
		if (working(days, day)) {
			return moment;
		}
		do {
			day = day.plusDays(1);
		}
		while (!working(days, day));
		return at(day, at.toLocalTime());
	}

	private Instant previousWorkingMoment(Snapshot days, Instant moment) {
		ZonedDateTime at = moment.atZone(zone);
		LocalDate day = at.toLocalDate();
		if (working(days, day)) {
			return moment;
		}
		do {
			day = day.minusDays(1);
		}
		while (!working(days, day));
		return at(day, at.toLocalTime());
	}

	private boolean working(Snapshot days, LocalDate day) {
		DayKind special = days.special().get(day);
		if (special != null) {
			return special == DayKind.WORKDAY;
		}
		if (!days.years().contains(day.getYear()) && warnedMissing.add(day.getYear())) {
			log.warn("No holiday calendar for {}: counting weekends only, public holidays and 调休 are ignored. "
					+ "An admin imports it at /api/calendar/{}", day.getYear(), day.getYear());
		}
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
	}

	private Instant at(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, zone).toInstant();
	}

	private static void requireCount(int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("Working days must not be negative: " + workingDays);
		}
	}

	private Snapshot current() {
		Snapshot days = snapshot;
		if (days != null && fresh(days)) {
			return days;
		}
		return reload();
	}

	private boolean fresh(Snapshot days) {
		return days.generation() == generation.get() && System.nanoTime() - days.loadedAt() < refreshNanos;
	}

	private synchronized Snapshot reload() {
		Snapshot days = snapshot;
		if (days != null && fresh(days)) {
			return days;
		}
		long loading = generation.get();
		try {
			Snapshot loaded = Snapshot.of(source.load(), loading, System.nanoTime());
			snapshot = loaded;
			return loaded;
		}
		catch (RuntimeException ex) {
			if (days == null) {
				throw ex;
			}
			// A failed periodic refresh must not fail task creation; the copy we have is tried again next time.
			log.warn("Could not reload the holiday calendar, using the copy loaded before: {}", ex.toString());
			return days;
		}
	}

	private record Snapshot(Map<LocalDate, DayKind> special, Set<Integer> years, long generation, long loadedAt) {

		static Snapshot of(List<SpecialDay> days, long generation, long loadedAt) {
			Map<LocalDate, DayKind> special = new HashMap<>();
			Set<Integer> years = new HashSet<>();
			for (SpecialDay day : days) {
				special.put(day.date(), day.kind());
				years.add(day.date().getYear());
			}
			return new Snapshot(Map.copyOf(special), Set.copyOf(years), generation, loadedAt);
		}

	}

}
