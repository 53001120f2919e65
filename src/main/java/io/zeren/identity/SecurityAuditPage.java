package io.zeren.identity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.zeren.shared.Msg;
import io.zeren.shared.PageTimes;
import io.zeren.shared.WorkbenchPage;

/**
 * 安全审计记录 (audit administrator only, 三员分立): the security audit trail, filtered by actor, kind and days, paged.
 * Each look is itself on the trail, as on the REST API.
 */
@Controller
@WorkbenchPage
class SecurityAuditPage {

	static final int PAGE_SIZE = 50;

	private final SecurityAuditReading reading;

	private final SecurityAudit audit;

	private final SystemAdministrators administrators;

	private final MessageSource messages;

	SecurityAuditPage(SecurityAuditReading reading, SecurityAudit audit, SystemAdministrators administrators,
			MessageSource messages) {
		this.reading = reading;
		this.audit = audit;
		this.administrators = administrators;
		this.messages = messages;
	}

	@GetMapping("/audit/security")
	String trail(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, HttpServletResponse response, Model model) {
		String reader = administrators.requireAuditAdmin();
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate fromDay = day(from, "from", errors);
		LocalDate toDay = day(to, "to", errors);
		if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
			errors.put("to", render(new Msg("admin.audit.to-before-from")));
		}
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("errors", errors);
		model.addAttribute("actions", audit.actions());
		model.addAttribute("times", new PageTimes(reading.zone()));
		if (!errors.isEmpty()) {
			response.setStatus(422);
			model.addAttribute("entries", Page.empty());
			return "admin/audit-security";
		}
		model.addAttribute("entries", reading.read(reader, actor, action, fromDay, toDay, page, PAGE_SIZE));
		return "admin/audit-security";
	}

	private LocalDate day(String text, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, render(new Msg("admin.audit.date-invalid", text)));
			return null;
		}
	}

	private String render(Msg msg) {
		return msg.render(messages, LocaleContextHolder.getLocale());
	}

}
