package io.zeren.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * Refusals of the engine REST API (both doors: {@code /engine-rest} and the webapps' {@code /camunda/api/engine})
 * answered as a sentence a person reads, in their language: a Zeren rule broken in a listener or delegate → 422, a
 * task already completed or deleted → 404, a task another person claimed → 409.
 * <p>
 * Why here and not in JAX-RS: Camunda's REST resources catch the engine's exception and build their own message
 * around it ("Cannot submit task form &lt;id&gt;: ENGINE-03051 There was an exception while invoking the
 * TaskListener. Message: ..."), and the two doors are two JAX-RS applications, one of which (the webapps' engine
 * API) has no public way to add a provider. So the engine tells what it refused (a command interceptor, the
 * engine's public extension point for every command whatever the caller) and this filter, on both doors, replaces
 * only the error answers of those requests. Successful answers and every other error pass unchanged.
 */
final class EngineRefusals {

	/** The engine exception of the current request's last failed command; set only inside {@link Filter}. */
	private static final ThreadLocal<Holder> CURRENT = new ThreadLocal<>();

	private EngineRefusals() {
	}

	private static final class Holder {

		private Throwable failure;

	}

	/** Puts the recording interceptor first in the engine's command chains. */
	static final class Plugin extends AbstractProcessEnginePlugin {

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new Recorder());
			configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(0, new Recorder());
		}

	}

	/** Remembers what a command threw (the outermost command is seen last) and throws it on unchanged. */
	static final class Recorder extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return next.execute(command);
			}
			catch (RuntimeException | Error failure) {
				Holder holder = CURRENT.get();
				if (holder != null) {
					holder.failure = failure;
				}
				throw failure;
			}
		}

	}

	/** What a refusal says and with which status; null when the failure is none of ours. */
	record Refusal(int status, List<String> sentences) {
	}

	static Refusal refusal(Throwable failure, String path, MessageSource messages, OrganisationDirectory directory,
			Locale locale) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof RuleViolationException rule) {
				return new Refusal(422, rule.violations().stream().map(msg -> msg.render(messages, locale)).toList());
			}
			if (cause instanceof TaskAlreadyClaimedException claimed) {
				String holder = claimed.getTaskAssignee() == null ? null
						: directory.findStaffInfo(claimed.getTaskAssignee()).map(StaffInfo::fullName).orElse(null);
				Msg msg = holder == null ? new Msg("engine.refusal.task-claimed-other")
						: new Msg("engine.refusal.task-claimed", holder);
				return new Refusal(409, List.of(msg.render(messages, locale)));
			}
		}
		// A task that is gone: the engine's "Cannot find task with id ...: task is null" (NullValueException) or its
		// not-found exception, on a task resource. Other null values (a missing parameter) are not a gone task.
		boolean onTask = path.matches(".*/task/[^/]+(/.*)?");
		boolean gone = failure instanceof NotFoundException || (failure instanceof NullValueException
				&& failure.getMessage() != null && failure.getMessage().contains("task is null"));
		if (onTask && gone) {
			return new Refusal(404, List.of(new Msg("engine.refusal.task-gone").render(messages, locale)));
		}
		return null;
	}

	/** On the engine REST doors, after the gate: rewrites the error answer of a request the engine refused. */
	static final class Filter extends OncePerRequestFilter {

		private final MessageSource messages;

		private final OrganisationDirectory directory;

		private final ObjectMapper json;

		Filter(MessageSource messages, OrganisationDirectory directory, ObjectMapper json) {
			this.messages = messages;
			this.directory = directory;
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			// Reads change nothing and may stream large files: only changes are held back and may be rewritten.
			if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
				chain.doFilter(request, response);
				return;
			}
			Holder holder = new Holder();
			Holder outer = CURRENT.get();
			CURRENT.set(holder);
			ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
			try {
				chain.doFilter(request, held);
			}
			finally {
				if (outer == null) {
					CURRENT.remove();
				}
				else {
					CURRENT.set(outer);
				}
			}
			Refusal refusal = held.getStatus() >= 400 && holder.failure != null
					? refusal(holder.failure, request.getRequestURI(), messages, directory, Locales.current()) : null;
			if (refusal == null || response.isCommitted()) {
				held.copyBodyToResponse();
				return;
			}
			logger.debug("Engine refusal answered as a sentence: " + holder.failure);
			// Camunda's error shape ({type, message}): Tasklist shows "message" as it is.
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", "Refusal");
			body.put("message", String.join("；", refusal.sentences()));
			body.put("violations", refusal.sentences());
			// The headers the chain set stay (the webapps' CSRF token among them); only status and body change.
			held.resetBuffer();
			held.setStatus(refusal.status());
			held.setContentType(MediaType.APPLICATION_JSON_VALUE);
			held.setCharacterEncoding(StandardCharsets.UTF_8.name());
			held.getOutputStream().write(json.writeValueAsBytes(body));
			held.copyBodyToResponse();
		}

	}

}
