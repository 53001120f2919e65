package io.zeren.calendar;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeren.shared.Msg;

/** The calendar over REST: read by any signed-in user, replaced by admins (see the security rules). */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Calendar", description = "Working days: public holidays and adjusted working weekends (调休) per year")
class CalendarController {

	/** A deadline decades away is a typo; report the years at both ends, not every year between. */
	private static final int MAX_YEARS_REPORTED = 10;

	private final CalendarMaintenance maintenance;

	private final WorkingCalendar calendar;

	private final CalendarProperties properties;

	private final MessageSource messages;

	CalendarController(CalendarMaintenance maintenance, WorkingCalendar calendar, CalendarProperties properties,
			MessageSource messages) {
		this.maintenance = maintenance;
		this.calendar = calendar;
		this.properties = properties;
		this.messages = messages;
	}

	@GetMapping("/{year}")
	@Operation(summary = "A year's special days and whether they can be trusted",
			description = "status COMPLETE (maintained), SAMPLE (shipped demo data, to be verified) or MISSING "
					+ "(no data: only weekends count as days off until an admin imports the year)")
	YearAnswer year(@PathVariable int year) {
		return answer(maintenance.year(year));
	}

	@PutMapping("/{year}")
	@Operation(summary = "Replace a year with the days given (admins)",
			description = "Every day must lie in the year, once; WORKDAY only on a Saturday or Sunday. An empty list "
					+ "removes the year (it becomes MISSING). 422 with every problem, nothing written, if any day is wrong.")
	YearAnswer replace(@PathVariable int year, @RequestBody List<SpecialDay> days, Principal principal) {
		return answer(maintenance.replace(year, days, principal.getName()));
	}

	@PostMapping(path = "/{year}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Replace a year from a CSV or iCalendar file (admins)",
			description = "CSV with header 日期,类型,名称 (or date,kind,name), 类型 放假/调休上班 (HOLIDAY/WORKDAY), "
					+ "# starts a comment line; or an .ics whose VEVENTs DTSTART;VALUE=DATE … DTEND (exclusive) are "
					+ "holidays, or working weekends if the SUMMARY says 班, 调休 or workday. The year is replaced "
					+ "atomically; a malformed file or a day outside the year is refused whole (400), nothing changes.")
	YearAnswer importFile(@PathVariable int year,
			@Parameter(description = "The calendar file") @RequestPart(name = "file", required = false) MultipartFile file,
			Principal principal) throws IOException {
		if (file == null) {
			throw CalendarInputException.malformedFile(new Msg("calendar.import.no-file"));
		}
		String fileName = file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename();
		return answer(maintenance.importFile(year, fileName, file.getBytes(), principal.getName()));
	}

	@GetMapping("/working-days")
	@Operation(summary = "Add a policy duration to a moment, as deadlines do",
			description = "For checking policy, e.g. from=2026-09-30T09:00:00+08:00&add=5WD. Reports the calendar "
					+ "status of every year the computation touches, with a warning for SAMPLE or MISSING years.")
	WorkingDaysAnswer workingDays(
			@Parameter(description = "ISO-8601 moment; without offset in the agency's zone; default now",
					example = "2026-09-30T09:00:00+08:00") @RequestParam(required = false) String from,
			@Parameter(description = "\"5WD\" working days, or ISO-8601 \"P30D\", \"PT4H\"", example = "5WD")
			@RequestParam String add) {
		Instant start = from == null || from.isBlank() ? EngineClock.now() : parseMoment(from);
		Instant result;
		try {
			result = calendar.plus(start, add);
		}
		catch (IllegalArgumentException ex) {
			throw CalendarInputException.invalid(new Msg("calendar.duration-invalid", add));
		}
		if (result == null) {
			throw CalendarInputException.invalid(new Msg("calendar.duration-invalid", add));
		}
		OffsetDateTime fromAt = start.atZone(properties.zone()).toOffsetDateTime();
		OffsetDateTime resultAt = result.atZone(properties.zone()).toOffsetDateTime();
		Map<String, YearStatus> calendars = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>();
		for (int year = fromAt.getYear(); year <= resultAt.getYear(); year++) {
			if (year > fromAt.getYear() + MAX_YEARS_REPORTED && year < resultAt.getYear()) {
				continue;
			}
			YearStatus status = maintenance.year(year).status();
			calendars.put(String.valueOf(year), status);
			if (status != YearStatus.COMPLETE) {
				warnings.add(render(note(year, status)));
			}
		}
		return new WorkingDaysAnswer(fromAt, add.strip(), resultAt, properties.zone().getId(), calendars, warnings);
	}

	@ExceptionHandler(CalendarInputException.class)
	ProblemDetail refused(CalendarInputException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> reasons = ex.reasons().stream().map(this::render).toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", reasons));
		problem.setTitle(messages.getMessage(ex.titleCode(), null, ex.titleCode(), locale));
		problem.setProperty("violations", reasons);
		return problem;
	}

	/** Accepts what an admin types: "+08:00" arrives as " 08:00" when not URL-encoded; no offset = agency zone. */
	private Instant parseMoment(String text) {
		String value = text.strip().replace(' ', '+');
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(value).atZone(properties.zone()).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(value).atStartOfDay(properties.zone()).toInstant();
				}
				catch (DateTimeParseException notDate) {
					throw CalendarInputException.invalid(new Msg("calendar.from-invalid", text));
				}
			}
		}
	}

	private YearAnswer answer(CalendarYear year) {
		long holidays = year.days().stream().filter(day -> day.kind() == DayKind.HOLIDAY).count();
		return new YearAnswer(year.year(), year.status(), render(note(year.year(), year.status())), year.updatedAt(),
				(int) holidays, year.days().size() - (int) holidays, year.days());
	}

	private static Msg note(int year, YearStatus status) {
		return new Msg("calendar.status." + status.name().toLowerCase(Locale.ROOT), String.valueOf(year));
	}

	private String render(Msg msg) {
		return msg.render(messages, LocaleContextHolder.getLocale());
	}

	@Schema(description = "A year of the calendar")
	record YearAnswer(int year, YearStatus status,
			@Schema(description = "What the status means for deadlines, in the caller's language") String note,
			Instant updatedAt, @Schema(description = "Number of HOLIDAY days") int holidays,
			@Schema(description = "Number of WORKDAY (调休上班) days") int workdays, List<SpecialDay> days) {
	}

	@Schema(description = "A computed deadline")
	record WorkingDaysAnswer(OffsetDateTime from, String add, OffsetDateTime result, String zone,
			@Schema(description = "Calendar status of each year from start to result") Map<String, YearStatus> calendars,
			@Schema(description = "Years whose calendar is SAMPLE or MISSING") List<String> warnings) {
	}

}
