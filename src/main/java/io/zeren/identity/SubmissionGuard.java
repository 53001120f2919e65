package io.zeren.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.shared.Msg;

/**
 * A submission carries only the fields its form declares. Completing a task or starting a process over HTTP
 * (either door) may set only the variables the deployed Camunda Form of that task or start event names: a
 * variable that drives a process (who started it, which lead a task belongs to) cannot be smuggled in with a
 * form. A task or start event without a Camunda Form takes no variables from staff. Starting "somewhere else"
 * (startInstructions) or without the process's listeners and mappings is nobody's business over HTTP: repairs go
 * through process-instance modification, which only the system administrator reaches.
 */
@Component
class SubmissionGuard {

	/** A refusal: HTTP status and the sentence for the person. */
	record Refusal(int status, Msg message) {
	}

	private final FormService forms;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final IdentityService identity;

	private final ObjectMapper json;

	private final SystemAuthentication system;

	SubmissionGuard(FormService forms, TaskService tasks, RepositoryService repository, IdentityService identity,
			ObjectMapper json, SystemAuthentication system) {
		this.system = system;
		this.forms = forms;
		this.tasks = tasks;
		this.repository = repository;
		this.identity = identity;
		this.json = json;
	}

	/** Whether the normalised path completes a task or starts a process. */
	static boolean isSubmission(String method, List<String> path) {
		if (!"POST".equals(method) || path.size() < 3) {
			return false;
		}
		String last = path.get(path.size() - 1);
		if ("task".equals(path.get(0))) {
			return path.size() == 3 && Set.of("complete", "submit-form", "resolve").contains(last);
		}
		if ("process-definition".equals(path.get(0)) && Set.of("start", "submit-form").contains(last)) {
			return path.size() == 3 || (path.size() == 4 && "key".equals(path.get(1)))
					|| (path.size() == 6 && "key".equals(path.get(1)) && "tenant-id".equals(path.get(3)));
		}
		return false;
	}

	/** Null when the submission may go on (the engine still applies its own checks). */
	Refusal check(String actor, List<String> groups, boolean staffOnly, List<String> path, byte[] body) {
		JsonNode root = parse(body);
		if (root == null) {
			// Not JSON: the engine refuses it with its own answer, and it carries no variables we would accept.
			return body.length == 0 ? null : new Refusal(400, new Msg("security.submission.malformed"));
		}
		// Field names compared ignoring case: what the engine's JSON binding accepts must not slip past us.
		Set<String> submitted = new LinkedHashSet<>();
		boolean startInstructions = false;
		for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
			String name = names.next();
			JsonNode value = root.get(name);
			if ("variables".equalsIgnoreCase(name) && value.isObject()) {
				value.fieldNames().forEachRemaining(submitted::add);
			}
			startInstructions |= ("startInstructions".equalsIgnoreCase(name) && !value.isNull())
					|| (("skipCustomListeners".equalsIgnoreCase(name) || "skipIoMappings".equalsIgnoreCase(name))
							&& value.asBoolean(false));
		}
		Set<String> declared;
		if ("task".equals(path.get(0))) {
			Task task = visibleTask(actor, groups, path.get(1));
			if (task == null) {
				return null;
			}
			if (task.getParentTaskId() != null) {
				// A sub-task is an extra approver's signature (加签): it is signed with an opinion in the task's
				// 办理操作 tab, which records it in the task's history; a bare completion would skip both.
				return new Refusal(403, new Msg("security.submission.sign-in-tab"));
			}
			declared = declared(() -> forms.getDeployedTaskForm(path.get(1)));
		}
		else {
			if (startInstructions) {
				return new Refusal(403, new Msg("security.submission.start-instructions"));
			}
			String definitionId = definitionId(path);
			if (definitionId == null) {
				return null;
			}
			declared = declared(() -> forms.getDeployedStartForm(definitionId));
		}
		for (String key : submitted) {
			if (declared == null) {
				if (staffOnly) {
					return new Refusal(400, new Msg("security.submission.no-form", key));
				}
			}
			else if (!declared.contains(key)) {
				return new Refusal(400, new Msg("security.submission.undeclared", key));
			}
		}
		return null;
	}

	private JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return json.createObjectNode();
		}
		try {
			JsonNode root = json.readTree(body);
			return root != null && root.isObject() ? root : null;
		}
		catch (IOException malformed) {
			return null;
		}
	}

	/** The task if visible to the caller under the engine's own rules: otherwise the engine answers, and we say nothing. */
	private Task visibleTask(String actor, List<String> groups, String taskId) {
		var previous = identity.getCurrentAuthentication();
		identity.setAuthentication(actor, groups);
		try {
			return tasks.createTaskQuery().taskId(taskId).singleResult();
		}
		finally {
			if (previous == null) {
				identity.clearAuthentication();
			}
			else {
				identity.setAuthentication(previous);
			}
		}
	}

	private String definitionId(List<String> path) {
		return system.call(() -> {
			if (!"key".equals(path.get(1))) {
				ProcessDefinition definition = repository.createProcessDefinitionQuery()
					.processDefinitionId(path.get(1))
					.singleResult();
				return definition == null ? null : definition.getId();
			}
			ProcessDefinitionQuery query = repository.createProcessDefinitionQuery()
				.processDefinitionKey(path.get(2))
				.latestVersion();
			query = path.size() == 6 ? query.tenantIdIn(path.get(4)) : query.withoutTenantId();
			ProcessDefinition definition = query.singleResult();
			return definition == null ? null : definition.getId();
		});
	}

	/** The top-level variable names a deployed Camunda Form declares; null when there is no Camunda Form. */
	private Set<String> declared(java.util.function.Supplier<InputStream> form) {
		return system.call(() -> {
			try (InputStream in = form.get()) {
				JsonNode schema = json.readTree(in);
				if (schema == null || !schema.has("components")) {
					return null;
				}
				Set<String> keys = new LinkedHashSet<>();
				collect(schema.get("components"), keys);
				return keys;
			}
			catch (ProcessEngineException | IOException noCamundaForm) {
				// No form reference, or an embedded HTML form: not a Camunda Form.
				return null;
			}
		});
	}

	/**
	 * form-js binds a field to its {@code key}; a {@code group} or {@code dynamiclist} with a {@code path} binds its
	 * children under that path, one without a path lets them bind at the top. A dotted key or path names a nested
	 * value of its first segment.
	 */
	static void collect(JsonNode components, Set<String> keys) {
		if (components == null || !components.isArray()) {
			return;
		}
		for (Iterator<JsonNode> it = components.elements(); it.hasNext();) {
			JsonNode component = it.next();
			String path = component.path("path").asText("");
			if (component.has("components")) {
				if (!path.isBlank()) {
					keys.add(path.split("\\.", 2)[0]);
				}
				else {
					collect(component.get("components"), keys);
				}
			}
			else if (component.hasNonNull("key") && !component.path("key").asText().isBlank()) {
				keys.add(component.path("key").asText().split("\\.", 2)[0]);
			}
		}
	}

}
