package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.zeren.support.Browser;

/** In a real browser: a unit head opens 本单位工作 from the menu, ticks an overdue task and urges it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnitBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Test
	void shouldUrgeAnOverdueTaskOfTheUnit() {
		UnitFixtures fixtures = new UnitFixtures(runtime, tasks, management);
		Task overdue = fixtures.overdueWork("chenjing", "lina", "上报季度学习情况");
		Task escalated = fixtures.overdueWork("chenjing", "tangliang", "整理谈心谈话记录");
		fixtures.escalate(escalated);
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("chenjing");
			browser.waitForText("陈静，您好");

			browser.visible(By.xpath("//a[contains(@class,'dropdown-toggle') and normalize-space()='本单位']")).click();
			browser.visible(By.cssSelector("a[href='/unit']")).click();
			browser.waitForText("本单位工作：组织干部科");
			assertThat(browser.text()).contains("李娜", "办理：上报季度学习情况", "已逾期", "督办：唐亮 办理：整理谈心谈话记录");

			browser.visible(By.id("task-" + overdue.getId())).click();
			browser.driver().findElement(By.id("message")).sendKeys("请今天内办结");
			browser.screenshot("unit");
			org.openqa.selenium.WebElement submit = browser.driver().findElement(By.id("urge-submit"));
			((org.openqa.selenium.JavascriptExecutor) browser.driver())
				.executeScript("arguments[0].scrollIntoView({block: 'center'});", submit);
			browser.visible(By.id("urge-submit")).click();

			browser.waitForText("催办结果");
			String result = browser.visible(By.cssSelector("[data-result='" + overdue.getId() + "']")).getText();
			assertThat(result).contains("办理：上报季度学习情况", "已催办", "已向承办人发送催办通知");
			assertThat(browser.text()).contains("催办完成：1 项已催办，0 项未催办");
			browser.screenshot("unit-urged");
		}
		finally {
			fixtures.cleanUp(List.of(overdue, escalated));
		}
	}

}
