package io.zeren.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The deadline of a user task as one engine timer job instead of a watch process per task (see
 * docs/performance.md: the watch process cost more than the task itself). The job fires at the reminder
 * time (phase REMIND: reminder mail, then the same job is scheduled again for the due date) or at the due
 * date (phase DUE: the TaskDeadlineProcess starts and escalates at once, as it always did). So a watch
 * process, with its user tasks for supervisors, exists only for tasks that run late.
 * <p>
 * The job's id is derived from the phase and the task id ({@code zr-dl-<taskId>} before the reminder,
 * {@code zr-dd-<taskId>} before the due date), so closing a task finds and deletes it by primary key; it has no execution, so deleting or finishing the task's process never leaves it
 * dangling (and a stale one finds its task closed and does nothing). Retries and incidents are the
 * engine's, as for any job.
 */
public class TaskDeadlineJob extends AbstractProcessEnginePlugin implements JobHandler<TaskDeadlineJob.Config> {

	public static final String TYPE = "zeren-task-deadline";

	enum Phase {

		REMIND("zr-dl-"), DUE("zr-dd-");

		private final String idPrefix;

		Phase(String idPrefix) {
			this.idPrefix = idPrefix;
		}

		String jobId(String taskId) {
			return idPrefix + taskId;
		}

	}

	/**
	 * What the watch needs later, fixed when the task was created: the policy's reminder lead and escalation
	 * interval and cap (the rest is read from the task and its zr_task_deadline row when the job fires).
	 */
	record Config(Phase phase, String taskId, String remindBefore, String escalateEvery, int escalationCap,
			String processName) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return String.join("|", phase.name(), taskId, nullToEmpty(remindBefore), nullToEmpty(escalateEvery),
					String.valueOf(escalationCap), nullToEmpty(processName));
		}

		static Config parse(String text) {
			String[] parts = text.split("\\|", 6);
			return new Config(Phase.valueOf(parts[0]), parts[1], emptyToNull(parts[2]), emptyToNull(parts[3]),
					Integer.parseInt(parts[4]), parts.length > 5 ? emptyToNull(parts[5]) : null);
		}

		Config next(Phase next) {
			return new Config(next, taskId, remindBefore, escalateEvery, escalationCap, processName);
		}

		private static String nullToEmpty(String text) {
			return text == null ? "" : text;
		}

		private static String emptyToNull(String text) {
			return text == null || text.isEmpty() ? null : text;
		}

	}

	private final ObjectProvider<TaskDeadlines> deadlines;

	TaskDeadlineJob(ObjectProvider<TaskDeadlines> deadlines) {
		this.deadlines = deadlines;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomJobHandlers());
		handlers.add(this);
		configuration.setCustomJobHandlers(handlers);
	}

	@Override
	public String getType() {
		return TYPE;
	}

	@Override
	public void execute(Config configuration, ExecutionEntity execution, CommandContext commandContext,
			String tenantId) {
		deadlines.getObject().deadlineJobDue(configuration);
	}

	@Override
	public Config newConfiguration(String canonicalString) {
		return Config.parse(canonicalString);
	}

	@Override
	public void onDelete(Config configuration, JobEntity jobEntity) {
		// nothing hangs off the job
	}

	// --- for TaskDeadlines: each runs in the caller's engine command (task listener, job) or a new one (REST) ---

	static void schedule(org.camunda.bpm.engine.RuntimeService runtime, Config config, Date at) {
		inEngine(runtime, context -> {
			schedule(config, at);
			return null;
		});
	}

	/** The configuration of the task's pending deadline job, or null. */
	static Config pendingConfig(org.camunda.bpm.engine.RuntimeService runtime, String taskId) {
		return inEngine(runtime, context -> {
			JobEntity job = pending(taskId);
			return job == null ? null : Config.parse(job.getJobHandlerConfigurationRaw());
		});
	}

	/** Deletes the task's pending deadline job; whether there was one. */
	static boolean cancel(org.camunda.bpm.engine.RuntimeService runtime, String taskId) {
		return inEngine(runtime, context -> {
			JobEntity job = pending(taskId);
			if (job != null) {
				job.delete();
			}
			return job != null;
		});
	}

	private static <T> T inEngine(org.camunda.bpm.engine.RuntimeService runtime,
			org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
		return ((org.camunda.bpm.engine.impl.ServiceImpl) runtime).getCommandExecutor().execute(command);
	}

	// --- inside the engine command -------------------------------------------------------------------------

	static void schedule(Config config, Date at) {
		TimerEntity timer = new TimerEntity();
		timer.setId(config.phase().jobId(config.taskId()));
		timer.setJobHandlerType(TYPE);
		timer.setJobHandlerConfiguration(config);
		timer.setDuedate(at);
		Context.getCommandContext().getJobManager().schedule(timer);
	}

	/** The pending deadline job of a task, or null (none scheduled, or it already started the watch). */
	static JobEntity pending(String taskId) {
		for (Phase phase : Phase.values()) {
			JobEntity job = Context.getCommandContext().getJobManager().findJobById(phase.jobId(taskId));
			if (job != null) {
				return job;
			}
		}
		return null;
	}


}
