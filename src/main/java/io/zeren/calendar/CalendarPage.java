package io.zeren.calendar;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.zeren.shared.Msg;
import io.zeren.shared.PageTimes;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.SystemAdministration;
import io.zeren.shared.WorkbenchPage;

/**
 * 节假日 (system administrator): which years of the calendar exist, which hold only the shipped sample and which are
 * missing (this year and next are always listed); one year's special days; import a file for a year; change one
 * day (holiday, working weekend, ordinary day again); confirm a checked sample year.
 */
@Controller
@WorkbenchPage
class CalendarPage {

	private final CalendarMaintenance maintenance;

	private final CalendarProperties properties;

	private final SystemAdministration administration;

	private final MessageSource messages;

	CalendarPage(CalendarMaintenance maintenance, CalendarProperties properties, SystemAdministration administration,
			MessageSource messages) {
		this.maintenance = maintenance;
		this.properties = properties;
		this.administration = administration;
		this.messages = messages;
	}

	/** A year in the overview. */
	record YearLine(int year, YearStatus status, long holidays, long workdays, String updatedAt) {
	}

	/** What the day form holds, as typed. */
	record DayForm(String date, String kind, String name) {
	}

	@GetMapping("/admin/calendar")
	String calendar(@RequestParam(required = false) Integer year, Model model) {
		administration.requireSystemAdmin();
		return page(year, new DayForm("", "HOLIDAY", ""), Map.of(), null, model);
	}

	@PostMapping("/admin/calendar/day")
	String changeDay(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String name, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		String admin = administration.requireSystemAdmin();
		DayForm form = new DayForm(date == null ? "" : date, kind == null ? "" : kind, name == null ? "" : name);
		Map<String, List<String>> errors = new LinkedHashMap<>();
		LocalDate day = null;
		if (date == null || date.isBlank()) {
			errors.computeIfAbsent("date", key -> new ArrayList<>()).add(render(new Msg("admin.calendar.date-required")));
		}
		else {
			try {
				day = LocalDate.parse(date.strip());
			}
			catch (DateTimeParseException ex) {
				errors.computeIfAbsent("date", key -> new ArrayList<>()).add(render(new Msg("admin.calendar.date-invalid", date)));
			}
		}
		DayKind dayKind = null;
		if (kind != null && !kind.isBlank() && !"NONE".equals(kind)) {
			dayKind = DayKind.parse(kind).orElse(null);
			if (dayKind == null) {
				errors.computeIfAbsent("kind", key -> new ArrayList<>()).add(render(new Msg("admin.calendar.kind-invalid")));
			}
		}
		else if (kind == null || kind.isBlank()) {
			errors.computeIfAbsent("kind", key -> new ArrayList<>()).add(render(new Msg("admin.calendar.kind-invalid")));
		}
		if (day != null && (day.getYear() < CalendarMaintenance.FIRST_YEAR || day.getYear() > CalendarMaintenance.LAST_YEAR)) {
			errors.computeIfAbsent("date", key -> new ArrayList<>())
				.add(render(new Msg("calendar.year-invalid", String.valueOf(day.getYear()),
						String.valueOf(CalendarMaintenance.FIRST_YEAR), String.valueOf(CalendarMaintenance.LAST_YEAR))));
		}
		if (errors.isEmpty()) {
			try {
				maintenance.changeDay(day, dayKind, name, admin);
				redirect.addFlashAttribute("flash", render(new Msg("admin.calendar.day-saved", day.toString())));
				return "redirect:/admin/calendar?year=" + day.getYear();
			}
			catch (RuleViolationException ex) {
				for (Msg msg : ex.violations()) {
					String field = msg.code().equals("calendar.name-too-long") ? "name"
							: msg.code().equals("calendar.workday-on-weekday") ? "kind" : "date";
					errors.computeIfAbsent(field, key -> new ArrayList<>()).add(render(msg));
				}
			}
		}
		response.setStatus(422);
		return page(day == null ? null : day.getYear(), form, errors, null, model);
	}

	@PostMapping("/admin/calendar/{year}/import")
	String importYear(@PathVariable int year, @RequestParam(name = "file", required = false) MultipartFile file,
			HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
		String admin = administration.requireSystemAdmin();
		requireYear(year);
		List<String> problems;
		if (file == null || file.isEmpty()) {
			problems = List.of(render(new Msg("admin.calendar.no-file")));
		}
		else {
			String fileName = file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename();
			try {
				CalendarYear imported = maintenance.importFile(year, fileName, file.getBytes(), admin);
				redirect.addFlashAttribute("flash", render(new Msg("admin.calendar.imported", String.valueOf(year),
						imported.days().size())));
				return "redirect:/admin/calendar?year=" + year;
			}
			catch (CalendarInputException ex) {
				problems = ex.reasons().stream().map(this::render).toList();
			}
		}
		response.setStatus(422);
		return page(year, new DayForm("", "HOLIDAY", ""), Map.of(), problems, model);
	}

	@PostMapping("/admin/calendar/{year}/confirm")
	String confirm(@PathVariable int year, RedirectAttributes redirect) {
		String admin = administration.requireSystemAdmin();
		requireYear(year);
		maintenance.confirm(year, admin);
		redirect.addFlashAttribute("flash", render(new Msg("admin.calendar.confirmed", String.valueOf(year))));
		return "redirect:/admin/calendar?year=" + year;
	}

	private String page(Integer wanted, DayForm form, Map<String, List<String>> errors, List<String> importErrors,
			Model model) {
		int thisYear = EngineClock.now().atZone(properties.zone()).getYear();
		int year = wanted == null ? thisYear : wanted;
		requireYear(year);
		TreeSet<Integer> years = new TreeSet<>(maintenance.years());
		years.add(thisYear);
		years.add(thisYear + 1);
		years.add(year);
		PageTimes times = new PageTimes(properties.zone());
		List<YearLine> lines = years.stream().map(maintenance::year).map(found -> line(found, times)).toList();
		CalendarYear shown = maintenance.year(year);
		model.addAttribute("years", lines);
		model.addAttribute("thisYear", thisYear);
		model.addAttribute("year", year);
		model.addAttribute("shown", line(shown, times));
		model.addAttribute("days", shown.days());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("importErrors", importErrors);
		model.addAttribute("missing", lines.stream().filter(line -> line.status() == YearStatus.MISSING).toList());
		return "admin/calendar";
	}

	private static YearLine line(CalendarYear year, PageTimes times) {
		long holidays = year.days().stream().filter(day -> day.kind() == DayKind.HOLIDAY).count();
		return new YearLine(year.year(), year.status(), holidays, year.days().size() - holidays,
				year.updatedAt() == null ? null : times.at(year.updatedAt()));
	}

	private static void requireYear(int year) {
		if (year < CalendarMaintenance.FIRST_YEAR || year > CalendarMaintenance.LAST_YEAR) {
			throw new RuleViolationException(new Msg("calendar.year-invalid", String.valueOf(year),
					String.valueOf(CalendarMaintenance.FIRST_YEAR), String.valueOf(CalendarMaintenance.LAST_YEAR)));
		}
	}

	private String render(Msg msg) {
		return msg.render(messages, LocaleContextHolder.getLocale());
	}

}
