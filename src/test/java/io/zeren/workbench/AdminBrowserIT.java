package io.zeren.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.zeren.support.Browser;

/** In a real browser: the system administrator checks a roster with a dry run, reads the per-row report, applies it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminBrowserIT {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.boot.test.web.client.TestRestTemplate rest;

	/** brw.one joins OPS-1, whose head count other tests rely on: the person leaves again. */
	@org.junit.jupiter.api.AfterEach
	void brwOneLeaves() {
		io.zeren.support.ApiClient.as(rest, "admin")
			.sendRaw(org.springframework.http.HttpMethod.DELETE, "/api/staff/brw.one", null);
	}

	@Test
	void shouldDryRunARosterThenApplyIt() throws IOException {
		Path folder = Files.createTempDirectory("admin-browser");
		Path roster = folder.resolve("roster.csv");
		Files.writeString(roster, """
				用户名,姓名,单位编码,人员类别,职务角色,邮箱
				brw.one,白一,OPS-1,普通职工,成员,brw.one@zeren.example
				brw.two,白二,NOWHERE,普通职工,成员,brw.two@zeren.example
				""", StandardCharsets.UTF_8);
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("admin");
			browser.waitForText("您好");

			browser.go("/admin/organisation");
			browser.visible(By.id("org-tree"));
			assertThat(browser.text()).contains("组织与人员", "政治部", "负责人：");
			browser.screenshot("admin-organisation");

			browser.go("/admin/roster");
			browser.visible(By.id("roster-form"));
			assertThat(browser.driver().findElement(By.id("dryRun")).isSelected()).as("dry run by default").isTrue();
			browser.driver().findElement(By.id("file")).sendKeys(roster.toAbsolutePath().toString());
			browser.driver().findElement(By.id("roster-submit")).click();

			browser.waitForText("预演结果");
			assertThat(browser.text()).contains("尚未写入任何数据", "将新增", "将拒绝", "brw.one", "brw.two", "NOWHERE");
			browser.screenshot("admin-roster");

			browser.visible(By.id("roster-apply")).click();
			browser.waitForText("导入结果");
			assertThat(browser.text()).contains("新增 1", "拒绝 1");

			browser.go("/admin/organisation?q=brw");
			browser.waitForText("白一");

			browser.go("/admin/calendar");
			browser.visible(By.id("calendar-years"));
			assertThat(browser.text()).contains("节假日", "修改某一天");
			browser.screenshot("admin-calendar");
		}
		finally {
			Files.deleteIfExists(roster);
			Files.deleteIfExists(folder);
		}
	}

}
