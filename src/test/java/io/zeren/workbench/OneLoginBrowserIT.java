package io.zeren.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.zeren.support.Browser;

/** In a real browser: one login on Zeren's page lands in Tasklist with no second password; logging out ends both. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneLoginBrowserIT {

	@LocalServerPort
	int port;

	@Test
	void shouldLogInOnceAndLandInTasklist() {
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/camunda/app/tasklist/default/");
			browser.visible(By.id("username"));
			assertThat(browser.path()).startsWith("/login");
			assertThat(browser.text()).contains("登录", "示范省某某厅");
			browser.screenshot("login");

			browser.login("lina");

			browser.waitForText("任务列表");
			assertThat(browser.path()).startsWith("/camunda/app/tasklist/default/");
			assertThat(browser.driver().findElements(By.cssSelector("input[type=password]"))).isEmpty();
			browser.screenshot("tasklist-after-login");

			browser.go("/");
			browser.waitForText("李娜，您好");
			assertThat(browser.text()).contains("我的待办");
			assertThat(browser.driver().findElements(By.cssSelector("a[href='/my/lists']"))).isNotEmpty();
			assertThat(browser.driver().findElements(By.cssSelector("a[href^='/admin/']"))).isEmpty();
			browser.screenshot("workbench-home");

			browser.visible(By.id("zr-logout")).click();
			browser.visible(By.id("username"));
			assertThat(browser.text()).contains("您已安全退出");
			browser.go("/camunda/app/tasklist/default/");
			browser.visible(By.id("username"));
			assertThat(browser.path()).startsWith("/login");
		}
	}

	@Test
	void shouldSendTheWebappsLogoutToZerensLoginPage() {
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("lina");
			browser.waitForText("李娜，您好");
			browser.go("/camunda/app/tasklist/default/");
			browser.waitForText("任务列表");

			// What Tasklist's own 退出 does: its logout call (with its CSRF token), then its login route.
			((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					var token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
					fetch('/camunda/api/admin/auth/user/default/logout', {method: 'POST', headers: {'X-XSRF-TOKEN': token}})
					  .then(function (r) { window.location.hash = '#/login'; done(r.status); });
					""");

			browser.visible(By.id("username"));
			assertThat(browser.path()).startsWith("/login");
			browser.go("/");
			browser.visible(By.id("username"));
			assertThat(browser.path()).startsWith("/login");
		}
	}

}
