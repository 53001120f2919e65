package io.zeren.calendar;

import static io.zeren.calendar.WorkingCalendarTests.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code ${workdays...}} as admins write it in Modeler, evaluated by the engine: the bean resolves, its
 * overloads are told apart, and "now" is the engine clock a process test moves.
 */
@SpringBootTest
class WorkdaysExpressionIT {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	CalendarMaintenance maintenance;

	private String deploymentId;

	@AfterEach
	void cleanUp() {
		ClockUtil.reset();
		if (deploymentId != null) {
			repository.deleteDeployment(deploymentId, true);
		}
	}

	@Test
	void shouldSetDueAndFollowUpDatesInWorkingDaysOnTheEngineClock() {
		List<SpecialDay> nationalDay = new ArrayList<>();
		for (int day = 1; day <= 7; day++) {
			nationalDay.add(new SpecialDay(LocalDate.of(2036, 10, day), DayKind.HOLIDAY, "国庆节"));
		}
		nationalDay.add(new SpecialDay(LocalDate.of(2036, 9, 28), DayKind.WORKDAY, "国庆节调休上班"));
		nationalDay.add(new SpecialDay(LocalDate.of(2036, 10, 11), DayKind.WORKDAY, "国庆节调休上班"));
		maintenance.replace(2036, nationalDay, "test");
		BpmnModelInstance model = Bpmn.createExecutableProcess("CalendarExpressionsTestProcess")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_First")
			.camundaFormRef("Form_TestFixture")
			.camundaFormRefBinding("deployment")
			.camundaCandidateGroups("unit-pol-org")
			.camundaDueDate("${workdays.plus(\"5WD\")}")
			.camundaFollowUpDate("${workdays.plus(receivedAt, \"1WD\")}")
			.userTask("Task_Second")
			.camundaFormRef("Form_TestFixture")
			.camundaFormRefBinding("deployment")
			.camundaCandidateGroups("unit-pol-org")
			.camundaDueDate("${workdays.plusDays(2)}")
			.endEvent()
			.done();
		deploymentId = repository.createDeployment()
			.addModelInstance("calendar-expressions-test.bpmn", model)
			.addClasspathResource("bpmn/fixture.form")
			.deploy()
			.getId();
		ClockUtil.setCurrentTime(Date.from(at("2036-09-26T09:00")));

		ProcessInstance instance = runtime.startProcessInstanceByKey("CalendarExpressionsTestProcess",
				Map.of("receivedAt", Date.from(at("2036-09-30T15:00"))));

		Task first = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		// Sunday 28 (worked), 29, 30 September, then 8 and 9 October after the holiday.
		assertThat(first.getDueDate()).isEqualTo(Date.from(at("2036-10-09T09:00")));
		assertThat(first.getFollowUpDate()).isEqualTo(Date.from(at("2036-10-08T15:00")));

		ClockUtil.setCurrentTime(Date.from(at("2036-10-09T11:00")));
		tasks.complete(first.getId());

		Task second = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(second.getDueDate()).as("Friday 10, then the working Saturday 11 October")
			.isEqualTo(Date.from(at("2036-10-11T11:00")));
	}

}
