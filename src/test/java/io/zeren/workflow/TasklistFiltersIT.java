package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.identity.GroupIds;
import io.zeren.shared.TaskNames;
import io.zeren.support.WebappSession;

/**
 * The preset Tasklist filters as chenjing (head of 组织干部科) uses them through Tasklist's door: created once however
 * often the application starts, shared read-only to all staff, each answering the right tasks — her overdue work,
 * the escalation of lina's overdue work addressed to her, work due later this week — sorted by due date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistFiltersIT {

	static final String ENGINE = "/camunda/api/engine/engine/default";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	FilterService filterService;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IdentityService identity;

	@Autowired
	TasklistFilters presets;

	final ObjectMapper json = new ObjectMapper();

	UnitFixtures fixtures;

	final List<Task> started = new ArrayList<>();

	@BeforeEach
	void fixtures() {
		fixtures = new UnitFixtures(runtime, tasks, management);
	}

	@AfterEach
	void cleanUp() {
		fixtures.cleanUp(started);
	}

	@Test
	void shouldCreateEachPresetOnceAndShareItReadOnlyToStaff() {
		presets.create();
		presets.create();

		for (TasklistFilters.Spec spec : TasklistFilters.SPECS) {
			List<Filter> named = filterService.createFilterQuery().filterName(spec.name()).list();
			assertThat(named).as(spec.name()).singleElement()
				.satisfies(filter -> assertThat(filter.getOwner()).isEqualTo(TasklistFilters.OWNER));
			String id = named.get(0).getId();
			assertThat(authorizations.createAuthorizationQuery().groupIdIn(GroupIds.ALL_STAFF)
				.resourceType(Resources.FILTER).resourceId(id).list())
				.singleElement()
				.satisfies(grant -> assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue())
				.satisfies(grant -> assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse())
				.satisfies(grant -> assertThat(grant.isPermissionGranted(Permissions.DELETE)).isFalse());
		}
		assertThat(filterService.createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult().getProperties())
			.containsEntry("color", TasklistFilters.OVERDUE_COLOR);
	}

	@Test
	void shouldListEveryPresetForStaffWithItsColumnsAndLetNobodyChangeThem() throws Exception {
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");

		JsonNode listed = json.readTree(lina.get(ENGINE + "/filter?resourceType=Task&itemCount=true").getBody());
		List<String> names = new ArrayList<>();
		listed.forEach(filter -> names.add(filter.path("name").asText()));
		assertThat(names).contains(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS, TasklistFilters.OVERDUE,
				TasklistFilters.ESCALATED_TO_ME, TasklistFilters.DUE_THIS_WEEK);
		JsonNode overdue = byName(listed, TasklistFilters.OVERDUE);
		assertThat(overdue.path("properties").path("color").asText()).isEqualTo(TasklistFilters.OVERDUE_COLOR);
		assertThat(overdue.path("properties").path("variables").toString()).contains(TaskNames.VAR_PERSON, "人员",
				TaskNames.VAR_UNIT, "单位", TaskNames.VAR_YEAR, "年度");

		String id = overdue.path("id").asText();
		assertThat(lina.send(HttpMethod.PUT, ENGINE + "/filter/" + id,
				"{\"resourceType\":\"Task\",\"name\":\"改掉\",\"query\":{}}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(lina.send(HttpMethod.DELETE, ENGINE + "/filter/" + id, null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// Behind the gate, the engine itself refuses too: staff hold READ only.
		identity.setAuthentication("lina", List.of(GroupIds.ALL_STAFF));
		try {
			Filter filter = filterService.getFilter(id);
			assertThatThrownBy(() -> filterService.saveFilter(filter.setName("改掉")))
				.isInstanceOf(AuthorizationException.class);
			assertThatThrownBy(() -> filterService.deleteFilter(id)).isInstanceOf(AuthorizationException.class);
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(filterService.getFilter(id).getName()).isEqualTo(TasklistFilters.OVERDUE);
	}

	@Test
	void shouldAnswerOverdueEscalatedAndDueThisWeekForTheRightPerson() throws Exception {
		Task overdueOfHers = track(fixtures.overdueWork("liuzhiqiang", "chenjing", "报送年度总结"));
		Task overdueOfLina = track(fixtures.overdueWork("chenjing", "lina", "整理支部台账"));
		fixtures.escalate(overdueOfLina);
		Task escalation = tasks.createTaskQuery().processDefinitionKey(TaskDeadlineProcess.KEY)
			.processInstanceBusinessKey(overdueOfLina.getId()).singleResult();
		assertThat(escalation.getAssignee()).isEqualTo("chenjing");
		assertThat(escalation.getName()).isEqualTo("督办：李娜 办理：整理支部台账");
		Task dueThisWeek = track(fixtures.overdueWork("liuzhiqiang", "chenjing", "准备周例会材料"));
		Instant now = Instant.now();
		Instant endOfWeek = LocalDate.now(ZoneId.systemDefault()).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.atStartOfDay(ZoneId.systemDefault()).toInstant();
		tasks.setDueDate(dueThisWeek.getId(), Date.from(now.plus(Duration.between(now, endOfWeek).dividedBy(2))));

		WebappSession chenjing = WebappSession.login(rest, "chenjing", "tasklist");
		JsonNode listed = json.readTree(chenjing.get(ENGINE + "/filter?resourceType=Task").getBody());

		List<String> mine = ids(chenjing, byName(listed, TasklistFilters.MY_TASKS));
		assertThat(mine).contains(overdueOfHers.getId(), escalation.getId(), dueThisWeek.getId())
			.doesNotContain(overdueOfLina.getId());
		assertThat(mine.indexOf(overdueOfHers.getId())).isLessThan(mine.indexOf(dueThisWeek.getId()));

		assertThat(ids(chenjing, byName(listed, TasklistFilters.OVERDUE))).contains(overdueOfHers.getId())
			.doesNotContain(overdueOfLina.getId(), dueThisWeek.getId(), escalation.getId());
		assertThat(ids(chenjing, byName(listed, TasklistFilters.ESCALATED_TO_ME))).contains(escalation.getId())
			.doesNotContain(overdueOfHers.getId(), dueThisWeek.getId(), overdueOfLina.getId());
		assertThat(ids(chenjing, byName(listed, TasklistFilters.DUE_THIS_WEEK))).contains(dueThisWeek.getId())
			.doesNotContain(overdueOfHers.getId(), overdueOfLina.getId());

		// The escalation's columns: whose work it is, readable by the supervisor it is addressed to.
		ResponseEntity<String> person = chenjing.get(ENGINE + "/task/" + escalation.getId() + "/variables/"
				+ TaskNames.VAR_PERSON);
		assertThat(person.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(person.getBody()).contains("李娜");

		// As Tasklist asks for a list (HAL, with the filter's variable columns embedded).
		ResponseEntity<String> hal = hal(chenjing, ENGINE + "/filter/" + byName(listed, TasklistFilters.ESCALATED_TO_ME)
			.path("id").asText() + "/list?firstResult=0&maxResults=200");
		assertThat(hal.getStatusCode()).isEqualTo(HttpStatus.OK);
		// The card carries its context in the name; the variable columns stay empty for staff, whose grants are on
		// tasks, not on process instances (docs/webapps-l10n.md): nothing is widened for them.
		assertThat(hal.getBody()).contains("督办：李娜 办理：整理支部台账");

		// lina sees none of chenjing's work through the same filters.
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");
		JsonNode linas = json.readTree(lina.get(ENGINE + "/filter?resourceType=Task").getBody());
		assertThat(ids(lina, byName(linas, TasklistFilters.OVERDUE))).contains(overdueOfLina.getId())
			.doesNotContain(overdueOfHers.getId());
		assertThat(ids(lina, byName(linas, TasklistFilters.ESCALATED_TO_ME))).doesNotContain(escalation.getId());
	}

	private static ResponseEntity<String> hal(WebappSession session, String path) {
		return session.send(HttpMethod.POST, path, "{}", org.springframework.http.MediaType.valueOf("application/hal+json"));
	}

	private Task track(Task task) {
		started.add(task);
		return task;
	}

	private static JsonNode byName(JsonNode filters, String name) {
		for (JsonNode filter : filters) {
			if (name.equals(filter.path("name").asText())) {
				return filter;
			}
		}
		throw new AssertionError("no filter " + name + " in " + filters);
	}

	/** The task ids the filter answers, in its order, as Tasklist asks for them. */
	private List<String> ids(WebappSession session, JsonNode filter) throws Exception {
		ResponseEntity<String> answer = session.send(HttpMethod.POST,
				ENGINE + "/filter/" + filter.path("id").asText() + "/list?firstResult=0&maxResults=200", "{}");
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<String> ids = new ArrayList<>();
		json.readTree(answer.getBody()).forEach(task -> ids.add(task.path("id").asText()));
		return ids;
	}

}
