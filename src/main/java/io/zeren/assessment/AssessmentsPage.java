package io.zeren.assessment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.Viewer;
import io.zeren.identity.Viewers;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.UnitInfo;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/**
 * 考核: opening a year's assessment for some units or the whole agency, how far each unit's people are, the 优秀
 * quota per unit and the grades. For those the REST API shows every assessment to (committee, leadership,
 * admins); they are also the ones who open a year. Everyone else is refused.
 */
@Controller
@WorkbenchPage
class AssessmentsPage {

	/** The stages a person's assessment goes through, in order (as the table's columns). */
	static final List<String> STAGES = java.util.Arrays.stream(Assessment.Status.values()).map(Enum::name).toList();

	/** One unit of the year: how many at which stage, its quota and how many are 优秀 so far. */
	record UnitRow(String unitCode, String unitName, int assessed, Map<String, Integer> byStage, int quota,
			long excellent, String review, List<PersonRow> people) {
	}

	/** One person's assessment in words. */
	record PersonRow(String name, String stage, Grade proposed, Grade recommended, Grade committee, Grade decided,
			Grade finalGrade) {
	}

	record Option(String value, String label) {
	}

	private final Viewers viewers;

	private final Assessments assessments;

	private final AssessmentAccess access;

	private final OrganisationDirectory directory;

	private final MessageSource messages;

	private final ZoneId zone;

	AssessmentsPage(Viewers viewers, Assessments assessments, AssessmentAccess access, OrganisationDirectory directory,
			MessageSource messages, AssessmentProperties properties) {
		this.viewers = viewers;
		this.assessments = assessments;
		this.access = access;
		this.directory = directory;
		this.messages = messages;
		this.zone = ZoneId.of(properties.zone());
	}

	@GetMapping("/political/assessments")
	String overview(@RequestParam(required = false) Integer year, Model model) {
		Viewer viewer = reader();
		int shown = year == null ? thisYear() : year;
		return page(model, viewer, shown, String.valueOf(shown), "all", List.of(), List.of());
	}

	@PostMapping("/political/assessments/open")
	String open(@RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "all") String scope,
			@RequestParam(required = false) List<String> units, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Viewer viewer = reader();
		if (!AssessmentAccess.mayOpen(viewer.groups())) {
			throw new ForbiddenException(new Msg("political.assessments.forbidden"));
		}
		List<String> chosen = units == null ? List.of() : units;
		Integer parsed;
		try {
			parsed = Integer.valueOf(year.strip());
		}
		catch (NumberFormatException ex) {
			parsed = null;
		}
		try {
			if (parsed == null) {
				throw new RuleViolationException(new Msg("political.year-invalid", year.strip()));
			}
			List<String> unitCodes = "all".equals(scope)
					? directory.units().stream().filter(UnitInfo::active).map(UnitInfo::code).toList() : chosen;
			Assessments.Opened opened = assessments.open(parsed, unitCodes);
			redirect.addFlashAttribute("flash", text(new Msg("political.assessments.opened", String.valueOf(parsed),
					opened.started().size(), opened.existing().size())));
			return "redirect:/political/assessments?year=" + parsed;
		}
		catch (RuleViolationException ex) {
			response.setStatus(422);
			return page(model, viewer, parsed == null ? thisYear() : parsed, year, scope, chosen,
					ex.violations().stream().map(this::text).toList());
		}
	}

	private String page(Model model, Viewer viewer, int year, String formYear, String scope, List<String> chosen,
			List<String> errors) {
		Assessments.Viewer who = access.viewer(viewer.username(), viewer.groups());
		Map<String, Assessments.UnitStage> stages = assessments.unitStages(who, year);
		Map<String, List<AssessmentView>> byUnit = new TreeMap<>();
		for (AssessmentView a : assessments.search(who, year, null, null)) {
			byUnit.computeIfAbsent(a.unitCode(), key -> new ArrayList<>()).add(a);
		}
		List<UnitRow> rows = new ArrayList<>();
		Map<String, Integer> totals = new LinkedHashMap<>();
		STAGES.forEach(stage -> totals.put(stage, 0));
		for (Map.Entry<String, List<AssessmentView>> unit : byUnit.entrySet()) {
			Map<String, Integer> counts = new LinkedHashMap<>();
			STAGES.forEach(stage -> counts.put(stage, 0));
			long excellent = 0;
			List<PersonRow> people = new ArrayList<>();
			for (AssessmentView a : unit.getValue()) {
				counts.merge(a.status(), 1, Integer::sum);
				totals.merge(a.status(), 1, Integer::sum);
				Grade current = a.finalGrade() != null ? a.finalGrade()
						: a.decidedGrade() != null ? a.decidedGrade() : a.committeeGrade();
				if (current == Grade.EXCELLENT) {
					excellent++;
				}
				people.add(new PersonRow(a.fullName(), a.status(), a.proposedGrade(), a.recommendedGrade(),
						a.committeeGrade(), a.decidedGrade(), a.finalGrade()));
			}
			Assessments.UnitStage stage = stages.get(unit.getKey());
			int assessed = unit.getValue().size();
			rows.add(new UnitRow(unit.getKey(), unitName(unit.getKey()), assessed, counts,
					stage != null ? stage.quota() : assessments.excellentQuota(assessed), excellent,
					stage == null ? null : stage.status(), people));
		}
		model.addAttribute("year", year);
		model.addAttribute("formYear", formYear);
		model.addAttribute("scope", scope);
		model.addAttribute("chosen", chosen);
		model.addAttribute("errors", errors);
		model.addAttribute("rows", rows);
		model.addAttribute("stages", STAGES);
		model.addAttribute("totals", totals);
		model.addAttribute("people", rows.stream().mapToInt(UnitRow::assessed).sum());
		model.addAttribute("mayOpen", AssessmentAccess.mayOpen(viewer.groups()));
		model.addAttribute("units", directory.units().stream().filter(UnitInfo::active)
			.map(u -> new Option(u.code(), u.name())).toList());
		return "assessment/assessments";
	}

	private Viewer reader() {
		Viewer viewer = viewers.require();
		if (!AssessmentAccess.seesAll(viewer.groups())) {
			throw new ForbiddenException(new Msg("political.assessments.forbidden"));
		}
		return viewer;
	}

	private int thisYear() {
		return LocalDate.ofInstant(EngineClock.now(), zone).getYear();
	}

	private String unitName(String code) {
		return directory.units().stream().filter(u -> u.code().equals(code)).map(UnitInfo::name).findFirst().orElse(code);
	}

	private String text(Msg msg) {
		return msg.render(messages, Locales.current());
	}

}
