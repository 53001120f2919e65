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
import org.openqa.selenium.StaleElementReferenceException;
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
			assertThat(browser.text()).contains("已全部下发");
			browser.screenshot("political-cycles");

			browser.go("/political/inspections");
			browser.visible(By.id("self-reports"));
			browser.screenshot("political-inspections");

			browser.visible(By.id("zr-logout")).click();
			browser.visible(By.id("username"));
			browser.login("wuhao");
			browser.waitForText("吴浩，您好");
			browser.go("/political/assessments");
			browser.visible(By.id("open-assessment"));
			browser.screenshot("political-assessments");
		}
		finally {
			driver.cleanUp(YEAR, started.minusSeconds(5));
		}
	}

}
