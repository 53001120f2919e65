package io.zeren.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.support.Browser;

/** In a real browser: lina opens 我的责任清单 from her home page, records evidence with a PDF and downloads it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceBrowserIT {

	static final int YEAR = 2072;

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
	OrganisationDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	final Instant started = Instant.now();

	CycleDriver driver;

	long linaList;

	@BeforeAll
	void signLinasList() {
		driver = new CycleDriver(tasks, runtime, management, history, directory, jdbc);
		linaList = ListFixture.signedListOfLina(rest, driver, YEAR);
	}

	@AfterAll
	void cleanUp() {
		driver.cleanUp(YEAR, started.minusSeconds(5));
		ClockUtil.reset();
	}

	@Test
	void shouldRecordEvidenceWithAFileAndDownloadIt(@TempDir Path folder) throws Exception {
		Path pdf = folder.resolve("谈话记录.pdf");
		Files.write(pdf, ListFixture.pdf("与唐亮谈心"));
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("lina");
			browser.waitForText("李娜，您好");
			WebElement card = browser.visible(By.id("card-mylist"));
			assertThat(card.getText()).contains("我的责任清单", YEAR + " 年度", "已记实 0 / 2 项");
			card.findElement(By.cssSelector("a[href='/my/lists']")).click();

			browser.visible(By.id("list-" + linaList));
			assertThat(browser.text()).contains(YEAR + " 年度", "已签署", "已记实 0 / 2 项");
			browser.screenshot("my-lists");
			browser.driver().findElement(By.cssSelector("#list-" + linaList + " a.btn")).click();

			browser.visible(By.id("list-items"));
			assertThat(browser.text()).contains("谈心谈话", "集中政治轮训", "尚未记实");
			browser.screenshot("my-list");
			browser.driver().findElement(By.cssSelector("#list-items tbody tr:first-child a.btn")).click();

			browser.visible(By.id("evidence-form"));
			new Select(browser.driver().findElement(By.id("kind"))).selectByVisibleText("谈心谈话");
			browser.driver().findElement(By.id("note")).sendKeys("与唐亮谈心，了解思想动态");
			browser.driver().findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
			browser.screenshot("my-list-evidence-form");
			browser.driver().findElement(By.id("evidence-submit")).click();

			browser.waitForText("已保存记实（附件 1 个）");
			WebElement link = browser.visible(By.cssSelector("#evidence a.evidence-file"));
			assertThat(link.getText()).isEqualTo("谈话记录.pdf");
			assertThat(browser.text()).contains("与唐亮谈心，了解思想动态");
			browser.screenshot("my-list-evidence");

			// The link answers with the file, as the browser's download would fetch it.
			Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					fetch(arguments[0]).then(function (r) {
					  return r.text().then(function (body) {
					    done(r.status + ' ' + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition')
					        + ' ' + body.substring(0, 8));
					  });
					});
					""", link.getAttribute("href"));
			assertThat(String.valueOf(answer)).startsWith("200 application/pdf attachment;").contains("%PDF-1.4");

			browser.go("/my/lists/" + linaList);
			browser.waitForText("已记实 1 / 2 项");
		}
	}

}
