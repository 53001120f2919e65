package io.zeren.workbench;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.zeren.calendar.EngineClock;
import io.zeren.shared.HomeCard;

/**
 * The home page's first card: my open tasks (assigned to me) by due date, how many are overdue, and how many wait
 * for someone of my groups to claim them; each links into Tasklist, where tasks are worked.
 */
@Component
class MyTasksCard implements HomeCard.Source {

	static final int SHOWN = 10;

	private final TaskService tasks;

	private final String tasklistPath;

	MyTasksCard(TaskService tasks, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		this.tasks = tasks;
		this.tasklistPath = webappPath + "/app/tasklist/default/";
	}

	record TaskLine(String id, String name, Date due, boolean overdue, String link) {
	}

	@Override
	public List<HomeCard> cardsFor(String username, Set<String> groups) {
		if (groups.isEmpty()) {
			return List.of();
		}
		Date now = Date.from(EngineClock.now());
		List<TaskLine> mine = tasks.createTaskQuery()
			.taskAssignee(username)
			.active()
			.orderByDueDate()
			.asc()
			.listPage(0, SHOWN)
			.stream()
			.map(task -> line(task, now))
			.toList();
		long assigned = tasks.createTaskQuery().taskAssignee(username).active().count();
		long overdue = tasks.createTaskQuery().taskAssignee(username).active().dueBefore(now).count();
		long claimable = tasks.createTaskQuery().taskCandidateGroupIn(List.copyOf(groups)).taskUnassigned().active().count();
		return List.of(new HomeCard(0, "workbench/cards", "tasks",
				Map.of("tasks", mine, "assigned", assigned, "overdue", overdue, "claimable", claimable)));
	}

	private TaskLine line(Task task, Date now) {
		boolean overdue = task.getDueDate() != null && task.getDueDate().before(now);
		return new TaskLine(task.getId(), task.getName(), task.getDueDate(), overdue,
				tasklistPath + "#/?task=" + task.getId());
	}

}
