package io.zeren.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.zeren.identity.Viewer;
import io.zeren.identity.Viewers;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/**
 * 本单位工作 (/unit): a unit head's view of the unit they head — or of a unit below it — its people, their
 * responsibility lists and progress, their open and overdue tasks, the escalations addressed to the head, and 催办 of
 * several tasks at once. Who heads what comes from the organisation; each urge goes through the same use case and
 * check as {@code POST /api/tasks/{id}/urge}, and its outcome is reported task by task.
 */
@Controller
@WorkbenchPage
class UnitPage {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The longest message accepted with an urge (the log keeps 1,000 characters). */
	static final int MAX_MESSAGE = 500;

	/** Result of urging one task, in the reader's language. */
	record UrgeLine(String taskId, String label, boolean urged, String sentence) {
	}

	private final Viewers viewers;

	private final UnitWork work;

	private final SupervisorActions supervisors;

	private final TaskUrgeRepository urges;

	private final DeadlineProperties properties;

	private final MessageSource messages;

	UnitPage(Viewers viewers, UnitWork work, SupervisorActions supervisors, TaskUrgeRepository urges,
			DeadlineProperties properties, MessageSource messages) {
		this.viewers = viewers;
		this.work = work;
		this.supervisors = supervisors;
		this.urges = urges;
		this.properties = properties;
		this.messages = messages;
	}

	@GetMapping("/unit")
	String page(@RequestParam(required = false) String unit, Model model) {
		Viewer viewer = viewers.require();
		List<UnitWork.UnitChoice> choices = choicesOf(viewer);
		UnitWork.UnitChoice chosen = chosen(choices, unit);
		model.addAttribute("view", work.view(viewer.username(), chosen, choices));
		model.addAttribute("maxMessage", MAX_MESSAGE);
		return "workflow/unit";
	}

	/**
	 * 催办 for every ticked task, one by one (each in its own transaction: one refusal changes nothing of the others),
	 * then back to the page with what happened to each.
	 */
	@PostMapping("/unit/urge")
	String urge(@RequestParam(name = "taskId", required = false) List<String> taskIds,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String message,
			Authentication caller, RedirectAttributes redirect) {
		Viewer viewer = viewers.require();
		List<UnitWork.UnitChoice> choices = choicesOf(viewer);
		UnitWork.UnitChoice chosen = chosen(choices, unit);
		redirect.addAttribute("unit", chosen.code());
		Locale locale = Locales.current();
		String note = message == null || message.isBlank() ? null : message.strip();
		if (note != null && note.length() > MAX_MESSAGE) {
			redirect.addFlashAttribute("urgeError", render(new Msg("unit.urge.message-too-long", String.valueOf(MAX_MESSAGE)), locale));
			redirect.addFlashAttribute("message", note);
			return "redirect:/unit";
		}
		List<String> ids = taskIds == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(taskIds.stream().filter(id -> id != null && !id.isBlank()).toList()));
		if (ids.isEmpty()) {
			redirect.addFlashAttribute("urgeError", render(new Msg("unit.urge.none-selected"), locale));
			return "redirect:/unit";
		}
		List<UrgeLine> results = new ArrayList<>();
		for (String taskId : ids) {
			results.add(urgeOne(taskId, note, caller, locale));
		}
		long urged = results.stream().filter(UrgeLine::urged).count();
		redirect.addFlashAttribute("urgeResults", results);
		redirect.addFlashAttribute("flash", render(new Msg("unit.urge.summary", String.valueOf(urged),
				String.valueOf(results.size() - urged)), locale));
		return "redirect:/unit";
	}

	private UrgeLine urgeOne(String taskId, String note, Authentication caller, Locale locale) {
		try {
			boolean sent = supervisors.urge(taskId, note, caller);
			// Only now, the check passed: the caller may know the task's name.
			String label = work.taskName(taskId).orElse(render(new Msg("unit.urge.task-gone"), locale));
			if (sent) {
				return new UrgeLine(taskId, label, true, render(new Msg("unit.urge.sent"), locale));
			}
			Instant last = urges.lastUrge(taskId, caller.getName());
			Instant next = last == null ? null : last.plus(properties.urgeMinInterval());
			return new UrgeLine(taskId, label, false, render(new Msg("unit.urge.too-soon", interval(locale),
					text(last), text(next)), locale));
		}
		catch (ForbiddenException ex) {
			return new UrgeLine(taskId, render(new Msg("unit.urge.task-not-yours"), locale), false,
					render(ex.msg(), locale));
		}
		catch (NotFoundException ex) {
			return new UrgeLine(taskId, render(new Msg("unit.urge.task-gone"), locale), false,
					render(new Msg("unit.urge.gone"), locale));
		}
		catch (RuleViolationException ex) {
			return new UrgeLine(taskId, work.taskName(taskId).orElse(render(new Msg("unit.urge.task-gone"), locale)), false,
					String.join("；", ex.violations().stream().map(msg -> render(msg, locale)).toList()));
		}
	}

	/** The units the viewer heads and those below them; 403 for anyone who heads no unit. */
	private List<UnitWork.UnitChoice> choicesOf(Viewer viewer) {
		List<UnitWork.UnitChoice> choices = work.choicesOf(viewer.username());
		if (choices.isEmpty()) {
			throw new ForbiddenException(new Msg("unit.page.not-head"));
		}
		return choices;
	}

	/** The unit asked for, if it is one of the viewer's; the first unit they head when none is asked for. */
	private static UnitWork.UnitChoice chosen(List<UnitWork.UnitChoice> choices, String unit) {
		if (unit == null || unit.isBlank()) {
			return choices.get(0);
		}
		return choices.stream()
			.filter(choice -> choice.code().equals(unit.strip()))
			.findFirst()
			.orElseThrow(() -> new ForbiddenException(new Msg("unit.page.not-in-subtree")));
	}

	private String interval(Locale locale) {
		Duration interval = properties.urgeMinInterval();
		if (interval.toMinutes() % 60 == 0) {
			return render(new Msg("unit.urge.hours", String.valueOf(interval.toHours())), locale);
		}
		return render(new Msg("unit.urge.minutes", String.valueOf(Math.max(1, interval.toMinutes()))), locale);
	}

	private String text(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.of(properties.zone())));
	}

	private String render(Msg msg, Locale locale) {
		return msg.render(messages, locale);
	}

}
