package io.zeren.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.UnitInfo;
import io.zeren.support.ApiClient;
import io.zeren.support.Browser;

/**
 * Tasklist as a staff member sees it, logged in on Zeren's page: no vendor banner, Zeren's name and the agency in the
 * header with the way back to the workbench, no 新建任务; a form's client texts and the date picker in Chinese; a
 * refusal of a Zeren rule shown as the bare sentence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistFaceBrowserIT {

	/** Tuesday 8 March 2112, 09:00 in Beijing: the lead is numbered in this lane's year. */
	static final ZonedDateTime NOW = ZonedDateTime.of(2112, 3, 8, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	MessageSource messages;

	@Autowired
	OrganisationDirectory directory;

	String instance;

	@AfterEach
	void cleanUp() {
		if (instance != null) {
			runtime.createProcessInstanceQuery().processInstanceId(instance).list()
				.forEach(found -> runtime.deleteProcessInstance(found.getId(), "test over", true, true));
		}
		ClockUtil.reset();
	}

	@Test
	void shouldShowZerensFaceChineseFormTextsAndARefusalAsASentence() {
		ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
		Task decide = registerLead();
		String agency = directory.cachedTopUnit().map(UnitInfo::name).orElseThrow();
		String refusal = messages.getMessage("discipline.disposal.reason-required", null, Locale.SIMPLIFIED_CHINESE);

		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("zhaolei");
			browser.go("/camunda/app/tasklist/default/#/?task=" + decide.getId() + "&detailsTab=task-detail-form");
			WebElement face = browser.visible(By.cssSelector(".zeren-face"));
			assertThat(face.getText()).contains("责任", agency, "工作台");
			assertThat(browser.driver().findElement(By.cssSelector(".zeren-face a.zeren-home")).getDomAttribute("href"))
				.isEqualTo("/");
			assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
				.allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
			assertThat(browser.text()).doesNotContain("是时候迁移", "Camunda 8");
			assertThat(browser.driver().findElements(By.xpath("//a[normalize-space()='新建任务']")))
				.allSatisfy(link -> assertThat(link.isDisplayed()).isFalse());

			// The form: completing without a choice shows form-js's required text in Chinese.
			By close = By.xpath("//*[contains(@class,'fjs-container')]//label[normalize-space()='予以了结']");
			try {
				browser.visible(close);
			}
			finally {
				browser.screenshot("tasklist-face");
			}
			complete(browser);
			browser.waitForText("此项为必填项。");
			assertThat(browser.text()).doesNotContain("Field is required");

			// Closing without a reason: the task listener refuses; Tasklist shows the sentence alone.
			click(browser.driver(), browser.driver().findElement(close));
			complete(browser);
			browser.waitForText(refusal);
			assertThat(browser.text()).doesNotContain("ENGINE-", "Cannot submit", decide.getId(), "TaskListener",
					"Exception");
			browser.screenshot("tasklist-refusal");

			// The date picker form-js uses (flatpickr): Chinese names, weeks from Monday, dates as yyyy-MM-dd.
			Object picker = ((JavascriptExecutor) browser.driver()).executeScript("""
					var input = document.createElement('input');
					document.body.appendChild(input);
					var picker = window.flatpickr(input, {});
					picker.setDate(new Date(2112, 2, 8));
					var first = picker.calendarContainer.querySelector('.flatpickr-weekday').textContent.trim();
					var month = picker.l10n.months.longhand[2];
					picker.destroy();
					input.remove();
					return first + '|' + month;
					""");
			assertThat(picker).isEqualTo("周一|三月");
		}
	}

	/**
	 * In the middle of the view; the form's 完成 sits at the bottom of its pane, under the webapp's notification
	 * panel (an empty overlay), where WebDriver's click lands on the panel: that one is clicked by script.
	 */
	private static void click(org.openqa.selenium.WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException covered) {
			((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
		}
	}

	private static void complete(Browser browser) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(driver -> {
				for (WebElement button : driver.findElements(By.xpath("//button[normalize-space()='完成']"))) {
					if (button.isDisplayed() && button.isEnabled()) {
						click(driver, button);
						return true;
					}
				}
				return false;
			});
	}

	private Task registerLead() {
		Map<String, Object> body = new HashMap<>();
		body.put("source", "LETTER_REPORT");
		body.put("subject", "huangxin");
		body.put("title", "反映收受礼品问题（界面测试）");
		body.put("summary", "春节期间收受管理对象礼品");
		body.put("receivedOn", "2112-03-01");
		ResponseEntity<Map<String, Object>> lead = ApiClient.as(rest, "zhaolei")
			.send(HttpMethod.POST, "/api/discipline/leads", body);
		assertThat(lead.getStatusCode().is2xxSuccessful()).as(String.valueOf(lead.getBody())).isTrue();
		String number = (String) lead.getBody().get("leadNumber");
		Task decide = tasks.createTaskQuery().taskDefinitionKey("Task_DecideDisposal").list().stream()
			.filter(task -> number.equals(tasks.getVariable(task.getId(), "caseNumber")))
			.findFirst()
			.orElseThrow();
		instance = decide.getProcessInstanceId();
		return decide;
	}

}
