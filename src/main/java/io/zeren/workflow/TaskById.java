package io.zeren.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.zeren.identity.SystemAuthentication;

/**
 * Reads one open task by its id, as the system (no authorization check): for code that must look at a task
 * whoever asks, such as the deadline job or an audit filter in front of the engine REST API.
 * <p>
 * A native task query by primary key, not {@code createTaskQuery().taskId(id)}: the general task query is
 * built by MyBatis dynamic SQL from dozens of optional criteria on every call, which was 42 % of a reminder
 * job's CPU (docs/performance.md, item 22). The SQL is fixed, so it is built once, with the engine's table
 * name (prefix included).
 */
@Component
public class TaskById {

	private final TaskService tasks;

	private final SystemAuthentication system;

	private final String sql;

	TaskById(TaskService tasks, SystemAuthentication system, ManagementService management) {
		this.tasks = tasks;
		this.system = system;
		this.sql = "SELECT * FROM " + management.getTableName(Task.class) + " WHERE ID_ = #{id}";
	}

	/** The open task with this id; empty when there is none (completed, deleted or never existed). */
	public Optional<Task> find(String taskId) {
		if (taskId == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(system.call(() -> tasks.createNativeTaskQuery().sql(sql).parameter("id", taskId)
			.singleResult()));
	}

}
