package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.support.ApiClient;

/** Assigned work started the way Tasklist starts it (submit-form on the engine REST API), as the user. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssignedWorkIT {

	@Autowired
	private OrganisationDirectory directory;

	@Autowired
	org.camunda.bpm.engine.ManagementService management;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Test
	void shouldGiveTheAssigneeATaskDueOnTheChosenDayWithTheWatchRunning() {
		ResponseEntity<String> started = submit("chenjing", "lina", "2030-03-01");

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		Task task = tasks.createTaskQuery().processDefinitionKey("AssignedWorkProcess").taskAssignee("lina").singleResult();
		assertThat(task.getName()).isEqualTo("办理：测试交办");
		assertThat(task.getDueDate().toInstant())
			.isEqualTo(ZonedDateTime.of(2030, 3, 1, 18, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
		// The deadline is watched by one timer job until the task is due (TaskDeadlineJob), not yet by a process.
		assertThat(management.createJobQuery().jobId("zr-dl-" + task.getId()).count()
				+ management.createJobQuery().jobId("zr-dd-" + task.getId()).count()).isOne();
		assertThat(rest.withBasicAuth("lina", ApiClient.DEMO_PASSWORD)
			.getForEntity("/engine-rest/task?assignee=lina", String.class)
			.getBody()).contains(task.getId());
	}

	@Test
	void shouldRefuseWorkAssignedOutsideTheSupervisorChainAndStartNothing() {
		long before = runtime.createProcessInstanceQuery().processDefinitionKey("AssignedWorkProcess").count();

		ResponseEntity<String> refused = submit("huangxin", "lina", null);

		assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(refused.getBody()).contains("上级链");
		assertThat(submit("chenjing", "nobody", null).getBody()).contains("nobody");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AssignedWorkProcess").count())
			.isEqualTo(before);
	}

	@Test
	void shouldUnderstandTheAssigneeByNameAsTheFormAsksForIt() {
		ResponseEntity<String> started = submit("chenjing", "李娜", "2121-03-01");
		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> withUnit = submit("chenjing", "李娜（" + directory.findStaffInfo("lina").orElseThrow().unitName()
				+ "）", "2121-03-02");
		assertThat(withUnit.getStatusCode()).as(withUnit.getBody()).isEqualTo(HttpStatus.OK);
		List<Task> given = tasks.createTaskQuery().processDefinitionKey("AssignedWorkProcess").taskAssignee("lina")
			.dueAfter(java.util.Date.from(java.time.Instant.parse("2121-01-01T00:00:00Z"))).list();
		try {
			assertThat(given).hasSize(2);
			assertThat(runtime.getVariable(given.get(0).getProcessInstanceId(), "workAssignee")).isEqualTo("lina");
			assertThat(submit("chenjing", "没有此人", null).getBody()).contains("承办人“没有此人”不存在或已不在职");
		}
		finally {
			given.forEach(task -> runtime.deleteProcessInstance(task.getProcessInstanceId(), "test"));
		}
	}

	private ResponseEntity<String> submit(String as, String assignee, String dueDate) {
		String due = dueDate == null ? "" : ",\"workDueDate\":{\"value\":\"" + dueDate + "\",\"type\":\"String\"}";
		String body = "{\"variables\":{\"workTitle\":{\"value\":\"测试交办\",\"type\":\"String\"},"
				+ "\"workDescription\":{\"value\":\"说明\",\"type\":\"String\"},"
				+ "\"workAssignee\":{\"value\":\"" + assignee + "\",\"type\":\"String\"}" + due + "}}";
		return ApiClient.as(rest, as)
			.sendRaw(HttpMethod.POST, "/engine-rest/process-definition/key/AssignedWorkProcess/submit-form", body);
	}

}
