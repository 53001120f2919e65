package io.zeren.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.zeren.identity.GroupIds;
import io.zeren.shared.TaskNames;

/**
 * The preset Tasklist filters every staff member sees, each sorted by due date (soonest first) and showing the
 * context variables that Zeren code sets ({@link TaskNames}). Created on every start and kept equal to
 * {@link #SPECS} (an upgrade fixes old filters); owned by the system administrator and shared to all staff with
 * READ only, so nobody else can change or delete them. A filter only narrows what the engine's authorizations let
 * the person read: columns show variables of tasks they may already open, and confidential tasks stay with their
 * holders. To add a filter, add a {@link Spec}.
 */
@Component
class TasklistFilters {

	static final String OWNER = "admin";

	static final String MY_TASKS = "我的待办";

	static final String GROUP_TASKS = "待认领";

	static final String OVERDUE = "已逾期";

	static final String ESCALATED_TO_ME = "督办给我";

	static final String DUE_THIS_WEEK = "本周到期";

	/** Red, like the overdue due dates in the list (tasklist-lists.css). */
	static final String OVERDUE_COLOR = "#c9302c";

	private static final String ME = "${currentUser()}";

	private static final String NOW = "${now()}";

	/** Monday 00:00 of next week (weeks run from Monday), in the server's zone. */
	private static final String END_OF_WEEK = "${dateTime().withDayOfWeek(7).withTimeAtStartOfDay().plusDays(1)}";

	/** The variable columns of task cards: only context Zeren code sets, never a form's field. */
	static final List<Column> CONTEXT_COLUMNS = List.of(new Column(TaskNames.VAR_YEAR, "年度"),
			new Column(TaskNames.VAR_UNIT, "单位"), new Column(TaskNames.VAR_PERSON, "人员"));

	/** One preset filter: name, order in the list, tooltip, colour (null: Tasklist's default) and its query. */
	record Spec(String name, int priority, String description, String color, Function<TaskService, TaskQuery> query) {
	}

	record Column(String name, String label) {
	}

	static final List<Spec> SPECS = List.of(
			new Spec(MY_TASKS, -10, "指派给我的任务，按截止日期排序", null,
					tasks -> tasks.createTaskQuery().taskAssigneeExpression(ME).orderByDueDate().asc()),
			// Candidate user covers the user's groups too, and tasks offered to the user by name; unclaimed only.
			new Spec(GROUP_TASKS, -5, "我或我所在组可认领的任务，按截止日期排序", null,
					tasks -> tasks.createTaskQuery().taskCandidateUserExpression(ME).orderByDueDate().asc()),
			new Spec(OVERDUE, 0, "已过截止时间、仍由我办理或待我认领的任务", OVERDUE_COLOR,
					tasks -> mineOrOffered(tasks).dueBeforeExpression(NOW).orderByDueDate().asc()),
			// Every user task of the deadline watch is an escalation addressed to its assignee (the supervisor).
			new Spec(ESCALATED_TO_ME, 5, "逾期任务逐级督办到我的督办任务", null,
					tasks -> tasks.createTaskQuery().taskAssigneeExpression(ME)
						.processDefinitionKey(TaskDeadlineProcess.KEY).orderByDueDate().asc()),
			new Spec(DUE_THIS_WEEK, 10, "本周日之前到期、尚未逾期的我的任务和待认领任务", null,
					tasks -> mineOrOffered(tasks).dueAfterExpression(NOW).dueBeforeExpression(END_OF_WEEK)
						.orderByDueDate().asc()));

	private final FilterService filters;

	private final AuthorizationService authorizations;

	private final TaskService tasks;

	TasklistFilters(FilterService filters, AuthorizationService authorizations, TaskService tasks) {
		this.filters = filters;
		this.authorizations = authorizations;
		this.tasks = tasks;
	}

	/** After identity's TasklistAccess, which creates the staff group. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(1)
	void create() {
		for (Spec spec : SPECS) {
			save(spec);
		}
	}

	private static TaskQuery mineOrOffered(TaskService tasks) {
		return tasks.createTaskQuery().or().taskAssigneeExpression(ME).taskCandidateUserExpression(ME).endOr();
	}

	private void save(Spec spec) {
		List<Filter> existing = filters.createFilterQuery().filterName(spec.name()).filterOwner(OWNER).list();
		Filter filter = existing.isEmpty() ? filters.newTaskFilter(spec.name()).setOwner(OWNER) : existing.get(0);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("priority", spec.priority());
		properties.put("description", spec.description());
		if (spec.color() != null) {
			properties.put("color", spec.color());
		}
		properties.put("refresh", true);
		properties.put("showUndefinedVariable", false);
		properties.put("variables",
				CONTEXT_COLUMNS.stream().map(column -> Map.of("name", column.name(), "label", column.label())).toList());
		filter.setQuery(spec.query().apply(tasks)).setProperties(properties);
		filters.saveFilter(filter);
		grantReadToStaff(filter.getId());
	}

	private void grantReadToStaff(String filterId) {
		long granted = authorizations.createAuthorizationQuery()
			.groupIdIn(GroupIds.ALL_STAFF)
			.resourceType(Resources.FILTER)
			.resourceId(filterId)
			.hasPermission(Permissions.READ)
			.count();
		if (granted == 0) {
			Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(GroupIds.ALL_STAFF);
			grant.setResource(Resources.FILTER);
			grant.setResourceId(filterId);
			grant.addPermission(Permissions.READ);
			authorizations.saveAuthorization(grant);
		}
	}

}
