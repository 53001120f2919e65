package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.zeren.support.Browser;

/** In a real browser: the system admin opens 流程版本 from the menu, dry-runs a migration and carries it out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessVersionsBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@AfterEach
	void removeOurDeployments() {
		repository.createDeploymentQuery()
			.deploymentName("versions-browser-test")
			.list()
			.forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
	}

	private String deploy(String bpmn) {
		String id = repository.createDeployment()
			.name("versions-browser-test")
			.addString("versions.bpmn", bpmn)
			.addString("versions.form", ProcessVersionsPagesIT.FORM)
			.deploy()
			.getId();
		return repository.createProcessDefinitionQuery().deploymentId(id).singleResult().getId();
	}

	private static void click(Browser browser, org.openqa.selenium.WebElement element) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	@Test
	void shouldLetTheAdminMoveRunningInstancesToTheLatestVersion() {
		String first = deploy(ProcessVersionsPagesIT.twoStepProcess("Task_Check", null));
		runtime.startProcessInstanceById(first);
		String second = deploy(ProcessVersionsPagesIT.twoStepProcess("Task_Check", "Task_Review"));

		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("admin");
			browser.go("/");
			browser.visible(By.xpath("//a[contains(@class,'dropdown-toggle') and normalize-space()='系统管理']")).click();
			browser.visible(By.cssSelector("a[href='/admin/processes']")).click();
			browser.visible(By.id("processes-heading"));
			browser.waitForText("版本测试流程");
			assertThat(browser.text()).contains("交办事项", "运行中实例");
			browser.screenshot("admin-processes");

			click(browser, browser.visible(By.cssSelector("#process-VersionsFixtureProcess .zr-migrate")));
			browser.visible(By.id("migration-ok"));
			assertThat(browser.text()).contains("迁移预演", "“核对材料” → “核对材料”");
			browser.screenshot("admin-processes-dry-run");

			click(browser, browser.visible(By.id("migration-execute")));
			browser.waitForText("运行中实例迁移到第");
		}
		assertThat(runtime.createProcessInstanceQuery().processDefinitionId(second).count()).isEqualTo(1);
	}

}
