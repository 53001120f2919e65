package io.zeren.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Overdue work for the unit page's tests: a piece of assigned work (交办事项) given by chenjing to one of her people
 * a month ago, due a few days after that — so it is overdue now — and, on demand, its escalation to chenjing (the
 * task's own deadline job run, as the job executor would).
 */
record UnitFixtures(RuntimeService runtime, TaskService tasks, ManagementService management) {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Starts the work as if assigned 30 days ago, due 5 days after that; answers the assignee's task. */
	Task overdueWork(String assigner, String assignee, String title) {
		Instant assignedAt = Instant.now().minus(Duration.ofDays(30));
		ClockUtil.setCurrentTime(Date.from(assignedAt));
		try {
			Map<String, Object> variables = new HashMap<>();
			variables.put("workTitle", title);
			variables.put("workDescription", "请按要求办理");
			variables.put("workAssignee", assignee);
			variables.put("workDueDate", assignedAt.plus(Duration.ofDays(5)).atZone(ZONE).toLocalDate().toString());
			// No authenticated user here: the assigner is taken from the initiator variable (the system's own start).
			variables.put(AssignedWork.VAR_INITIATOR, assigner);
			String instance = runtime.startProcessInstanceByKey("AssignedWorkProcess", variables).getId();
			return tasks.createTaskQuery().processInstanceId(instance).singleResult();
		}
		finally {
			ClockUtil.reset();
		}
	}

	/**
	 * Runs the task's deadline job (reminder, then due: the watch starts), then the watch's due timer, as the job
	 * executor would, until the watch has escalated the task to level 1.
	 */
	void escalate(Task task) {
		for (int round = 0; round < 10; round++) {
			List<Job> due = new java.util.ArrayList<>(management.createJobQuery()
				.jobIds(java.util.Set.of("zr-dl-" + task.getId(), "zr-dd-" + task.getId()))
				.executable()
				.list());
			runtime.createProcessInstanceQuery()
				.processDefinitionKey(TaskDeadlineProcess.KEY)
				.processInstanceBusinessKey(task.getId())
				.list()
				.forEach(watch -> due.addAll(management.createJobQuery().processInstanceId(watch.getId()).executable().list()));
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> management.executeJob(job.getId()));
		}
	}

	/** Deletes the work's process instances (and so the tasks and their watches). */
	void cleanUp(List<Task> started) {
		for (Task task : started) {
			runtime.createProcessInstanceQuery()
				.processDefinitionKey(TaskDeadlineProcess.KEY)
				.processInstanceBusinessKey(task.getId())
				.list()
				.forEach(watch -> runtime.deleteProcessInstance(watch.getId(), "test over"));
			if (runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count() > 0) {
				runtime.deleteProcessInstance(task.getProcessInstanceId(), "test over");
			}
		}
	}

}
