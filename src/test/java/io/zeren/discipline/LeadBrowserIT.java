package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.support.Browser;

/**
 * In a real browser: the head of the discipline office registers a letter about huangxin, finding him by name, and
 * sees it in the register; a staff member opening the register gets the refusal page and nothing of the lead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadBrowserIT {

	static final long RUN = System.currentTimeMillis() % 1_000_000;

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	String number;

	@AfterEach
	void cleanUp() {
		if (number != null) {
			runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(number)
				.list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true));
		}
	}

	@Test
	void shouldRegisterALeadChoosingTheSubjectByNameAndRefuseEveryoneElse() {
		String title = "来访反映黄鑫违规收受礼品（浏览器 " + RUN + "）";
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("zhaolei");
			browser.waitForText("赵磊，您好");

			browser.go("/discipline/leads");
			browser.visible(By.id("lead-new")).click();
			browser.visible(By.id("lead-form"));
			new Select(browser.driver().findElement(By.id("source"))).selectByVisibleText("信访来访");

			// The subject: typed name, the server's list of matching people, chosen by name.
			browser.visible(By.id("subjectQuery")).sendKeys("黄鑫");
			new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
				var options = d.findElements(By.cssSelector("#subject option:not([value=''])"));
				return !options.isEmpty() && options.stream().allMatch(o -> o.getText().startsWith("黄鑫"));
			});
			WebElement huangxin = browser.driver()
				.findElement(By.xpath("//select[@id='subject']/option[starts-with(normalize-space(.), '黄鑫（一大队')]"));
			new Select(browser.driver().findElement(By.id("subject"))).selectByVisibleText(huangxin.getText());

			browser.driver().findElement(By.id("title")).sendKeys(title);
			browser.driver().findElement(By.id("summary")).sendKeys("来访人反映黄鑫收受管理服务对象礼品（浏览器 " + RUN + "）");
			browser.driver().findElement(By.id("informantName")).sendKeys("张某某");
			JavascriptExecutor js = (JavascriptExecutor) browser.driver();
			js.executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
			browser.screenshot("discipline-lead-form");
			WebElement submit = browser.driver().findElement(By.id("lead-submit"));
			js.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", submit);
			submit.click();

			browser.waitForText("已登记问题线索");
			assertThat(browser.text()).contains(title, "黄鑫", "一大队", "信访来访", "张某某");
			number = jdbc.queryForObject("select lead_number from zr_dis_lead where title = ?", String.class, title);

			browser.go("/discipline/leads");
			browser.waitForText(title);
			assertThat(browser.text()).contains(number, "黄鑫", "信访来访", "待处置");
			browser.screenshot("discipline-leads");

			browser.visible(By.id("zr-logout")).click();
			browser.visible(By.id("username"));
			browser.login("lina");
			browser.waitForText("李娜，您好");
			browser.go("/discipline/leads");
			WebElement refusal = browser.visible(By.id("page-refusal"));
			assertThat(refusal.getText()).contains("问题线索台账仅限纪检组、案件审理室和承办人员查看");
			assertThat(browser.text()).doesNotContain(title, number, "黄鑫");
		}
	}

}
