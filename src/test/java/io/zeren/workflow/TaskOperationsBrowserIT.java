package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.zeren.support.ApiClient;
import io.zeren.support.Browser;

/**
 * In Tasklist, a unit head (陈静, head of 组织干部科) copies a task to a colleague and returns it to the step before,
 * from the task's 办理操作 tab; the colleague finds it under 抄送我的.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskOperationsBrowserIT {

	static final String TITLE = "审批操作浏览器测试";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@AfterEach
	void cleanUp() {
		runtime.createProcessInstanceQuery()
			.processDefinitionKey("AssignedWorkProcess")
			.variableValueEquals("workTitle", TITLE)
			.list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
	}

	@Test
	void shouldLetAUnitHeadCopyAndReturnATaskFromTasklist() {
		String body = "{\"variables\":{\"workTitle\":{\"value\":\"" + TITLE + "\",\"type\":\"String\"},"
				+ "\"workDescription\":{\"value\":\"说明\",\"type\":\"String\"},"
				+ "\"workAssignee\":{\"value\":\"lina\",\"type\":\"String\"}}}";
		ResponseEntity<String> started = ApiClient.as(rest, "chenjing")
			.sendRaw(HttpMethod.POST, "/engine-rest/process-definition/key/AssignedWorkProcess/submit-form", body);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String instance = started.getBody().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
		Task work = tasks.createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(ApiClient.as(rest, "lina").completeTask(work.getId(), "lina", "lina",
				java.util.Map.of("workResult", "已办理")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Task confirm = tasks.createTaskQuery().processInstanceId(instance).singleResult();

		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("chenjing");
			browser.go("/camunda/app/tasklist/default/#/?task=" + confirm.getId());
			browser.waitForText(TITLE);
			browser.visible(By.linkText("办理操作")).click();

			WebElement cc = browser.visible(By.cssSelector("form.zeren-op[data-op='cc']"));
			scrollTo(browser, cc);
			new Select(cc.findElement(By.name("person"))).selectByValue("tangliang");
			cc.findElement(By.name("comment")).sendKeys("请知悉");
			press(browser, cc.findElement(By.cssSelector("button[type='submit']")));
			browser.waitForText("抄送已办理");

			WebElement back = browser.visible(By.cssSelector("form.zeren-op[data-op='return']"));
			assertThat(new Select(back.findElement(By.name("step"))).getFirstSelectedOption().getText())
				.isEqualTo("办理：" + TITLE);
			back.findElement(By.name("comment")).sendKeys("材料不全");
			press(browser, back.findElement(By.cssSelector("button[type='submit']")));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
				.until(driver -> tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_DoAssignedWork")
					.count() == 1);
			browser.screenshot("task-operations-returned");
		}
		assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getAssignee()).isEqualTo("lina");

		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("tangliang");
			browser.go("/my/cc");
			browser.waitForText(TITLE);
			assertThat(browser.text()).contains("陈静", "请知悉");
			// A workbench page: the menu names it among the viewer's own pages.
			assertThat(browser.driver().findElements(By.cssSelector("#zr-menu a[href='/my/cc']"))).isNotEmpty();
			browser.screenshot("my-cc");
		}
	}

	/** Tasklist's fixed footer covers the lower part of the tab: bring the button to the middle first. */
	private static void press(Browser browser, WebElement button) {
		scrollTo(browser, button);
		button.click();
	}

	private static void scrollTo(Browser browser, WebElement element) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

}
