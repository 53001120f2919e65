package io.zeren.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.zeren.identity.Viewer;
import io.zeren.identity.Viewers;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/** 政策参数 (/admin/policy): the system administrator reads and changes the policy numbers, with their history. */
@Controller
@WorkbenchPage
@RequestMapping("/admin/policy")
class PolicyPage {

	private final PolicySettings settings;

	private final Viewers viewers;

	private final MessageSource messages;

	private final io.zeren.shared.PageTimes times;

	PolicyPage(PolicySettings settings, Viewers viewers, MessageSource messages,
			@org.springframework.beans.factory.annotation.Value("${zeren.calendar.zone:Asia/Shanghai}") String zone) {
		this.times = new io.zeren.shared.PageTimes(java.time.ZoneId.of(zone));
		this.settings = settings;
		this.viewers = viewers;
		this.messages = messages;
	}

	/** One row as shown: label, value in force and as read, default, last change. */
	record Line(String key, String group, String label, String value, String valueText, String defaultValue,
			String defaultText, boolean overridden, String updatedBy, String updatedAt, String kind) {
	}

	record Shown(String changedAt, String changedBy, String key, String oldValue, String newValue) {
	}

	private String format(java.time.Instant at) {
		return at == null ? null : times.at(at);
	}

	@GetMapping
	String show(Model model) {
		admin();
		return page(model, null, null, null);
	}

	@PostMapping
	String change(@RequestParam String key, @RequestParam(defaultValue = "") String value, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Viewer admin = admin();
		try {
			settings.set(key, value, admin.username());
		}
		catch (RuleViolationException refused) {
			response.setStatus(422);
			Locale locale = Locales.current();
			String reason = String.join("；", refused.violations().stream().map(msg -> msg.render(messages, locale)).toList());
			return page(model, key, value, reason);
		}
		redirect.addFlashAttribute("flash", messages.getMessage("settings.saved", new Object[] { label(key) },
				Locales.current()));
		return "redirect:/admin/policy";
	}

	@PostMapping("/reset")
	String reset(@RequestParam String key, RedirectAttributes redirect) {
		Viewer admin = admin();
		settings.reset(key, admin.username());
		redirect.addFlashAttribute("flash", messages.getMessage("settings.reset-done", new Object[] { label(key) },
				Locales.current()));
		return "redirect:/admin/policy";
	}

	private String page(Model model, String failedKey, String typed, String reason) {
		Locale locale = Locales.current();
		Map<String, List<Line>> groups = new LinkedHashMap<>();
		for (PolicySettings.Row row : settings.rows()) {
			PolicyCatalogue.Setting setting = row.setting();
			Line line = new Line(setting.key(), messages.getMessage(setting.group(), null, locale), label(setting),
					row.value(), PolicyText.describe(setting.kind(), row.value(), messages, locale), row.defaultValue(),
					PolicyText.describe(setting.kind(), row.defaultValue(), messages, locale), row.overridden(),
					row.updatedBy(), format(row.updatedAt()), messages.getMessage("settings.kind." + setting.kind(), null, locale));
			groups.computeIfAbsent(line.group(), group -> new java.util.ArrayList<>()).add(line);
		}
		Map<String, String> labels = new LinkedHashMap<>();
		PolicyCatalogue.SETTINGS.forEach(setting -> labels.put(setting.key(), label(setting)));
		model.addAttribute("groups", groups);
		model.addAttribute("labels", labels);
		model.addAttribute("history", settings.history(50)
			.stream()
			.map(change -> new Shown(format(change.changedAt()), change.changedBy(), change.key(), change.oldValue(),
					change.newValue()))
			.toList());
		model.addAttribute("failedKey", failedKey);
		model.addAttribute("failedLabel", failedKey == null ? null : label(failedKey));
		model.addAttribute("typed", typed);
		model.addAttribute("reason", reason);
		return "settings/policy";
	}

	private String label(String key) {
		return PolicyCatalogue.find(key).map(this::label).orElse(key);
	}

	private String label(PolicyCatalogue.Setting setting) {
		Locale locale = Locales.current();
		Object[] args = setting.labelArgument() == null ? null
				: new Object[] { messages.getMessage(setting.labelArgument(), null, locale) };
		return messages.getMessage(setting.label(), args, locale);
	}

	private Viewer admin() {
		Viewer viewer = viewers.require();
		if (!viewer.isSystemAdmin()) {
			throw new ForbiddenException(new Msg("settings.forbidden"));
		}
		return viewer;
	}

}
