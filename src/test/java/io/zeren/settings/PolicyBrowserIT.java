package io.zeren.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.assessment.AssessmentProperties;
import io.zeren.shared.LivePolicy;
import io.zeren.support.Browser;

/** In a real browser: the system administrator changes the publicity period on 政策参数; a wrong value is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	LivePolicy<AssessmentProperties> assessment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PolicyOverrides overrides;

	@AfterEach
	void backToDefaults() {
		jdbc.update("delete from zr_policy_setting");
		overrides.reload();
	}

	@Test
	void shouldChangeThePublicityPeriodOnThePage() {
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("admin");
			browser.waitForText("您好");
			browser.go("/admin/policy");
			browser.waitForText("政策参数");

			WebElement row = browser.visible(By.id("row-zeren-assessment-publicity"));
			WebElement value = row.findElement(By.name("value"));
			value.clear();
			value.sendKeys("五天");
			row.findElement(By.cssSelector("button[type=submit]")).click();
			browser.waitForText("未保存「优秀名单公示期」");
			assertThat(browser.visible(By.id("row-zeren-assessment-publicity")).findElement(By.name("value"))
				.getAttribute("value")).isEqualTo("五天");

			row = browser.visible(By.id("row-zeren-assessment-publicity"));
			value = row.findElement(By.name("value"));
			value.clear();
			value.sendKeys("7WD");
			row.findElement(By.cssSelector("button[type=submit]")).click();
			browser.waitForText("已保存：优秀名单公示期");

			assertThat(browser.text()).contains("7 个工作日", "已调整");
			assertThat(assessment.current().publicity()).isEqualTo("7WD");
			browser.screenshot("admin-policy");
		}
	}

}
