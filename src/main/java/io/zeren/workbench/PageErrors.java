package io.zeren.workbench;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.zeren.identity.Viewers;
import io.zeren.shared.AccessRefused;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.WorkbenchPage;

/**
 * A refusal on a workbench page reads as a page with the Chinese sentence (never JSON, codes or class names): 403 for
 * what the person may not see (recorded in the security audit trail like every other door), 404, and 422 for a broken
 * rule the page did not catch itself. Pages with forms catch rule violations themselves and show the form again with
 * what was typed; this is the fallback.
 */
@ControllerAdvice(annotations = WorkbenchPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Viewers viewers;

	PageErrors(MessageSource messages, ApplicationEventPublisher events, Viewers viewers) {
		this.messages = messages;
		this.events = events;
		this.viewers = viewers;
	}

	@ExceptionHandler(ForbiddenException.class)
	String forbidden(ForbiddenException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		refused(request, ex.msg().code());
		return page(response, model, HttpServletResponse.SC_FORBIDDEN, "error.title.forbidden", List.of(ex.msg()));
	}

	@ExceptionHandler({ AccessDeniedException.class, org.camunda.bpm.engine.AuthorizationException.class })
	String accessDenied(RuntimeException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		refused(request, ex.getMessage());
		return page(response, model, HttpServletResponse.SC_FORBIDDEN, "error.title.forbidden",
				List.of(new Msg("error.access-denied")));
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException ex, HttpServletResponse response, Model model) {
		return page(response, model, HttpServletResponse.SC_NOT_FOUND, "error.title.not-found", List.of(ex.msg()));
	}

	@ExceptionHandler(RuleViolationException.class)
	String ruleViolated(RuleViolationException ex, HttpServletResponse response, Model model) {
		return page(response, model, 422, "error.title.rule", ex.violations());
	}

	private String page(HttpServletResponse response, Model model, int status, String title, List<Msg> reasons) {
		Locale locale = Locales.current();
		response.setStatus(status);
		model.addAttribute("viewer", viewers.current().orElse(null));
		model.addAttribute("errorTitle", messages.getMessage(title, null, title, locale));
		model.addAttribute("reasons", reasons.stream().map(msg -> msg.render(messages, locale)).toList());
		return "error-page";
	}

	private void refused(HttpServletRequest request, String reason) {
		events.publishEvent(AccessRefused.of(request, reason));
	}

}
