package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.zeren.support.Browser;

/**
 * In a real browser: chenjing's Tasklist shows the preset filters, 已逾期 in red, and her overdue task as a card with
 * a red edge and no priority number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistFiltersBrowserIT {

	static final String RED = "rgba(201, 48, 44, 1)";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	FilterService filters;

	final List<Task> started = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		new UnitFixtures(runtime, tasks, management).cleanUp(started);
	}

	@Test
	void shouldShowThePresetFiltersWithOverdueWorkInRed() {
		Task overdue = new UnitFixtures(runtime, tasks, management).overdueWork("liuzhiqiang", "chenjing", "报送季度督查情况");
		started.add(overdue);
		String overdueFilter = filters.createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult().getId();

		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("chenjing");
			browser.waitForText("陈静，您好");
			browser.go("/camunda/app/tasklist/default/#/?filter=" + overdueFilter);
			browser.waitForText("办理：报送季度督查情况");

			browser.screenshot("tasklist-filters-overdue");
			assertThat(browser.text()).contains(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS,
					TasklistFilters.OVERDUE, TasklistFilters.ESCALATED_TO_ME, TasklistFilters.DUE_THIS_WEEK);
			WebElement overdueName = browser.visible(By.xpath(
					"//*[contains(@class,'filters')]//h4[contains(@class,'name')]/a[contains(normalize-space(),'"
							+ TasklistFilters.OVERDUE + "')]"));
			assertThat(overdueName.getCssValue("color")).isEqualTo(RED);

			WebElement card = browser.visible(By.xpath(
					"//ol[contains(@class,'tasks-list')]/li[.//a[contains(normalize-space(),'办理：报送季度督查情况')]]"));
			assertThat(card.getCssValue("border-left-color")).isEqualTo(RED);
			assertThat(card.findElement(By.cssSelector(".due-date.overdue")).getCssValue("color")).isEqualTo(RED);
			assertThat(card.findElements(By.cssSelector(".priority"))).allSatisfy(
					priority -> assertThat(priority.isDisplayed()).isFalse());
		}
	}

}
