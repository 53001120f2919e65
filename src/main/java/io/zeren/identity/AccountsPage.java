package io.zeren.identity;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.Msg;
import io.zeren.shared.PageTimes;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/**
 * 锁定账号 (system administrator): the login waits the throttle runs now — an account from one address, an address
 * for every account, an account for new addresses — and releasing one (on the security audit trail). The throttle's
 * counters live in this node's memory: the page says so.
 */
@Controller
@WorkbenchPage
class AccountsPage {

	private final LoginThrottle throttle;

	private final SystemAdministrators administrators;

	private final OrganisationDirectory directory;

	private final MessageSource messages;

	private final PageTimes times;

	AccountsPage(LoginThrottle throttle, SystemAdministrators administrators, OrganisationDirectory directory,
			MessageSource messages, @Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.throttle = throttle;
		this.administrators = administrators;
		this.directory = directory;
		this.messages = messages;
		this.times = new PageTimes(zone);
	}

	/** A wait as the page shows it: with the person's name when the account is a staff member's. */
	record Shown(LoginThrottle.Lock lock, String name, String until) {
	}

	@GetMapping("/admin/accounts")
	String accounts(Model model) {
		administrators.requireSystemAdmin();
		model.addAttribute("locks", throttle.locks()
			.stream()
			.map(lock -> new Shown(lock, lock.account() == null ? null
					: directory.cachedStaffInfo(lock.account()).map(StaffInfo::fullName).orElse(null),
					times.at(lock.until())))
			.toList());
		return "admin/accounts";
	}

	@PostMapping("/admin/accounts/release")
	String release(@RequestParam String scope, @RequestParam(required = false) String account,
			@RequestParam(required = false) String source, RedirectAttributes redirect) {
		String admin = administrators.requireSystemAdmin();
		LoginThrottle.Scope which;
		try {
			which = LoginThrottle.Scope.valueOf(scope);
		}
		catch (IllegalArgumentException ex) {
			throw new RuleViolationException(new Msg("admin.accounts.not-locked"));
		}
		if (!throttle.release(which, blankToNull(account), blankToNull(source), admin)) {
			throw new RuleViolationException(new Msg("admin.accounts.not-locked"));
		}
		String who = account != null && !account.isBlank() ? account : source;
		redirect.addFlashAttribute("flash",
				messages.getMessage("admin.accounts.released", new Object[] { who }, LocaleContextHolder.getLocale()));
		return "redirect:/admin/accounts";
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
