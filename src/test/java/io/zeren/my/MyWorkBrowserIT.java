package io.zeren.my;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.assessment.AssessmentYearPlay;
import io.zeren.support.Browser;

/**
 * In a real browser, lina's own pages: she finds a colleague of another unit by name and makes him her substitute
 * (never typing a login), sees it listed; opens 我的考核 (2037, notified and signed, with last years' results) and
 * 已办. Screenshots of the three pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MyWorkBrowserIT {

	static final int YEAR = 2037;

	static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	final Date started = new Date(System.currentTimeMillis() - 5_000);

	@AfterEach
	void cleanUp() {
		jdbc.update("delete from zr_delegation where owner_username = 'lina'");
		AssessmentYearPlay.cleanUp(runtime, history, jdbc, YEAR, started);
		ClockUtil.reset();
	}

	@Test
	void shouldLetLinaChooseASubstituteByNameAndReadHerAssessmentsAndWork() {
		ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
		// An earlier year's archived result, as AnnualAssessmentIT records them.
		if (jdbc.queryForObject("select count(*) from zr_assessment where asmt_year = 2035 and username = 'lina'",
				Integer.class) == 0) {
			jdbc.update("""
					insert into zr_assessment (id, asmt_year, username, unit_code, status, peer_count, votes_required,
					  final_grade, decided_grade, created_at, archived_at, version_no)
					values (-2035, 2035, 'lina', 'POL-ORG', 'ARCHIVED', 0, 0, 'COMPETENT', 'COMPETENT',
					  timestamp '2035-12-01 02:00:00', timestamp '2036-01-20 02:00:00', 0)""");
		}
		AssessmentYearPlay year = new AssessmentYearPlay(rest, tasks, runtime, management, YEAR);
		year.toPublicity("lina");
		year.endPublicity();
		ClockUtil.setCurrentTime(Date.from(MONDAY.plusHours(1).toInstant()));
		year.acknowledge("lina");

		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("lina");
			browser.waitForText("李娜，您好");

			// 代理设置: find 黄鑫 of 一大队 by name (the server answers the search), choose him, a period next week.
			browser.go("/my/substitute");
			browser.visible(By.id("substitute-q")).sendKeys("黄鑫");
			new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30)).until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#substitute option[value='huangxin']")));
			Select people = new Select(browser.visible(By.id("substitute")));
			people.selectByVisibleText(people.getOptions().stream()
				.map(option -> option.getText())
				.filter(text -> text.startsWith("黄鑫"))
				.findFirst()
				.orElseThrow());
			((JavascriptExecutor) browser.driver()).executeScript(
					"document.getElementById('startsOn').value = '2026-12-21';"
							+ "document.getElementById('endsOn').value = '2026-12-24';");
			browser.driver().findElement(By.id("reason")).sendKeys("参加业务培训");
			browser.driver().findElement(By.id("substitute-save")).click();
			browser.waitForText("已设置代理");
			String listed = browser.visible(By.id("delegations")).getText();
			assertThat(listed).contains("黄鑫", "2026-12-21 至 2026-12-24", "参加业务培训", "待生效");
			assertThat(browser.text()).doesNotContain("huangxin");
			browser.screenshot("my-substitute");

			// 我的考核: this year's grade and notice, the review form, last year's archived result.
			browser.go("/my/assessments");
			browser.waitForText("2037 年度");
			assertThat(browser.text()).contains("您的 2037 年度考核等次为：优秀", "已签收", "申请复核", "2035 年度", "称职");
			browser.screenshot("my-assessments");

			// 已办: her completed tasks, newest first.
			browser.go("/my/work");
			browser.waitForText("签收考核结果通知");
			assertThat(browser.text()).contains("填写个人总结（述职）", "年度考核");
			browser.screenshot("my-work");
		}
	}

}
