package io.zeren.assessment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.zeren.organisation.UnitInfo;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/**
 * 我的考核: the viewer's own grades by year with the notices, review (复核) and appeal (申诉) requests and their
 * outcomes; the 优秀 lists now in publicity (公示) with a form to object (异议); forms to ask for a review or an
 * appeal while the process waits for one. Every rule is the use case's ({@link Assessments}), as over REST; a
 * refusal shows the form again with the sentence next to the field and what was typed.
 */
@Controller
@WorkbenchPage
class MyAssessmentsPage {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Viewers viewers;

	private final Assessments assessments;

	private final OrganisationDirectory directory;

	private final AssessmentProperties properties;

	private final MessageSource messages;

	MyAssessmentsPage(Viewers viewers, Assessments assessments, OrganisationDirectory directory,
			AssessmentProperties properties, MessageSource messages) {
		this.viewers = viewers;
		this.assessments = assessments;
		this.directory = directory;
		this.properties = properties;
		this.messages = messages;
	}

	/** A review or appeal request and what became of it. */
	record RequestRow(String kind, String reason, String requestedAt, String outcome, String newGrade, String decisionNote,
			String decidedAt) {
	}

	/** An objection raised against the viewer's own grade (who raised it is not shown). */
	record ObjectionRow(String reason, String filedAt, String status, String newGrade, String resolutionNote) {
	}

	/** A form to show: review or appeal for a year, with what was typed and the refusal's sentences. */
	record RequestForm(int year, String kind, String reason, List<String> errors) {
	}

	record YearRow(int year, String unitName, String grade, String status, String notice, String notifiedAt,
			String acknowledgedAt, String archivedAt, List<RequestRow> requests, List<ObjectionRow> objections,
			List<RequestForm> forms) {
	}

	/** A person on a 优秀 list in publicity: the choice of the objection form. */
	record Listed(String value, int year, String unitName, String fullName, String until) {
	}

	record FiledRow(int year, String unitName, String fullName, String reason, String filedAt, String status,
			String newGrade, String resolutionNote) {
	}

	/** The objection form as typed. */
	record ObjectionForm(String target, String reason) {
	}

	@GetMapping("/my/assessments")
	String page(Model model) {
		Viewer viewer = staff(viewers.require());
		return show(viewer, new ObjectionForm(null, null), Map.of(), null, model);
	}

	@PostMapping("/my/assessments/objections")
	String object(@RequestParam(required = false) String target, @RequestParam(required = false) String reason,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Viewer viewer = staff(viewers.require());
		ObjectionForm form = new ObjectionForm(target, reason);
		Map<String, List<String>> errors = new LinkedHashMap<>();
		int colon = target == null ? -1 : target.indexOf(':');
		if (colon <= 0) {
			add(errors, "target", text(new Msg("myassessment.objection.target-required")));
			if (reason == null || reason.isBlank()) {
				add(errors, "reason", text(new Msg("assessment.objection.reason-required")));
			}
		}
		else {
			try {
				int year = Integer.parseInt(target.substring(0, colon));
				String username = target.substring(colon + 1);
				assessments.fileObjection(year, username, viewer.username(), reason);
				redirect.addFlashAttribute("flash", text(new Msg("myassessment.objection.filed")));
				return "redirect:/my/assessments#publicity";
			}
			catch (NumberFormatException ex) {
				add(errors, "target", text(new Msg("myassessment.objection.target-required")));
			}
			catch (RuleViolationException ex) {
				ex.violations().forEach(msg -> add(errors, objectionField(msg), text(msg)));
			}
			catch (NotFoundException ex) {
				add(errors, "target", text(ex.msg()));
			}
		}
		response.setStatus(422);
		return show(viewer, form, errors, null, model);
	}

	@PostMapping("/my/assessments/{year}/reviews")
	String review(@PathVariable int year, @RequestParam(required = false) String reason, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return request(year, ReviewRequest.Kind.REVIEW, reason, model, response, redirect);
	}

	@PostMapping("/my/assessments/{year}/appeals")
	String appeal(@PathVariable int year, @RequestParam(required = false) String reason, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return request(year, ReviewRequest.Kind.APPEAL, reason, model, response, redirect);
	}

	private String request(int year, ReviewRequest.Kind kind, String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Viewer viewer = staff(viewers.require());
		List<String> errors = new ArrayList<>();
		try {
			// Always the viewer's own assessment: the use case takes the person from the login, never from the form.
			assessments.request(year, viewer.username(), kind, reason);
			redirect.addFlashAttribute("flash", text(new Msg("myassessment." + kind(kind) + ".filed", year)));
			return "redirect:/my/assessments#year-" + year;
		}
		catch (RuleViolationException ex) {
			ex.violations().forEach(msg -> errors.add(text(msg)));
		}
		catch (NotFoundException ex) {
			errors.add(text(new Msg("myassessment.not-yours", year)));
		}
		response.setStatus(422);
		return show(viewer, new ObjectionForm(null, null), Map.of(), new RequestForm(year, kind(kind), reason, errors),
				model);
	}

	private String show(Viewer viewer, ObjectionForm objection, Map<String, List<String>> objectionErrors,
			RequestForm failed, Model model) {
		List<YearRow> years = new ArrayList<>();
		for (AssessmentView view : assessments.search(new Assessments.Viewer(viewer.username(), false, Set.of()), null,
				null, viewer.username())) {
			years.add(year(viewer, view, failed));
		}
		boolean failedShown = failed == null || years.stream().anyMatch(row -> row.year() == failed.year());
		model.addAttribute("years", years);
		// A refused request for a year that is not the viewer's: its form and sentence still show, with the reason.
		model.addAttribute("strayForm", failedShown ? null : failed);
		model.addAttribute("listed", assessments.inPublicity()
			.stream()
			.map(entry -> new Listed(entry.year() + ":" + entry.username(), entry.year(), entry.unitName(),
					entry.fullName(), entry.publicityUntil() == null ? null : day(entry.publicityUntil())))
			.toList());
		model.addAttribute("objection", objection);
		model.addAttribute("objectionErrors", objectionErrors);
		model.addAttribute("filed", assessments.objectionsFiledBy(viewer.username())
			.stream()
			.map(o -> new FiledRow(o.year(), o.unitName(), o.fullName(), o.reason(), minute(o.filedAt()), o.status(),
					grade(o.newGrade()), o.resolutionNote()))
			.toList());
		return "assessment/my-assessments";
	}

	private YearRow year(Viewer viewer, AssessmentView view, RequestForm failed) {
		Assessment.Status status = Assessment.Status.valueOf(view.status());
		// The grade is the person's to see once the notice went out (archived results of earlier years included).
		boolean told = status.atLeast(Assessment.Status.NOTIFIED);
		String unitName = directory.units().stream()
			.filter(unit -> unit.code().equals(view.unitCode()))
			.map(UnitInfo::name)
			.findFirst()
			.orElse(view.unitCode());
		List<RequestRow> requests = view.reviews()
			.stream()
			.map(r -> new RequestRow("REVIEW".equals(r.kind()) ? "review" : "appeal", r.reason(), minute(r.requestedAt()),
					r.outcome() == null ? "pending" : r.outcome().toLowerCase(java.util.Locale.ROOT), grade(r.newGrade()),
					r.decisionNote(), minute(r.decidedAt())))
			.toList();
		List<ObjectionRow> objections = view.objections()
			.stream()
			.map(o -> new ObjectionRow(o.reason(), minute(o.filedAt()), o.status(), grade(o.newGrade()), o.resolutionNote()))
			.toList();
		List<RequestForm> forms = new ArrayList<>();
		for (ReviewRequest.Kind kind : ReviewRequest.Kind.values()) {
			if (failed != null && failed.year() == view.year() && failed.kind().equals(kind(kind))) {
				forms.add(failed);
			}
			else if (status != Assessment.Status.ARCHIVED
					&& assessments.acceptsRequest(view.year(), viewer.username(), kind)) {
				forms.add(new RequestForm(view.year(), kind(kind), null, List.of()));
			}
		}
		return new YearRow(view.year(), unitName, told ? grade(view.finalGrade()) : null, status.name(),
				view.notifiedAt() == null ? null : assessments.gradeText(view.id()), minute(view.notifiedAt()),
				minute(view.acknowledgedAt()), minute(view.archivedAt()), requests, objections, forms);
	}

	private static String objectionField(Msg msg) {
		return switch (msg.code()) {
			case "assessment.objection.reason-required", "assessment.text.too-long" -> "reason";
			default -> "target";
		};
	}

	private static String kind(ReviewRequest.Kind kind) {
		return kind == ReviewRequest.Kind.REVIEW ? "review" : "appeal";
	}

	/** My pages are for members of the organisation; the three administrators are not assessed. */
	private static Viewer staff(Viewer viewer) {
		if (!viewer.isStaff()) {
			throw new ForbiddenException(new Msg("my.staff-only"));
		}
		return viewer;
	}

	private static void add(Map<String, List<String>> errors, String field, String sentence) {
		List<String> sentences = errors.computeIfAbsent(field, key -> new ArrayList<>());
		if (!sentences.contains(sentence)) {
			sentences.add(sentence);
		}
	}

	private String grade(Grade grade) {
		return grade == null ? null : text(new Msg("assessment.grade." + grade.name()));
	}

	private String text(Msg msg) {
		return msg.render(messages, Locales.current());
	}

	private String day(Instant instant) {
		return DAY.format(instant.atZone(ZoneId.of(properties.zone())));
	}

	private String minute(Instant instant) {
		return instant == null ? null : MINUTE.format(instant.atZone(ZoneId.of(properties.zone())));
	}

}
