package io.zeren.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.shared.FormRows;
import io.zeren.support.Browser;

/**
 * In a real browser: the political department drafts the catalogue in Tasklist as rows (adds a row, types the
 * fields, picks the deadline in the date picker, ticks a category by its Chinese name) and the draft is saved as
 * items; the leadership's form then shows it as a read-only table. Year 2121.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormRowsBrowserIT {

	private static final int YEAR = 2121;

	@LocalServerPort
	int port;

	@Autowired
	CycleRepository cycles;

	@Autowired
	ItemRepository items;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void cleanUp() {
		runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(YEAR)).list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test"));
		cycles.findByYear(YEAR).ifPresent(cycle -> {
			jdbc.update("delete from zr_resp_item where owner_kind = 'CYCLE' and owner_id = ?", cycle.getId());
			jdbc.update("delete from zr_resp_cycle where id = ?", cycle.getId());
		});
	}

	@Test
	void shouldDraftTheCatalogueAsRowsWithADatePickerAndACategory() {
		// Opened as Cycles.open does (its API keeps years up to 2100; this test owns 2121).
		Cycle cycle = cycles.saveAndFlush(new Cycle(YEAR, YEAR + "年度思想政治工作责任清单", null, "liuzhiqiang", Instant.now()));
		ProcessInstance instance = runtime.startProcessInstanceByKey(AnnualCycleProcess.KEY, String.valueOf(YEAR),
				Map.of(AnnualCycleProcess.VAR_CYCLE_ID, cycle.getId(), AnnualCycleProcess.VAR_YEAR, YEAR,
						AnnualCycleProcess.VAR_CATALOGUE_ROWS, FormRows.json(ItemRows.rows(List.of(new ItemSpec("谈心谈话",
								"每季度至少一次", "与本单位干警谈心", 30, "谈话记录", null, java.util.Set.of(), java.util.Set.of(), false))))));
		Task draft = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		tasks.claim(draft.getId(), "liuzhiqiang");

		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("liuzhiqiang");
			browser.waitForText("您好");
			browser.go("/camunda/app/tasklist/default/#/?task=" + draft.getId());
			browser.visible(By.cssSelector(".fjs-form-field-dynamiclist"));
			browser.waitForText("责任清单目录");
			// The row the form starts from is the catalogue as it stands.
			assertThat(value(browser, rows(browser).get(0), "标题")).isEqualTo("谈心谈话");

			type(browser, null, "工作要点", "坚持政治建警");
			click(browser, browser.driver().findElement(By.cssSelector(".fjs-repeat-render-add")));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> rows(browser).size() == 2);
			WebElement row = rows(browser).get(1);
			type(browser, row, "标题", "集中政治轮训");
			type(browser, row, "权重", "20");
			type(browser, row, "目标", "全年参训");
			type(browser, row, "措施", "参加轮训");
			// The deadline from the date picker: open it and click the 15th of the month shown.
			click(browser, field(browser, row, "完成时限"));
			WebElement day = browser.visible(By.xpath("//div[contains(@class,'flatpickr-calendar') and contains(@class,'open')]"
					+ "//span[contains(@class,'flatpickr-day') and not(contains(@class,'prevMonthDay'))"
					+ " and not(contains(@class,'nextMonthDay')) and normalize-space(.)='15']"));
			day.click();
			click(browser, row.findElement(By.xpath(".//label[normalize-space(.)='领导干部']")));
			browser.screenshot("catalogue-rows-filled");

			// 完成 is enabled once rows were edited (form-js's empty error entries no longer disable it: tasklist-forms.js).
			WebElement complete = browser.driver().findElement(By.cssSelector("button[ng-click='complete()']"));
			assertThat(complete.isEnabled()).as("完成 enabled").isTrue();
			click(browser, complete);
			try {
				new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
					.until(d -> tasks.createTaskQuery().taskId(draft.getId()).count() == 0);
			}
			catch (org.openqa.selenium.TimeoutException notCompleted) {
				browser.screenshot("catalogue-rows-not-completed");
				Object errors = ((JavascriptExecutor) browser.driver()).executeScript(
						"return Array.from(document.querySelectorAll('.fjs-has-errors, [aria-invalid=true], .fjs-form-field-error, [class*=fjs-][class*=error]'))"
								+ ".map(e => e.className + ':' + (e.id || '') + ':' + e.textContent.trim().slice(0, 80)).join(' / ') + ' ~~ ' +"
								+ "Array.from(document.querySelectorAll('.fjs-form-field-error, .notification, .alert'))"
								+ ".map(e => e.textContent.trim()).join(' / ')"
								+ " + ' || values: ' + Array.from(document.querySelectorAll('.fjs-container input, .fjs-container textarea'))"
								+ ".map(e => (e.id || e.name) + '=' + e.value).join(', ')");
				throw new AssertionError("The draft was not completed; errors: " + errors, notCompleted);
			}
		}

		List<ItemSpec> saved = items.findByOwnerKindAndOwnerIdOrderBySortNo(Item.Owner.CYCLE, cycle.getId()).stream()
			.map(Item::spec).toList();
		assertThat(saved).extracting(ItemSpec::title).containsExactly("谈心谈话", "集中政治轮训");
		assertThat(saved.get(1).weight()).isEqualTo(20);
		assertThat(saved.get(1).dueOn()).isNotNull();
		assertThat(saved.get(1).dueOn().getDayOfMonth()).isEqualTo(15);
		assertThat(saved.get(1).categories()).containsExactly(io.zeren.organisation.StaffCategory.LEADING_CADRE);

		// The leadership reads the draft as a table, with Chinese cells.
		Task approve = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(approve.getTaskDefinitionKey()).isEqualTo(AnnualCycleProcess.TASK_APPROVE_CATALOGUE);
		tasks.claim(approve.getId(), "wangjianguo");
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.go("/login").login("wangjianguo");
			browser.waitForText("您好");
			browser.go("/camunda/app/tasklist/default/#/?task=" + approve.getId());
			browser.visible(By.cssSelector(".fjs-form-field-table"));
			browser.waitForText("集中政治轮训");
			assertThat(browser.text()).contains("领导干部", "全年");
			browser.screenshot("catalogue-table-for-approval");
		}
	}

	private static List<WebElement> rows(Browser browser) {
		return browser.driver().findElements(By.cssSelector(".fjs-repeat-row-container"));
	}

	/** The input a label names, within a row (or the whole form when row is null). */
	private static WebElement field(Browser browser, WebElement row, String label) {
		String path = ".//label[starts-with(normalize-space(.), '" + label + "')]";
		WebElement found = row == null ? browser.driver().findElement(By.xpath("//form" + path.substring(1)))
				: row.findElement(By.xpath(path));
		String id = found.getAttribute("for");
		return id == null || id.isBlank() ? found.findElement(By.xpath("following::*[self::input or self::textarea][1]"))
				: browser.driver().findElement(By.id(id));
	}

	private static void type(Browser browser, WebElement row, String label, String text) {
		WebElement input = field(browser, row, label);
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'})", input);
		input.clear();
		input.sendKeys(text);
	}

	/** Scrolled to the middle of the view first: Tasklist's fixed footer covers the bottom of the form. */
	private static void click(Browser browser, WebElement element) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
		element.click();
	}

	private static String value(Browser browser, WebElement row, String label) {
		return field(browser, row, label).getAttribute("value");
	}

}
