package io.zeren.notification;

import java.security.Principal;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeren.notification.MailPreferences.Settings;
import io.zeren.notification.OutboxMail.OutboxView;

/** Mail over REST: everyone's own preferences; the outbox for admins only (see the security rules). */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "Mail preferences and, for admins, the mail outbox")
class NotificationController {

	private final OutboxAdmin outbox;

	private final MailPreferences preferences;

	NotificationController(OutboxAdmin outbox, MailPreferences preferences) {
		this.outbox = outbox;
		this.preferences = preferences;
	}

	@GetMapping("/outbox")
	@Operation(summary = "Mails in the outbox, newest first, optionally of one status (e.g. FAILED)")
	Page<OutboxView> outbox(@RequestParam(required = false) MailStatus status,
			@PageableDefault(size = 50, sort = "createdAt", direction = Sort.Direction.DESC) Pageable page) {
		return outbox.list(status, page);
	}

	@PostMapping("/outbox/{id}/retry")
	@Operation(summary = "Send a FAILED mail again, with a fresh round of attempts")
	OutboxView retry(@PathVariable Long id) {
		return outbox.retry(id);
	}

	@PostMapping("/outbox/retry-failed")
	@Operation(summary = "Send every FAILED mail again")
	Map<String, Integer> retryFailed() {
		return Map.of("retried", outbox.retryAllFailed());
	}

	@GetMapping("/preferences/me")
	@Operation(summary = "The signed-in user's mail preferences")
	Settings myPreferences(Principal principal) {
		return preferences.of(principal.getName());
	}

	@PutMapping("/preferences/me")
	@Operation(summary = "Change the signed-in user's mail preferences (daily digest of reminders on or off)")
	Settings changeMyPreferences(Principal principal, @RequestBody Settings settings) {
		return preferences.change(principal.getName(), settings);
	}

}
