package io.zeren.responsibility;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
 * 年度周期: the political department's pages of a year's cycle — the years and their stage, opening a year, the
 * catalogue as a table, the unit lists, the kick-off with its live progress, closing the year. Who may act is
 * {@link CycleAccess}, the rule the REST API uses; leadership reads along; everyone else is refused.
 */
@Controller
@WorkbenchPage
class CyclesPage {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** A catalogue item as the table shows it: the categories and posts as words, never codes. */
	record CatalogueRow(int sortNo, String title, String target, String measure, int weight, String evidence,
			LocalDate dueOn, String categories, String posts, boolean forUnit) {
	}

	/** A unit's list: the unit's and the head's names, whether and when it was confirmed. */
	record UnitRow(String unitName, String headName, int items, boolean confirmed, String confirmedBy,
			String confirmedAt) {
	}

	/** The kick-off as the progress bar shows it. */
	record KickOffRow(boolean started, boolean running, String state, int total, int done, int failed, int percent,
			int lastBatch, int batchSize, String updatedAt) {
	}

	private final Viewers viewers;

	private final Cycles cycles;

	private final PersonalLists lists;

	private final KickOff kickOff;

	private final KickOffRuns runs;

	private final CycleClosing closing;

	private final OrganisationDirectory directory;

	private final MessageSource messages;

	private final ResponsibilityProperties properties;

	CyclesPage(Viewers viewers, Cycles cycles, PersonalLists lists, KickOff kickOff, KickOffRuns runs,
			CycleClosing closing, OrganisationDirectory directory, MessageSource messages,
			ResponsibilityProperties properties) {
		this.viewers = viewers;
		this.cycles = cycles;
		this.lists = lists;
		this.kickOff = kickOff;
		this.runs = runs;
		this.closing = closing;
		this.directory = directory;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping("/political/cycles")
	String cycles(Model model) {
		Viewer viewer = follower();
		return listPage(model, viewer, new OpenForm("", "", ""), Map.of());
	}

	/** The form's fields as typed, kept when the form comes back with errors. */
	record OpenForm(String year, String title, String workPoints) {
	}

	@PostMapping("/political/cycles")
	String open(@RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String workPoints, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Viewer viewer = runner();
		OpenForm form = new OpenForm(year, title, workPoints);
		Integer parsed = parseYear(year);
		try {
			if (parsed == null) {
				throw new RuleViolationException(new Msg("responsibility.cycle.year", year.strip()));
			}
			CycleView opened = cycles.open(new Cycles.OpenCycle(parsed, blankToNull(title), blankToNull(workPoints),
					List.of()), viewer.username());
			redirect.addFlashAttribute("flash", text(new Msg("political.cycles.opened", String.valueOf(opened.year()))));
			return "redirect:/political/cycles/" + opened.year();
		}
		catch (RuleViolationException ex) {
			Map<String, List<String>> errors = new LinkedHashMap<>();
			for (Msg violation : ex.violations()) {
				String field = switch (violation.code()) {
					case "responsibility.cycle.title" -> "title";
					case "responsibility.cycle.work-points" -> "workPoints";
					default -> "year";
				};
				errors.computeIfAbsent(field, key -> new ArrayList<>()).add(text(violation));
			}
			response.setStatus(422);
			return listPage(model, viewer, form, errors);
		}
	}

	@GetMapping("/political/cycles/{year}")
	String cycle(@PathVariable int year, Model model) {
		Viewer viewer = follower();
		return detailPage(model, viewer, year, null);
	}

	@GetMapping("/political/cycles/{year}/kickoff")
	String kickOffProgress(@PathVariable int year, Model model) {
		follower();
		cycles.byYear(year);
		model.addAttribute("year", year);
		model.addAttribute("kickoff", kickOffRow(year));
		return "responsibility/cycle :: kickoff";
	}

	@PostMapping("/political/cycles/{year}/kickoff")
	String startKickOff(@PathVariable int year, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Viewer viewer = runner();
		CycleView cycle = cycles.view(year);
		try {
			boolean started = runs.start(year);
			redirect.addFlashAttribute("flash", text(new Msg(started ? "political.cycles.kickoff.started"
					: "political.cycles.kickoff.already-running", String.valueOf(year))));
			return "redirect:/political/cycles/" + year;
		}
		catch (RuleViolationException ex) {
			response.setStatus(422);
			return detailPage(model, viewer, year,
					text(new Msg("political.cycles.kickoff.not-ready", String.valueOf(year), stateLabel(cycle.state()))));
		}
	}

	@PostMapping("/political/cycles/{year}/close")
	String close(@PathVariable int year, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Viewer viewer = runner();
		CycleView cycle = cycles.view(year);
		try {
			CycleClosing.Result result = closing.close(year);
			redirect.addFlashAttribute("flash", text(new Msg("political.cycles.closed", String.valueOf(year),
					result.closed(), result.stillOpen())));
			return "redirect:/political/cycles/" + year;
		}
		catch (RuleViolationException ex) {
			response.setStatus(422);
			return detailPage(model, viewer, year,
					text(new Msg("political.cycles.close.refused", String.valueOf(year), stateLabel(cycle.state()))));
		}
	}

	// --- the pages ------------------------------------------------------------------------------------------

	private String listPage(Model model, Viewer viewer, OpenForm form, Map<String, List<String>> errors) {
		model.addAttribute("cycles", cycles.all());
		model.addAttribute("mayRun", CycleAccess.mayRun(viewer.groups()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("suggestedYear", LocalDate.now(properties.zone()).getYear());
		return "responsibility/cycles";
	}

	private String detailPage(Model model, Viewer viewer, int year, String refusal) {
		CycleView cycle = cycles.view(year);
		model.addAttribute("cycle", cycle);
		model.addAttribute("year", year);
		model.addAttribute("openedBy", name(cycle.openedBy()));
		model.addAttribute("openedAt", minute(cycle.openedAt()));
		model.addAttribute("deployedAt", minute(cycle.deployedAt()));
		model.addAttribute("catalogue", cycles.catalogue(year).stream().map(this::catalogueRow).toList());
		List<UnitRow> units = cycles.unitLists(year).stream().map(this::unitRow).toList();
		model.addAttribute("units", units);
		model.addAttribute("unitsConfirmed", units.stream().filter(UnitRow::confirmed).count());
		model.addAttribute("progress", lists.cycleProgress(cycles.byYear(year)));
		model.addAttribute("kickoff", kickOffRow(year));
		model.addAttribute("mayRun", CycleAccess.mayRun(viewer.groups()));
		model.addAttribute("refusal", refusal);
		return "responsibility/cycle";
	}

	private CatalogueRow catalogueRow(ItemView item) {
		String categories = item.categories()
			.stream()
			.sorted(Comparator.naturalOrder())
			.map(category -> category.label())
			.reduce((a, b) -> a + "、" + b)
			.orElse("");
		String posts = item.posts().stream().sorted().reduce((a, b) -> a + "、" + b).orElse("");
		return new CatalogueRow(item.sortNo(), item.title(), item.target(), item.measure(), item.weight(),
				item.evidenceRequired(), item.dueOn(), categories, posts, item.forUnit());
	}

	private UnitRow unitRow(Cycles.UnitListView list) {
		Optional<UnitInfo> unit = directory.units().stream().filter(u -> u.code().equals(list.unitCode())).findFirst();
		String unitName = unit.map(UnitInfo::name).orElse(list.unitCode());
		String head = unit.map(UnitInfo::headUsername).map(this::name).orElse("");
		return new UnitRow(unitName, head, list.items().size(), list.confirmedAt() != null, name(list.confirmedBy()),
				minute(list.confirmedAt()));
	}

	private KickOffRow kickOffRow(int year) {
		boolean here = runs.isRunning(year);
		Optional<KickOffStatus.View> status = kickOff.status(year);
		if (status.isEmpty()) {
			return new KickOffRow(here, here, here ? "RUNNING" : null, 0, 0, 0, 0, 0, 0, null);
		}
		KickOffStatus.View view = status.get();
		boolean running = here || view.state() == KickOffStatus.State.RUNNING;
		int percent = view.total() == 0 ? (running ? 0 : 100)
				: (int) Math.min(100, Math.round(100.0 * view.done() / view.total()));
		return new KickOffRow(true, running, running ? "RUNNING" : view.state().name(), view.total(), view.done(),
				view.failed(), percent, view.lastBatch(), view.batchSize(), minute(view.updatedAt()));
	}

	// --- who may ----------------------------------------------------------------------------------------------

	private Viewer follower() {
		Viewer viewer = viewers.require();
		if (!CycleAccess.mayFollow(viewer.groups())) {
			throw new ForbiddenException(new Msg("political.cycles.forbidden"));
		}
		return viewer;
	}

	private Viewer runner() {
		Viewer viewer = viewers.require();
		if (!CycleAccess.mayRun(viewer.groups())) {
			throw new ForbiddenException(new Msg("political.cycles.forbidden-act"));
		}
		return viewer;
	}

	// --- words ------------------------------------------------------------------------------------------------

	private String stateLabel(Cycle.State state) {
		return text(new Msg("political.cycle.state." + state.name()));
	}

	private String text(Msg msg) {
		return msg.render(messages, Locales.current());
	}

	private String name(String username) {
		if (username == null) {
			return "";
		}
		// Never a login as the only name: someone not (or no longer) in the organisation shows as nobody.
		return directory.findStaffInfo(username).map(StaffInfo::fullName).orElse("");
	}

	private String minute(Instant at) {
		return at == null ? "" : MINUTE.format(at.atZone(properties.zone()));
	}

	private static Integer parseYear(String text) {
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
