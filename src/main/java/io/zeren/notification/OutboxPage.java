package io.zeren.notification;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.zeren.shared.Msg;
import io.zeren.shared.PageTimes;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.SystemAdministration;
import io.zeren.shared.WorkbenchPage;

/** 邮件 (system administrator): the mail outbox by state, failed mails first; retry one failed mail or all of them. */
@Controller
@WorkbenchPage
class OutboxPage {

	static final int PAGE_SIZE = 30;

	/** The tabs, failed first: what needs the administrator. "ALL" is every state. */
	static final List<String> TABS = List.of("FAILED", "PENDING", "HELD", "SENDING", "SENT", "DIGESTED", "ALL");

	private final OutboxAdmin outbox;

	private final SystemAdministration administration;

	private final MessageSource messages;

	private final PageTimes times;

	OutboxPage(OutboxAdmin outbox, SystemAdministration administration, MessageSource messages,
			@Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.outbox = outbox;
		this.administration = administration;
		this.messages = messages;
		this.times = new PageTimes(zone);
	}

	@GetMapping("/admin/outbox")
	String outbox(@RequestParam(defaultValue = "FAILED") String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		administration.requireSystemAdmin();
		return page(status, page, null, model);
	}

	@PostMapping("/admin/outbox/{id}/retry")
	String retry(@PathVariable Long id, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		administration.requireSystemAdmin();
		try {
			outbox.retry(id);
		}
		catch (RuleViolationException ex) {
			response.setStatus(422);
			return page("FAILED", 0, ex.violations().stream().map(this::render).toList(), model);
		}
		redirect.addFlashAttribute("flash", render(new Msg("admin.outbox.retried", String.valueOf(id))));
		return "redirect:/admin/outbox?status=FAILED";
	}

	@PostMapping("/admin/outbox/retry-failed")
	String retryFailed(RedirectAttributes redirect) {
		administration.requireSystemAdmin();
		int retried = outbox.retryAllFailed();
		redirect.addFlashAttribute("flash", render(new Msg("admin.outbox.retried-all", retried)));
		return "redirect:/admin/outbox?status=FAILED";
	}

	private String page(String wanted, int page, List<String> problems, Model model) {
		String tab = TABS.contains(wanted) ? wanted : "FAILED";
		MailStatus status = "ALL".equals(tab) ? null : MailStatus.valueOf(tab);
		Map<MailStatus, Long> counts = outbox.counts();
		model.addAttribute("tabs", TABS);
		model.addAttribute("tab", tab);
		Map<String, Long> byName = new java.util.LinkedHashMap<>();
		counts.forEach((state, count) -> byName.put(state.name(), count));
		model.addAttribute("counts", byName);
		model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("mails", outbox.list(status,
				PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "createdAt", "id"))));
		model.addAttribute("times", times);
		model.addAttribute("problems", problems);
		return "admin/outbox";
	}

	private String render(Msg msg) {
		return msg.render(messages, LocaleContextHolder.getLocale());
	}

}
