package io.zeren.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.Viewer;
import io.zeren.identity.Viewers;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/**
 * 督查: the inspections of a year, opening one (the inspection team, as the REST API), cancelling one opened by
 * mistake, the findings and where their rectifications stand, and starting the year's progress self-reports (the
 * political department). Seen by whoever the REST API shows every inspection to; everyone else is refused.
 */
@Controller
@WorkbenchPage
class InspectionsPage {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final String INSPECTION_ROLE = "INSPECTION";

	/** An inspection in the list, with its findings counted. */
	record Row(Long id, int year, String unitName, String title, String period, String status, int findings,
			long open, long overdue, long closed, long closedLate) {
	}

	/** A finding and its rectification, in words. */
	record FindingRow(Long id, String target, String severity, String description, String responsible, String state,
			String due, boolean overdue, boolean failed, int rejections, String closedAt, boolean closedLate) {
	}

	/** The create form as typed. */
	record NewForm(String year, String unitCode, String title, String startsOn, String endsOn, List<String> inspectors) {
	}

	record Option(String value, String label) {
	}

	private final Viewers viewers;

	private final Inspections inspections;

	private final SelfReports selfReports;

	private final OrganisationDirectory directory;

	private final MessageSource messages;

	private final ZoneId zone;

	InspectionsPage(Viewers viewers, Inspections inspections, SelfReports selfReports, OrganisationDirectory directory,
			MessageSource messages, InspectionProperties properties) {
		this.viewers = viewers;
		this.inspections = inspections;
		this.selfReports = selfReports;
		this.directory = directory;
		this.messages = messages;
		this.zone = ZoneId.of(properties.zone());
	}

	@GetMapping("/political/inspections")
	String list(@RequestParam(required = false) Integer year, Model model) {
		Caller caller = reader();
		return listPage(model, caller, year, emptyForm(), Map.of(), "", null);
	}

	@PostMapping("/political/inspections")
	String open(@RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "") String unitCode,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String startsOn,
			@RequestParam(defaultValue = "") String endsOn, @RequestParam(required = false) List<String> inspectors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Caller caller = reader();
		if (!Inspections.mayOpen(caller)) {
			throw new ForbiddenException(new Msg("political.inspections.forbidden-open"));
		}
		List<String> chosen = inspectors == null ? List.of() : inspectors;
		NewForm form = new NewForm(year, unitCode, title, startsOn, endsOn, chosen);
		Map<String, List<String>> errors = new LinkedHashMap<>();
		Integer parsedYear = parseInt(year);
		if (parsedYear == null) {
			add(errors, "year", new Msg("inspection.year.invalid", year.strip()));
		}
		LocalDate from = parseDay(startsOn, "startsOn", errors);
		LocalDate to = parseDay(endsOn, "endsOn", errors);
		if (errors.isEmpty()) {
			try {
				Inspection.InspectionView opened = inspections.open(new Inspections.NewInspection(parsedYear,
						blankToNull(unitCode), blankToNull(title), from, to, chosen), caller);
				redirect.addFlashAttribute("flash", text(new Msg("political.inspections.opened", opened.title())));
				return "redirect:/political/inspections/" + opened.id();
			}
			catch (RuleViolationException ex) {
				for (Msg violation : ex.violations()) {
					String field = switch (violation.code()) {
						case "inspection.year.invalid" -> "year";
						case "inspection.unit.required", "inspection.unit.unknown" -> "unitCode";
						case "inspection.dates.required", "inspection.dates.order" -> "endsOn";
						case "inspection.inspectors.required", "inspection.inspector.not-on-team" -> "inspectors";
						default -> "title";
					};
					add(errors, field, violation);
				}
			}
		}
		response.setStatus(422);
		return listPage(model, caller, parsedYear, form, errors, "", null);
	}

	@PostMapping("/political/inspections/self-reports")
	String startSelfReports(@RequestParam(defaultValue = "") String year,
			@RequestParam(defaultValue = "") String unitCode, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Caller caller = reader();
		if (!caller.mayStartSelfReports()) {
			throw new ForbiddenException(new Msg("political.inspections.forbidden-self-reports"));
		}
		Integer parsedYear = parseInt(year);
		try {
			if (parsedYear == null) {
				throw new RuleViolationException(new Msg("inspection.year.invalid", year.strip()));
			}
			SelfReports.KickOff done = selfReports.start(parsedYear, blankToNull(unitCode), caller);
			redirect.addFlashAttribute("flash", text(new Msg("political.inspections.self-reports.started",
					String.valueOf(done.year()), done.staff(), done.started(), done.existing())));
			return "redirect:/political/inspections";
		}
		catch (RuleViolationException ex) {
			response.setStatus(422);
			model.addAttribute("selfReportUnit", unitCode);
			return listPage(model, caller, null, emptyForm(), Map.of(), year,
					ex.violations().stream().map(this::text).toList());
		}
	}

	@GetMapping("/political/inspections/{id}")
	String detail(@PathVariable Long id, Model model) {
		Caller caller = reader();
		return detailPage(model, caller, id, "", null);
	}

	@PostMapping("/political/inspections/{id}/cancel")
	String cancel(@PathVariable Long id, @RequestParam(defaultValue = "") String reason, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Caller caller = reader();
		if (!Inspections.mayOpen(caller)) {
			throw new ForbiddenException(new Msg("political.inspections.forbidden-cancel"));
		}
		try {
			Inspection.InspectionView cancelled = inspections.cancel(id, reason, caller);
			redirect.addFlashAttribute("flash", text(new Msg("political.inspections.cancelled", cancelled.title())));
			return "redirect:/political/inspections/" + id;
		}
		catch (RuleViolationException ex) {
			response.setStatus(422);
			return detailPage(model, caller, id, reason, ex.violations().stream().map(this::text).toList());
		}
	}

	// --- pages ----------------------------------------------------------------------------------------------------

	private String listPage(Model model, Caller caller, Integer year, NewForm form, Map<String, List<String>> errors,
			String selfReportYear, List<String> selfReportErrors) {
		List<Row> rows = new ArrayList<>();
		for (Inspection.InspectionView inspection : inspections.visible(year, caller)) {
			List<Inspections.FindingProgress> progress = inspections.progressOf(inspection.id(), caller);
			rows.add(new Row(inspection.id(), inspection.year(), unitName(inspection.unitCode()), inspection.title(),
					DAY.format(inspection.startsOn()) + " — " + DAY.format(inspection.endsOn()),
					inspection.status().name(), progress.size(),
					progress.stream().filter(p -> p.finding().rectificationState() != null && p.closedAt() == null).count(),
					progress.stream().filter(Inspections.FindingProgress::overdue).count(),
					progress.stream().filter(p -> p.closedAt() != null).count(),
					progress.stream().filter(Inspections.FindingProgress::closedLate).count()));
		}
		int thisYear = LocalDate.ofInstant(EngineClock.now(), zone).getYear();
		model.addAttribute("rows", rows);
		model.addAttribute("year", year);
		model.addAttribute("mayOpen", Inspections.mayOpen(caller));
		model.addAttribute("mayStartSelfReports", caller.mayStartSelfReports());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("thisYear", thisYear);
		model.addAttribute("units", units());
		model.addAttribute("team", team());
		model.addAttribute("selfReportYear", selfReportYear);
		model.addAttribute("selfReportErrors", selfReportErrors == null ? List.of() : selfReportErrors);
		if (!model.containsAttribute("selfReportUnit")) {
			model.addAttribute("selfReportUnit", "");
		}
		return "inspection/inspections";
	}

	private String detailPage(Model model, Caller caller, Long id, String reason, List<String> cancelErrors) {
		Inspection.InspectionView inspection = inspections.detail(id, caller);
		List<FindingRow> findings = inspections.progressOf(id, caller).stream().map(this::findingRow).toList();
		model.addAttribute("inspection", inspection);
		model.addAttribute("unitName", unitName(inspection.unitCode()));
		model.addAttribute("period", DAY.format(inspection.startsOn()) + " — " + DAY.format(inspection.endsOn()));
		model.addAttribute("inspectors", inspection.inspectors().stream().map(this::name).reduce((a, b) -> a + "、" + b)
			.orElse(""));
		model.addAttribute("createdBy", name(inspection.createdBy()));
		model.addAttribute("createdAt", minute(inspection.createdAt()));
		model.addAttribute("closedAt", minute(inspection.closedAt()));
		model.addAttribute("cancelledBy", name(inspection.cancelledBy()));
		model.addAttribute("findings", findings);
		model.addAttribute("mayCancel", Inspections.mayOpen(caller)
				&& inspection.status() == Inspection.Status.RECORDING && findings.isEmpty());
		model.addAttribute("reason", reason);
		model.addAttribute("cancelErrors", cancelErrors == null ? List.of() : cancelErrors);
		return "inspection/inspection";
	}

	private FindingRow findingRow(Inspections.FindingProgress progress) {
		Finding.FindingView finding = progress.finding();
		String target = finding.target() == Finding.Target.PERSON
				? text(new Msg("political.finding.target.PERSON", name(finding.personUsername())))
				: text(new Msg("political.finding.target.UNIT", unitName(finding.unitCode())));
		String due = progress.dueAt() != null ? minute(progress.dueAt())
				: finding.deadline() == null ? "" : DAY.format(finding.deadline());
		return new FindingRow(finding.id(), target, finding.severity() == null ? "" : finding.severity().name(),
				finding.description(), name(finding.responsible()),
				finding.rectificationState() == null ? null : finding.rectificationState().name(), due,
				progress.overdue(), progress.failed(), progress.rejections(), minute(progress.closedAt()),
				progress.closedLate());
	}

	// --- who may ------------------------------------------------------------------------------------------------

	private Caller reader() {
		Viewer viewer = viewers.require();
		Caller caller = new Caller(viewer.username(), viewer.groups());
		if (!Inspections.seesEvery(caller)) {
			throw new ForbiddenException(new Msg("political.inspections.forbidden"));
		}
		return caller;
	}

	// --- words and choices ------------------------------------------------------------------------------------

	private List<Option> units() {
		return directory.units().stream().filter(UnitInfo::active).map(u -> new Option(u.code(), u.name())).toList();
	}

	/** Who may be an inspector: active members holding the inspection role. */
	private List<Option> team() {
		return directory.memberships()
			.stream()
			.filter(member -> member.staff().active() && member.roleCodes().contains(INSPECTION_ROLE))
			.map(member -> new Option(member.staff().username(), member.staff().fullName()))
			.toList();
	}

	private NewForm emptyForm() {
		return new NewForm("", "", "", "", "", List.of());
	}

	private String unitName(String code) {
		return directory.units().stream().filter(u -> u.code().equals(code)).map(UnitInfo::name).findFirst().orElse(code);
	}

	private String name(String username) {
		if (username == null) {
			return "";
		}
		return directory.findStaffInfo(username).map(StaffInfo::fullName).orElse(username);
	}

	private String minute(Instant at) {
		return at == null ? "" : MINUTE.format(at.atZone(zone));
	}

	private String text(Msg msg) {
		return msg.render(messages, Locales.current());
	}

	private void add(Map<String, List<String>> errors, String field, Msg msg) {
		errors.computeIfAbsent(field, key -> new ArrayList<>()).add(text(msg));
	}

	private LocalDate parseDay(String text, String field, Map<String, List<String>> errors) {
		if (text == null || text.isBlank()) {
			add(errors, field, new Msg("inspection.dates.required"));
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			add(errors, field, new Msg("political.date-format", text.strip()));
			return null;
		}
	}

	private static Integer parseInt(String text) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
