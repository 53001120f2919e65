package io.zeren.responsibility;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.organisation.OrganisationDirectory;

/** Plays the deploy phase of a year in the ITs, as the people in Tasklist would, and cleans up after it. */
record CycleDriver(TaskService tasks, RuntimeService runtime, ManagementService management, HistoryService history,
		OrganisationDirectory directory, JdbcTemplate jdbc) {

	/** Drafts, approves and confirms every unit list; the kick-off job then waits (no job executor in tests). */
	void approveAndConfirmUnits(int year) {
		approve(year);
		createUnitTasks(year);
		confirmUnits(year);
	}

	void approve(int year) {
		complete(year, AnnualCycleProcess.TASK_DRAFT_CATALOGUE,
				Map.of("workPoints", "坚持政治建警", "catalogueRows", TestRows.catalogue()));
		complete(year, AnnualCycleProcess.TASK_APPROVE_CATALOGUE, Map.of("catalogueDecision", "approve"));
	}

	/** Every unit head confirms the list as proposed, one after the other; returns how many. */
	int confirmUnits(int year) {
		List<Task> unitTasks = unitTasks(year);
		for (Task unitTask : unitTasks) {
			tasks.complete(unitTask.getId(), Map.of(UnitListProcess.VAR_UNIT_LIST_ROWS,
					tasks.getVariableTyped(unitTask.getId(), UnitListProcess.VAR_UNIT_LIST_ROWS)));
		}
		return unitTasks.size();
	}

	List<Task> unitTasks(int year) {
		return tasks.createTaskQuery().processDefinitionKey(UnitListProcess.KEY)
			.processInstanceBusinessKeyLike(year + ":%").taskDefinitionKey(UnitListProcess.TASK_CONFIRM_UNIT_LIST).list();
	}

	/**
	 * The unit tasks are started in batches, one job each (as the job executor would, on four threads); then
	 * the batches' joins, one at a time as the engine runs exclusive jobs, until the cycle waits for the units.
	 */
	void createUnitTasks(int year) {
		String instance = cycleInstance(year);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
			for (org.camunda.bpm.engine.runtime.Job job : management.createJobQuery().processInstanceId(instance)
				.executable().list()) {
				done.add(pool.submit(() -> management.executeJob(job.getId())));
			}
			for (java.util.concurrent.Future<?> job : done) {
				job.get();
			}
		}
		catch (InterruptedException | java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("creating the unit tasks of " + year + " failed", ex);
		}
		finally {
			pool.shutdown();
		}
		runJobs(instance);
	}

	void complete(int year, String taskKey, Map<String, Object> variables) {
		Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(year)).taskDefinitionKey(taskKey)
			.singleResult();
		tasks.complete(task.getId(), variables);
	}

	/**
	 * The kick-off's jobs (plan, one per KickOffBatchProcess, the finishing count) until the cycle process waits
	 * or ends; the batches one after the other.
	 */
	void runKickOffJob(int year) {
		String cycle = cycleInstance(year);
		boolean ran = true;
		while (ran) {
			ran = false;
			List<String> instances = new java.util.ArrayList<>(List.of(cycle));
			runtime.createProcessInstanceQuery().processDefinitionKey(KickOffBatchProcess.KEY)
				.processInstanceBusinessKeyLike(year + ":%").list().forEach(batch -> instances.add(batch.getId()));
			for (String instance : instances) {
				for (org.camunda.bpm.engine.runtime.Job job : management.createJobQuery().processInstanceId(instance)
					.executable().list()) {
					management.executeJob(job.getId());
					ran = true;
				}
			}
		}
	}

	private String cycleInstance(int year) {
		return runtime.createProcessInstanceQuery().processDefinitionKey(AnnualCycleProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(year)).singleResult().getId();
	}

	private void runJobs(String instance) {
		java.util.List<org.camunda.bpm.engine.runtime.Job> jobs;
		while (!(jobs = management.createJobQuery().processInstanceId(instance).executable().list()).isEmpty()) {
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
	}

	long activeStaff() {
		return directory.searchStaff(null, null, false, PageRequest.of(0, 1)).getTotalElements();
	}

	long personalInstances(int year) {
		return runtime.createProcessInstanceQuery().processDefinitionKey(PersonalResponsibilityProcess.KEY)
			.processInstanceBusinessKeyLike(year + ":%").count();
	}

	long personalLists(int year) {
		return jdbc.queryForObject("select count(*) from zr_pers_list p join zr_resp_cycle c on c.id = p.cycle_id "
				+ "where c.cycle_year = ?", Long.class, year);
	}

	List<String> duplicateListOwners(int year) {
		return jdbc.queryForList("select p.username from zr_pers_list p join zr_resp_cycle c on c.id = p.cycle_id "
				+ "where c.cycle_year = ? group by p.username having count(*) > 1", String.class, year);
	}

	/** Removes the year's instances and the deadline watches their tasks started, so other ITs see a quiet engine. */
	void cleanUp(int year, Instant since) {
		runtime.createProcessInstanceQuery().processDefinitionKey(PersonalResponsibilityProcess.KEY)
			.processInstanceBusinessKeyLike(year + ":%").list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		for (String key : List.of(UnitListProcess.KEY, KickOffBatchProcess.KEY)) {
			runtime.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKeyLike(year + ":%")
				.list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		}
		runtime.createProcessInstanceQuery().processDefinitionKey(AnnualCycleProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(year)).list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		history.createHistoricProcessInstanceQuery().processDefinitionKey("TaskDeadlineProcess")
			.startedAfter(Date.from(since)).unfinished().list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
	}

}
