package io.zeren.discipline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.zeren.calendar.EngineClock;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/**
 * The discipline office's pages (纪检): the lead intake form and register, cases, accountability matters, sanctions
 * in force and the audit trail. Every decision on who may see what is the one the REST API makes
 * ({@link DisciplineReads}); everyone else gets the refusal page and nothing of the content. Every page view is a
 * line in the discipline audit trail with the authenticated reader (PAGE_VIEWED, besides the use case's own read
 * lines; refusals as READ_DENIED).
 */
@Controller
@WorkbenchPage
class DisciplinePages {

	static final int PEOPLE_SHOWN = 30;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The intake form as typed (dates as text, so a bad one is shown back as typed). */
	record LeadForm(String source, String sourceRef, String subject, String subjectQuery, String title, String summary,
			String receivedOn, String informantName, String informantContact, String informantUsername,
			String informantQuery) {

		static LeadForm empty(LocalDate today) {
			return new LeadForm(LeadSource.LETTER.name(), null, null, null, null, null, today.toString(), null, null,
					null, null);
		}

	}

	/** A person to choose by name: login as the value, name, unit and post as the label. */
	record Person(String username, String label) {
	}

	private final DisciplineReads reads;

	private final DisciplineAudit audit;

	private final OrganisationDirectory directory;

	private final MessageSource messages;

	private final ZoneId zone;

	DisciplinePages(DisciplineReads reads, DisciplineAudit audit, OrganisationDirectory directory,
			MessageSource messages, @Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.reads = reads;
		this.audit = audit;
		this.directory = directory;
		this.messages = messages;
		this.zone = zone;
	}

	/** Helpers for the templates: names for logins, unit names, days and minutes in the agency's zone. */
	@ModelAttribute("dis")
	Helpers helpers() {
		return new Helpers();
	}

	// --- leads ------------------------------------------------------------------------------------------------

	@GetMapping("/discipline/leads")
	String leads(@RequestParam(required = false) String status, @RequestParam(required = false) String source,
			@RequestParam(required = false) Integer year, Authentication caller, HttpServletRequest request,
			Model model) {
		LeadStatus chosenStatus = parse(LeadStatus.class, status);
		LeadSource chosenSource = parse(LeadSource.class, source);
		List<Leads.LeadView> rows = reads.leadRegister(chosenStatus, chosenSource, year, caller);
		viewed(caller, request, null);
		model.addAttribute("leads", rows);
		model.addAttribute("statuses", LeadStatus.values());
		model.addAttribute("sources", LeadSource.values());
		model.addAttribute("status", chosenStatus);
		model.addAttribute("source", chosenSource);
		model.addAttribute("year", year);
		model.addAttribute("office", reads.isOffice(caller));
		return "discipline/leads";
	}

	@GetMapping("/discipline/leads/new")
	String newLead(Authentication caller, HttpServletRequest request, Model model) {
		requireOffice(caller, request);
		viewed(caller, request, null);
		return form(LeadForm.empty(today()), Map.of(), List.of(), model);
	}

	@PostMapping("/discipline/leads")
	String register(@ModelAttribute LeadForm form, Authentication caller, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect, Model model) {
		requireOffice(caller, request);
		String informantName = form.informantName();
		if ((informantName == null || informantName.isBlank()) && present(form.informantUsername())) {
			informantName = directory.findStaffInfo(form.informantUsername().trim()).map(StaffInfo::fullName).orElse(null);
		}
		LeadRules.LeadRequest lead = new LeadRules.LeadRequest(form.source(), form.sourceRef(), form.subject(), null,
				form.title(), form.summary(), form.receivedOn(), informantName, form.informantContact(),
				form.informantUsername());
		try {
			Leads.LeadView saved = reads.registerLead(lead, caller);
			redirect.addFlashAttribute("flash", text("discipline.page.lead.registered-flash", saved.leadNumber()));
			return "redirect:/discipline/leads/" + saved.id();
		}
		catch (RuleViolationException ex) {
			audit.read(caller.getName(), "PAGE_VIEWED", null, "/discipline/leads/new", "form refused");
			Map<String, List<String>> errors = new LinkedHashMap<>();
			List<String> general = new ArrayList<>();
			for (Msg msg : ex.violations()) {
				String field = fieldOf(msg.code());
				String sentence = render(msg);
				if (field == null) {
					general.add(sentence);
				}
				else {
					errors.computeIfAbsent(field, key -> new ArrayList<>()).add(sentence);
				}
			}
			response.setStatus(422);
			return form(form, errors, general, model);
		}
	}

	/** The people matching a name, as options of the subject's or informant's select (htmx). */
	@GetMapping("/discipline/leads/people")
	String people(@RequestParam(required = false) String subjectQuery,
			@RequestParam(required = false) String informantQuery, Authentication caller, HttpServletRequest request,
			Model model) {
		requireOffice(caller, request);
		String query = present(subjectQuery) ? subjectQuery : informantQuery;
		viewed(caller, request, "q=" + query);
		model.addAttribute("people", people(query));
		model.addAttribute("selected", null);
		return "discipline/people :: options";
	}

	@GetMapping("/discipline/leads/{id}")
	String lead(@PathVariable long id, Authentication caller, HttpServletRequest request, Model model) {
		Leads.LeadFile file = reads.leadFile(id, caller);
		viewed(caller, request, id);
		return leadPage(file, null, List.of(), caller, model);
	}

	@PostMapping("/discipline/leads/{id}/information")
	String information(@PathVariable long id, @RequestParam(required = false) String text, Authentication caller,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
		try {
			Leads.LeadView lead = reads.addInformation(id, text, caller);
			redirect.addFlashAttribute("flash", text("discipline.page.lead.information-added", lead.leadNumber()));
			return "redirect:/discipline/leads/" + id;
		}
		catch (RuleViolationException ex) {
			Leads.LeadFile file = reads.leadFile(id, caller);
			viewed(caller, request, id);
			response.setStatus(422);
			return leadPage(file, text, ex.violations().stream().map(this::render).toList(), caller, model);
		}
	}

	// --- cases, sanctions, accountability ------------------------------------------------------------------

	@GetMapping("/discipline/cases")
	String cases(Authentication caller, HttpServletRequest request, Model model) {
		List<DisciplineCase.CaseSummary> rows = reads.cases(caller.getName());
		viewed(caller, request, null);
		model.addAttribute("cases", rows);
		return "discipline/cases";
	}

	@GetMapping("/discipline/cases/{id}")
	String caseFile(@PathVariable long id, Authentication caller, HttpServletRequest request, Model model) {
		DisciplineReads.CaseFileView view = reads.caseFile(id, caller.getName());
		viewed(caller, request, view.file().leadId());
		model.addAttribute("c", view.file());
		model.addAttribute("sanctions", view.sanctions());
		return "discipline/case";
	}

	@GetMapping("/discipline/sanctions")
	String sanctions(Authentication caller, HttpServletRequest request, Model model) {
		List<Sanction.SanctionView> rows = reads.sanctionsInForce(caller.getName());
		viewed(caller, request, null);
		model.addAttribute("sanctions", rows);
		return "discipline/sanctions";
	}

	@GetMapping("/discipline/accountability")
	String accountability(@RequestParam(required = false) Integer year, Authentication caller,
			HttpServletRequest request, Model model) {
		List<Accountabilities.Summary> rows = reads.accountability(year, null, caller);
		viewed(caller, request, null);
		model.addAttribute("matters", rows);
		model.addAttribute("year", year);
		return "discipline/accountability";
	}

	@GetMapping("/discipline/accountability/{id}")
	String matter(@PathVariable long id, Authentication caller, HttpServletRequest request, Model model) {
		Accountabilities.Detail detail = reads.accountability(id, caller);
		viewed(caller, request, null);
		model.addAttribute("m", detail);
		return "discipline/matter";
	}

	// --- audit trail ---------------------------------------------------------------------------------------

	@GetMapping("/discipline/audit")
	String audit(@RequestParam(required = false) String leadId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
			Authentication caller, HttpServletRequest request, Model model) {
		List<String> problems = new ArrayList<>();
		Long lead = null;
		if (present(leadId)) {
			try {
				lead = Long.valueOf(leadId.trim());
			}
			catch (NumberFormatException ex) {
				problems.add(text("discipline.page.audit.lead-invalid", leadId));
			}
		}
		LocalDate fromDay = day(from, problems);
		LocalDate toDay = day(to, problems);
		Page<AuditEntry> entries = reads.audit(lead, actor, action, fromDay, toDay, page, 50, caller);
		viewed(caller, request, lead);
		model.addAttribute("entries", entries);
		model.addAttribute("problems", problems);
		model.addAttribute("actions", AUDIT_ACTIONS);
		model.addAttribute("filter", Map.of("leadId", blankIfNull(leadId), "actor", blankIfNull(actor), "action",
				blankIfNull(action), "from", blankIfNull(from), "to", blankIfNull(to)));
		return "discipline/audit";
	}

	/** The actions of the trail, for the filter. */
	static final List<String> AUDIT_ACTIONS = List.of("PAGE_VIEWED", "LEAD_VIEWED", "CASE_VIEWED", "SANCTIONS_VIEWED",
			"ACCOUNTABILITY_VIEWED", "AUDIT_VIEWED", "TASK_VIEWED", "TASK_LISTED", "ELIGIBILITY_VIEWED", "READ_DENIED",
			"LEAD_REGISTER_DENIED", "LEAD_REGISTERED", "LEAD_DISPOSAL_DECIDED", "LEAD_INFORMATION_ADDED", "LEAD_CLOSED",
			"LEAD_FILING_PROPOSED", "CASE_OPENED", "DECIDED", "DECISION_DELIVERED", "SANCTION_IMPOSED", "SANCTION_LIFTED",
			"ACCOUNTABILITY_OPENED", "ACCOUNTABILITY_DECIDED");

	// ---------------------------------------------------------------------------------------------------------

	private String form(LeadForm form, Map<String, List<String>> errors, List<String> general, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("general", general);
		model.addAttribute("sources", Arrays.stream(LeadSource.values()).filter(LeadSource::enteredByHand).toList());
		model.addAttribute("subjects", withSelected(people(form.subjectQuery()), form.subject()));
		model.addAttribute("informants", withSelected(people(form.informantQuery()), form.informantUsername()));
		model.addAttribute("today", today().toString());
		return "discipline/lead-form";
	}

	private String leadPage(Leads.LeadFile file, String typed, List<String> errors, Authentication caller,
			Model model) {
		model.addAttribute("file", file);
		model.addAttribute("lead", file.lead());
		model.addAttribute("office", reads.isOffice(caller));
		model.addAttribute("typed", typed);
		model.addAttribute("informationErrors", errors);
		return "discipline/lead";
	}

	/** Active staff whose name (or login) contains the text; the first ones when nothing was typed. */
	private List<Person> people(String query) {
		return directory.searchStaff(null, query, false, PageRequest.of(0, PEOPLE_SHOWN))
			.stream()
			.map(this::person)
			.toList();
	}

	/** The chosen person stays among the options whatever the search showed. */
	private List<Person> withSelected(List<Person> found, String selected) {
		if (!present(selected) || found.stream().anyMatch(p -> p.username().equals(selected.trim()))) {
			return found;
		}
		List<Person> all = new ArrayList<>();
		directory.findStaffInfo(selected.trim()).map(this::person).ifPresent(all::add);
		all.addAll(found);
		return all;
	}

	private Person person(StaffInfo staff) {
		String post = staff.post() == null || staff.post().isBlank() ? "" : " · " + staff.post();
		return new Person(staff.username(), staff.fullName() + "（" + staff.unitName() + post + "）");
	}

	/** The form field a registration problem belongs to (null: the form as a whole). */
	static String fieldOf(String code) {
		String key = code.startsWith("discipline.lead.") ? code.substring("discipline.lead.".length()) : code;
		if (key.startsWith("source-ref") || key.equals("duplicate")) {
			return "sourceRef";
		}
		if (key.startsWith("source")) {
			return "source";
		}
		if (key.equals("target-required") || key.startsWith("subject") || key.startsWith("unit")) {
			return "subject";
		}
		if (key.startsWith("title")) {
			return "title";
		}
		if (key.startsWith("summary")) {
			return "summary";
		}
		if (key.startsWith("received")) {
			return "receivedOn";
		}
		if (key.equals("informant-too-long")) {
			return "informantName";
		}
		if (key.startsWith("informant")) {
			return "informantUsername";
		}
		return null;
	}

	private void requireOffice(Authentication caller, HttpServletRequest request) {
		if (!reads.isOffice(caller)) {
			audit.read(caller.getName(), "READ_DENIED", null, ref(request), "page: not in the discipline office");
			throw new ForbiddenException(new Msg("discipline.lead.register-denied"));
		}
	}

	/** The page view itself, after the use case let the reader in. */
	private void viewed(Authentication caller, HttpServletRequest request, Object detail) {
		Long leadId = detail instanceof Long id ? id : null;
		audit.read(caller.getName(), "PAGE_VIEWED", leadId, ref(request),
				request.getQueryString() == null ? null : abbreviate(request.getQueryString()));
	}

	private static String ref(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.length() > 64 ? uri.substring(0, 64) : uri;
	}

	private static String abbreviate(String text) {
		return text.length() > 500 ? text.substring(0, 500) : text;
	}

	/** A page-specific sentence where the use case's would name a code, else the use case's own. */
	private String render(Msg msg) {
		Locale locale = Locales.current();
		String pageKey = "discipline.page.error." + msg.code();
		String page = messages.getMessage(pageKey, msg.args(), null, locale);
		return page != null ? page : msg.render(messages, locale);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, Locales.current());
	}

	private LocalDate day(String text, List<String> problems) {
		if (!present(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (java.time.format.DateTimeParseException ex) {
			problems.add(text("discipline.page.audit.day-invalid", text));
			return null;
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(EngineClock.now(), zone);
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	private static String blankIfNull(String text) {
		return text == null ? "" : text;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (!present(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** What the templates call: names, units, days. */
	class Helpers {

		private Map<String, String> units;

		/** A person's name for a login; the system's own steps read 系统. */
		public String name(String username) {
			if (username == null || username.isBlank()) {
				return "—";
			}
			if ("system".equals(username)) {
				return text("discipline.page.system");
			}
			return directory.cachedStaffInfo(username).map(StaffInfo::fullName).orElse(username);
		}

		/** Name with the login, for the audit trail. */
		public String nameAndLogin(String username) {
			String name = name(username);
			return name.equals(username) ? username : name + "（" + username + "）";
		}

		public String unit(String code) {
			if (code == null || code.isBlank()) {
				return "—";
			}
			if (units == null) {
				units = new java.util.HashMap<>();
				directory.units().forEach(u -> units.put(u.code(), u.name()));
			}
			return units.getOrDefault(code, code);
		}

		public String unitOf(String username) {
			return username == null ? "—"
					: directory.cachedStaffInfo(username).map(StaffInfo::unitName).orElse("—");
		}

		public String day(Instant instant) {
			return instant == null ? "—" : DAY.format(instant.atZone(zone));
		}

		public String day(LocalDate day) {
			return day == null ? "—" : DAY.format(day);
		}

		public String minute(Instant instant) {
			return instant == null ? "—" : MINUTE.format(instant.atZone(zone));
		}

		/** A label for an enum constant or code: {@code prefix.CODE}, or the code if no label exists. */
		public String label(String prefix, Object code) {
			if (code == null) {
				return "—";
			}
			String name = code instanceof Enum<?> e ? e.name() : code.toString();
			return messages.getMessage(prefix + "." + name, null, name, Locales.current());
		}

	}

}
