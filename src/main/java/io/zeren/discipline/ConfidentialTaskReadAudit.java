package io.zeren.discipline;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import io.zeren.identity.SystemAuthentication;
import io.zeren.workflow.ConfidentialProcesses;
import io.zeren.workflow.TaskById;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads of a discipline task through Tasklist or the engine REST API (the task, its form, its variables) go
 * to the discipline audit trail like reads through our own API: TASK_VIEWED when the engine answered, else
 * READ_DENIED. Runs after Camunda's own authentication filters, so the reader is known for both.
 */
@Configuration(proxyBeanMethods = false)
class ConfidentialTaskReadAudit {

	private static final Pattern TASK_READ = Pattern
		.compile(".*/task/([^/]+)(?:/(form-variables|variables|localVariables|form|deployed-form|rendered-form|identity-links|comment|attachment))?/?$");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> disciplineTaskReadAudit(TaskService tasks, TaskById taskById,
			IdentityService identity, SystemAuthentication system, DisciplineAudit audit) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new Filter(tasks, taskById, identity, system, audit));
		registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final TaskService tasks;

		private final TaskById taskById;

		private final IdentityService identity;

		private final SystemAuthentication system;

		private final DisciplineAudit audit;

		Filter(TaskService tasks, TaskById taskById, IdentityService identity, SystemAuthentication system,
				DisciplineAudit audit) {
			this.tasks = tasks;
			this.taskById = taskById;
			this.identity = identity;
			this.system = system;
			this.audit = audit;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Matcher read = "GET".equals(request.getMethod()) ? TASK_READ.matcher(request.getRequestURI()) : null;
			if (read == null || !read.matches() || "count".equals(read.group(1))) {
				chain.doFilter(request, response);
				return;
			}
			String taskId = read.group(1);
			// By primary key, not through the general task query: this runs on every task read of Tasklist.
			Task task = taskById.find(taskId).orElse(null);
			String processKey = task == null ? null : ConfidentialProcesses.keyOf(task.getProcessDefinitionId());
			if (processKey == null || !DisciplineProcesses.CONFIDENTIAL.contains(processKey)) {
				chain.doFilter(request, response);
				return;
			}
			String reader = reader(request);
			Object lead = system.call(() -> tasks.getVariable(taskId, DisciplineProcesses.VAR_LEAD_ID));
			Object number = system.call(() -> tasks.getVariable(taskId, DisciplineProcesses.VAR_CASE_NUMBER));
			try {
				chain.doFilter(request, response);
			}
			finally {
				boolean answered = response.getStatus() < 400;
				audit.read(reader, answered ? "TASK_VIEWED" : "READ_DENIED",
						lead instanceof Number id ? id.longValue() : null, number == null ? null : number.toString(),
						task.getName() + " " + (read.group(2) == null ? "task" : read.group(2)));
			}
		}

		private String reader(HttpServletRequest request) {
			Authentication current = identity.getCurrentAuthentication();
			if (current != null && current.getUserId() != null) {
				return current.getUserId();
			}
			return request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
		}

	}

}
