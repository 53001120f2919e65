package io.zeren.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.support.Browser;

/**
 * In a real browser, the head of the political department opens a year on the page; the catalogue is drafted and
 * approved and the units confirm their lists in Tasklist (played by {@link CycleDriver}); then he starts the kick-off
 * on the page and watches the progress bar, polled by htmx every two seconds, reach the end. Screenshots of the
 * three political pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CycleBrowserIT {

	static final int YEAR = 2074;

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldOpenAYearAndWatchTheKickOffFinish() {
		CycleDriver driver = new CycleDriver(tasks, runtime, management, history, directory, jdbc);
		Instant started = Instant.now();
		String inspection = null;
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("liuzhiqiang");
			browser.waitForText("刘志强，您好");
			browser.go("/political/cycles");
			browser.visible(By.id("year")).sendKeys(String.valueOf(YEAR));
			browser.driver().findElement(By.id("workPoints")).sendKeys("坚持政治建警，全面从严管警");
			browser.driver().findElement(By.id("open-cycle-submit")).click();
			browser.waitForText(YEAR + " 年度责任周期已开启");
			assertThat(browser.text()).contains("起草目录");

			driver.approveAndConfirmUnits(YEAR);

			browser.go("/political/cycles/" + YEAR);
			browser.visible(By.id("catalogue"));
			assertThat(browser.text()).contains("谈心谈话", "履行单位主体责任", "各单位确认清单");
			browser.visible(By.id("kickoff-submit")).click();
			browser.waitForText("已开始下发");
			// htmx polls the fragment every 2 s and stops once the run is done.
			new WebDriverWait(browser.driver(), Duration.ofSeconds(45)).ignoring(StaleElementReferenceException.class)
				.until(d -> "COMPLETED"
				.equals(d.findElement(By.id("kickoff-progress")).getDomAttribute("data-state")));
			assertThat(browser.visible(By.id("kickoff-bar")).getText()).isEqualTo("100%");
			assertThat(browser.text()).contains("已全部下发").doesNotContain("unassigned");
			sleep(800); // the bar's own width transition
			browser.screenshot("political-cycles");

			// The inspection team opens an inspection on the page; the political department sees it listed.
			logInAs(browser, "zhoumin", "周敏");
			browser.go("/political/inspections");
			browser.visible(By.id("year")).sendKeys(String.valueOf(YEAR));
			new Select(browser.driver().findElement(By.id("unitCode"))).selectByVisibleText("一大队");
			typeDate(browser, "startsOn", YEAR + "-06-01");
			typeDate(browser, "endsOn", YEAR + "-06-10");
			browser.driver().findElement(By.id("open-inspection-submit")).click();
			browser.waitForText("已新建督察检查");
			inspection = browser.path().substring(browser.path().lastIndexOf('/') + 1);
			browser.go("/political/inspections?year=" + YEAR);
			browser.visible(By.id("inspection-table"));
			assertThat(browser.text()).contains(YEAR + "年度年中督察：一大队").doesNotContain("2,0");
			browser.screenshot("political-inspections");

			// The assessment committee opens a unit's assessment and sees its progress and quota.
			logInAs(browser, "wuhao", "吴浩");
			browser.go("/political/assessments?year=" + YEAR);
			browser.visible(By.id("open-year")).clear();
			browser.driver().findElement(By.id("open-year")).sendKeys(String.valueOf(YEAR));
			browser.driver().findElement(By.id("scope-units")).click();
			browser.driver().findElement(By.id("unit-OPS-1-box")).click();
			browser.driver().findElement(By.id("open-assessment-submit")).click();
			browser.waitForText(YEAR + " 年度考核：本次开启");
			browser.visible(By.id("assessment-progress"));
			assertThat(browser.text()).contains("一大队", "个人总结", "黄鑫");
			browser.screenshot("political-assessments");
		}
		finally {
			driver.cleanUp(YEAR, started.minusSeconds(5));
			runtime.createProcessInstanceQuery().processDefinitionKey("AnnualAssessmentProcess")
				.processInstanceBusinessKeyLike(YEAR + ":%").list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
			if (inspection != null) {
				runtime.createProcessInstanceQuery().processDefinitionKey("MidYearInspectionProcess")
					.processInstanceBusinessKey(inspection).list()
					.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
			}
		}
	}

	private static void logInAs(Browser browser, String username, String fullName) {
		browser.visible(By.id("zr-logout")).click();
		browser.visible(By.id("username"));
		browser.login(username);
		browser.waitForText(fullName + "，您好");
	}

	/** A date input takes what a person types in their locale's order; setting its value is what every locale ends in. */
	private static void typeDate(Browser browser, String id, String isoDate) {
		((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
				id, isoDate);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
