package io.zeren.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
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
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/**
 * 代理设置: the viewer's out-of-office substitute, chosen by name from the organisation (the server offers the
 * people: name, unit, post), for a period; the viewer's current and past delegations (as owner or substitute), and
 * ending one early. The rules are the use case's ({@link Delegations}), the same the REST API applies.
 */
@Controller
@WorkbenchPage
class SubstitutePage {

	static final int SEARCH_LIMIT = 30;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final Viewers viewers;

	private final Delegations delegations;

	private final OrganisationDirectory directory;

	private final DeadlineProperties properties;

	private final MessageSource messages;

	SubstitutePage(Viewers viewers, Delegations delegations, OrganisationDirectory directory,
			DeadlineProperties properties, MessageSource messages) {
		this.viewers = viewers;
		this.delegations = delegations;
		this.directory = directory;
		this.properties = properties;
		this.messages = messages;
	}

	/** What the form holds: as typed, kept when refused. */
	record Form(String substitute, String q, String startsOn, String endsOn, String reason) {
	}

	/** A person who may be chosen: the value is the login, the label their name, unit and post. */
	record Person(String username, String fullName, String unitName, String post) {
	}

	/** A delegation as the page lists it. */
	record Row(Long id, boolean mine, String ownerName, String substituteName, String startsOn, String endsOn,
			String reason, String state, String endedAt, boolean endable) {
	}

	@GetMapping("/my/substitute")
	String page(@RequestParam(required = false) String q, Model model) {
		Viewer viewer = MyWorkPage.staff(viewers.require());
		LocalDate today = today();
		return show(viewer, new Form(null, q, DAY.format(today), DAY.format(today.plusDays(4)), null), Map.of(), model);
	}

	/** The choice of people for a search (htmx swaps the select). */
	@GetMapping("/my/substitute/people")
	String people(@RequestParam(required = false) String q, @RequestParam(required = false) String substitute,
			Model model) {
		Viewer viewer = MyWorkPage.staff(viewers.require());
		model.addAttribute("people", people(viewer, q, substitute));
		model.addAttribute("form", new Form(substitute, q, null, null, null));
		model.addAttribute("errors", Map.of());
		return "workflow/substitute :: people";
	}

	@PostMapping("/my/substitute")
	String create(@RequestParam(required = false) String substitute, @RequestParam(required = false) String q,
			@RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
			@RequestParam(required = false) String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Viewer viewer = MyWorkPage.staff(viewers.require());
		Form form = new Form(blankToNull(substitute), q, startsOn, endsOn, reason);
		Map<String, List<String>> errors = new LinkedHashMap<>();
		LocalDate from = date(startsOn, errors);
		LocalDate to = date(endsOn, errors);
		if (form.substitute() == null) {
			add(errors, "substitute", text(new Msg("delegation.substitute-required")));
		}
		if (errors.isEmpty()) {
			try {
				Delegation.DelegationView made = delegations.create(viewer.username(), form.substitute(), from, to,
						blankToNull(reason), viewer.username());
				redirect.addFlashAttribute("flash", text(new Msg("substitute.saved", name(made.substitute()),
						DAY.format(made.startsOn()), DAY.format(made.endsOn()))));
				return "redirect:/my/substitute";
			}
			catch (RuleViolationException ex) {
				ex.violations().forEach(msg -> add(errors, field(msg), text(msg)));
			}
		}
		response.setStatus(422);
		return show(viewer, form, errors, model);
	}

	/** The owner is back early. */
	@PostMapping("/my/substitute/{id}/end")
	String end(@PathVariable Long id, RedirectAttributes redirect) {
		Viewer viewer = MyWorkPage.staff(viewers.require());
		// Only the delegations listed as the viewer's own may be ended here; anything else is not found.
		boolean mine = delegations.involving(viewer.username())
			.stream()
			.anyMatch(delegation -> delegation.id().equals(id) && delegation.owner().equals(viewer.username()));
		if (!mine) {
			throw new NotFoundException(new Msg("delegation.not-found", id));
		}
		Delegation.DelegationView ended = delegations.end(id, viewer.username());
		redirect.addFlashAttribute("flash", text(new Msg("substitute.ended", name(ended.substitute()))));
		return "redirect:/my/substitute";
	}

	private String show(Viewer viewer, Form form, Map<String, List<String>> errors, Model model) {
		LocalDate today = today();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("people", people(viewer, form.q(), form.substitute()));
		model.addAttribute("rows", delegations.involving(viewer.username())
			.stream()
			.map(delegation -> row(viewer, delegation, today))
			.toList());
		return "workflow/substitute";
	}

	/**
	 * Who may be chosen: with no search, the colleagues of the viewer's own unit; with one, the active staff whose
	 * name (or login) contains it, at most {@value #SEARCH_LIMIT}. Never the viewer; the person already chosen stays.
	 */
	private List<Person> people(Viewer viewer, String q, String selected) {
		List<StaffInfo> found = q == null || q.isBlank()
				? (viewer.unitCode() == null ? List.of() : directory.members(viewer.unitCode(), false))
				: directory.searchStaff(null, q, false, PageRequest.of(0, SEARCH_LIMIT)).getContent();
		Map<String, Person> people = new LinkedHashMap<>();
		if (selected != null && !selected.isBlank()) {
			directory.findStaffInfo(selected.trim())
				.filter(StaffInfo::active)
				.filter(staff -> !staff.username().equals(viewer.username()))
				.ifPresent(staff -> people.put(staff.username(), person(staff)));
		}
		found.stream()
			.filter(StaffInfo::active)
			.filter(staff -> !staff.username().equals(viewer.username()))
			.forEach(staff -> people.putIfAbsent(staff.username(), person(staff)));
		return List.copyOf(people.values());
	}

	private static Person person(StaffInfo staff) {
		return new Person(staff.username(), staff.fullName(), staff.unitName(), staff.post());
	}

	private Row row(Viewer viewer, Delegation.DelegationView delegation, LocalDate today) {
		boolean mine = delegation.owner().equals(viewer.username());
		String state;
		if (delegation.endedAt() != null) {
			state = "ended";
		}
		else if (delegation.endsOn().isBefore(today)) {
			state = "expired";
		}
		else if (delegation.startsOn().isAfter(today)) {
			state = "upcoming";
		}
		else {
			state = "active";
		}
		boolean endable = mine && ("active".equals(state) || "upcoming".equals(state));
		return new Row(delegation.id(), mine, name(delegation.owner()), name(delegation.substitute()),
				DAY.format(delegation.startsOn()), DAY.format(delegation.endsOn()), delegation.reason(), state,
				delegation.endedAt() == null ? null : DAY.format(delegation.endedAt().atZone(zone())), endable);
	}

	/** Which field a refusal of the use case belongs next to. */
	private static String field(Msg msg) {
		return switch (msg.code()) {
			case "delegation.dates", "delegation.overlap" -> "period";
			case "delegation.reason-too-long" -> "reason";
			default -> "substitute";
		};
	}

	private LocalDate date(String typed, Map<String, List<String>> errors) {
		if (typed == null || typed.isBlank()) {
			add(errors, "period", text(new Msg("substitute.date-required")));
			return null;
		}
		try {
			return LocalDate.parse(typed.trim());
		}
		catch (DateTimeParseException ex) {
			add(errors, "period", text(new Msg("substitute.date-invalid", typed)));
			return null;
		}
	}

	private static void add(Map<String, List<String>> errors, String field, String sentence) {
		List<String> sentences = errors.computeIfAbsent(field, key -> new ArrayList<>());
		if (!sentences.contains(sentence)) {
			sentences.add(sentence);
		}
	}

	private String name(String username) {
		return directory.findStaffInfo(username).map(StaffInfo::fullName).orElse(username);
	}

	private String text(Msg msg) {
		Locale locale = Locales.current();
		return msg.render(messages, locale);
	}

	private ZoneId zone() {
		return ZoneId.of(properties.zone());
	}

	private LocalDate today() {
		return EngineClock.now().atZone(zone()).toLocalDate();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
