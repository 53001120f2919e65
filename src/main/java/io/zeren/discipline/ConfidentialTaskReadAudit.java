package io.zeren.discipline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.identity.WebappSessionUser;
import io.zeren.workflow.ConfidentialProcesses;
import io.zeren.workflow.TaskById;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads of discipline tasks through Tasklist or the engine REST API go to the discipline audit trail like reads
 * through our own API, with the real reader and the lead from the system's record of the instance (never the
 * task's {@code leadId} variable, which its holder can change):
 * <ul>
 * <li>a read of one task or anything under it (the task, its form, form variables, variables and local
 * variables, one variable and its binary content, identity links, comments, attachments): TASK_VIEWED when the
 * engine answered, else READ_DENIED;</li>
 * <li>a task list (GET or POST {@code /task}, {@code /filter/{id}/list}, both doors): one TASK_LISTED line per
 * discipline task returned. Only for readers who could see one at all — a discipline role, or a participation
 * in some lead (the subject's included) — so that ordinary staff's task lists are passed through untouched.</li>
 * </ul>
 * Runs after Camunda's own authentication filters, so the reader is known for both doors.
 */
@Configuration(proxyBeanMethods = false)
class ConfidentialTaskReadAudit {

	/** One task and anything under it; {@code count} and {@code report} are not task ids. */
	static final Pattern TASK_READ = Pattern.compile(".*/task/([^/]+)(?:/(.+?))?/?$");

	/** A task list: the task query (GET or POST) or a saved filter's list. */
	static final Pattern TASK_LIST = Pattern.compile(".*/(?:task|filter/[^/]+/list)/?$");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> disciplineTaskReadAudit(TaskById taskById, IdentityService identity,
			DisciplineAudit audit, DisciplineInstances instances, DisciplineAccess access, ObjectMapper json) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new Filter(taskById, identity, audit, instances, access, json));
		registration.addUrlPatterns("/engine-rest/task/*", "/engine-rest/filter/*", "/camunda/api/engine/engine/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final TaskById taskById;

		private final IdentityService identity;

		private final DisciplineAudit audit;

		private final DisciplineInstances instances;

		private final DisciplineAccess access;

		private final ObjectMapper json;

		Filter(TaskById taskById, IdentityService identity, DisciplineAudit audit, DisciplineInstances instances,
				DisciplineAccess access, ObjectMapper json) {
			this.taskById = taskById;
			this.identity = identity;
			this.audit = audit;
			this.instances = instances;
			this.access = access;
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String uri = request.getRequestURI();
			String method = request.getMethod();
			if (("GET".equals(method) || "POST".equals(method)) && TASK_LIST.matcher(uri).matches()) {
				list(request, response, chain);
				return;
			}
			Matcher read = "GET".equals(method) ? TASK_READ.matcher(uri) : null;
			if (read == null || !read.matches() || "count".equals(read.group(1)) || "report".equals(read.group(1))) {
				chain.doFilter(request, response);
				return;
			}
			String taskId = read.group(1);
			// By primary key, not through the general task query: this runs on every task read of Tasklist.
			Task task = taskById.find(taskId).orElse(null);
			if (task == null || !confidential(task.getProcessDefinitionId())) {
				chain.doFilter(request, response);
				return;
			}
			String reader = reader(request);
			Optional<DisciplineInstance> instance = instances.ofInstance(task.getProcessInstanceId());
			try {
				chain.doFilter(request, response);
			}
			finally {
				boolean answered = response.getStatus() < 400;
				audit.read(reader, answered ? "TASK_VIEWED" : "READ_DENIED",
						instance.map(DisciplineInstance::leadId).orElse(null), instance.map(instances::ref).orElse(null),
						task.getName() + " " + (read.group(2) == null ? "task" : read.group(2)));
			}
		}

		/** A task list: audited per discipline task in the answer, for readers who could see one at all. */
		private void list(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String reader = reader(request);
			if (reader == null || !(access.couldSeeDisciplineTasks(reader) || instances.addressedTo(reader))) {
				chain.doFilter(request, response);
				return;
			}
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
			try {
				chain.doFilter(request, answer);
				if (answer.getStatus() < 400) {
					for (JsonNode task : tasks(answer.getContentAsByteArray())) {
						if (confidential(task.path("processDefinitionId").asText(null))) {
							Optional<DisciplineInstance> instance = instances
								.ofInstance(task.path("processInstanceId").asText(null));
							audit.read(reader, "TASK_LISTED", instance.map(DisciplineInstance::leadId).orElse(null),
									instance.map(instances::ref).orElse(null),
									task.path("name").asText("") + " list " + request.getRequestURI());
						}
					}
				}
			}
			finally {
				answer.copyBodyToResponse();
			}
		}

		/** The tasks of a list answer: a JSON array, or HAL ({@code _embedded.task}) from a filter. */
		private List<JsonNode> tasks(byte[] body) {
			List<JsonNode> tasks = new ArrayList<>();
			if (body.length == 0) {
				return tasks;
			}
			try {
				JsonNode root = json.readTree(body);
				JsonNode rows = root.isArray() ? root : root.path("_embedded").path("task");
				rows.forEach(tasks::add);
			}
			catch (IOException notJson) {
				// not a task list (an error page, a count): nothing to audit
			}
			return tasks;
		}

		private static boolean confidential(String processDefinitionId) {
			String processKey = ConfidentialProcesses.keyOf(processDefinitionId);
			return processKey != null && DisciplineProcesses.CONFIDENTIAL.contains(processKey);
		}

		private String reader(HttpServletRequest request) {
			Authentication current = identity.getCurrentAuthentication();
			if (current != null && current.getUserId() != null) {
				return current.getUserId();
			}
			// The webapps' own door: their session login, not the engine's or Spring Security's.
			return WebappSessionUser.of(request).map(WebappSessionUser::id)
				.orElseGet(() -> request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
		}

	}

}
