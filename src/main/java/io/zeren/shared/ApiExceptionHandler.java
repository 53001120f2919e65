package io.zeren.shared;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps domain failures on our /api endpoints to RFC 9457 problem details listing every violation. */
@RestControllerAdvice(basePackages = "io.zeren")
class ApiExceptionHandler {

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	ApiExceptionHandler(MessageSource messages, ApplicationEventPublisher events) {
		this.messages = messages;
		this.events = events;
	}

	@ExceptionHandler(RuleViolationException.class)
	ProblemDetail ruleViolated(RuleViolationException ex) {
		return problem(HttpStatus.UNPROCESSABLE_ENTITY, "error.title.rule", render(ex.violations()));
	}

	/** More specific than {@link #ruleViolated}: Spring picks the closest exception type. */
	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, "error.title.invalid", render(ex.violations()));
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException ex, HttpServletRequest request) {
		refused(request, ex.msg().code());
		return problem(HttpStatus.FORBIDDEN, "error.title.forbidden", render(List.of(ex.msg())));
	}

	/** A controller's own access check (Spring Security's exception): 403 with a sentence a person can read. */
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail accessDenied(AccessDeniedException ex, HttpServletRequest request) {
		refused(request, ex.getMessage());
		return problem(HttpStatus.FORBIDDEN, "error.title.forbidden", render(List.of(new Msg("error.access-denied"))));
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "error.title.not-found", render(List.of(ex.msg())));
	}

	/**
	 * The engine refused the caller (Camunda authorizations): 403 with a sentence a person can read; the engine's own
	 * text (codes, resource names) goes to the audit trail, not to the person.
	 */
	@ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
	ProblemDetail engineRefused(org.camunda.bpm.engine.AuthorizationException ex, HttpServletRequest request) {
		refused(request, ex.getMessage());
		return problem(HttpStatus.FORBIDDEN, "error.title.forbidden", render(List.of(new Msg("error.access-denied"))));
	}

	private void refused(HttpServletRequest request, String reason) {
		events.publishEvent(AccessRefused.of(request, reason));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		List<String> violations = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> error.getField() + ": " + messages.getMessage(error, LocaleContextHolder.getLocale()))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "error.title.invalid", violations);
	}

	private List<String> render(List<Msg> violations) {
		Locale locale = Locales.current();
		return violations.stream().map(msg -> msg.render(messages, locale)).toList();
	}

	private ProblemDetail problem(HttpStatus status, String titleCode, List<String> violations) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join("; ", violations));
		problem.setTitle(messages.getMessage(titleCode, null, titleCode, LocaleContextHolder.getLocale()));
		problem.setProperty("violations", violations);
		return problem;
	}

}
