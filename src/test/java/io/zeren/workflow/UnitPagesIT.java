package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.zeren.support.WebappSession;

/**
 * 本单位工作 (/unit) over HTTP as each person sees it: a unit head sees their people, lists and overdue work and the
 * escalations addressed to them; staff who head nothing get 403; a head chooses only units of their own subtree;
 * bulk 催办 reports per task, rate-limited and refused for anything outside the head's chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnitPagesIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	UnitFixtures fixtures;

	final List<Task> started = new ArrayList<>();

	@BeforeEach
	void fixtures() {
		fixtures = new UnitFixtures(runtime, tasks, management);
	}

	@AfterEach
	void cleanUp() {
		fixtures.cleanUp(started);
	}

	@Test
	void shouldShowTheHeadTheUnitsPeopleListsAndOverdueWork() {
		Task overdue = work("lina", "整理干部档案");

		ResponseEntity<String> page = WebappSession.login(rest, "chenjing", "tasklist").get("/unit");

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		String html = page.getBody();
		assertThat(html).contains("本单位工作：组织干部科", "人员与责任清单", "李娜", "科员", "唐亮");
		assertThat(person(html, "lina")).contains("李娜", "科员").containsAnyOf("未下达", "待签署", "已签署", "有异议");
		assertThat(row(html, overdue.getId())).contains("办理：整理干部档案", "交办事项", "已逾期", "table-danger");
		assertThat(html).doesNotContain("null", "POL-ORG\u003c", "SERIOUS", "Exception");
	}

	@Test
	void shouldShowEachPersonsListStateAndEvidenceProgressOfTheYear() {
		// A year of its own (2061), with lina's list signed (2 items, evidence on 1) and tangliang's only issued.
		long cycle = 990_000_001L;
		try {
			jdbc.update("insert into zr_resp_cycle (id, cycle_year, title, state, opened_by, opened_at, version_no)"
					+ " values (?, 2061, '2061 年度责任清单', 'DEPLOYED', 'liuzhiqiang', current_timestamp, 0)", cycle);
			list(cycle + 1, cycle, "lina", "SIGNED");
			list(cycle + 2, cycle, "tangliang", "ISSUED");
			item(cycle + 11, cycle + 1, 1);
			item(cycle + 12, cycle + 1, 2);
			item(cycle + 13, cycle + 2, 1);
			evidence(cycle + 21, cycle + 1, cycle + 11);
			evidence(cycle + 22, cycle + 1, cycle + 11);
			ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2061, 6, 1, 10, 0, 0, 0, UnitFixtures.ZONE).toInstant()));

			String html = WebappSession.login(rest, "chenjing", "tasklist").get("/unit").getBody();

			assertThat(html).contains("2061 年度").doesNotContain("2,061");
			assertThat(person(html, "lina")).contains("已签署", "1/2 项已记实（共 2 条）");
			assertThat(person(html, "tangliang")).contains("待签署", "0/1 项已记实（共 0 条）");
			assertThat(person(html, "yuanmeng")).contains("未下达");
		}
		finally {
			ClockUtil.reset();
			jdbc.update("delete from zr_resp_evidence where list_id in (?, ?)", cycle + 1, cycle + 2);
			jdbc.update("delete from zr_resp_item where owner_kind = 'PERSONAL' and owner_id in (?, ?)", cycle + 1, cycle + 2);
			jdbc.update("delete from zr_pers_list where cycle_id = ?", cycle);
			jdbc.update("delete from zr_resp_cycle where id = ?", cycle);
		}
	}

	private void list(long id, long cycle, String username, String state) {
		jdbc.update("insert into zr_pers_list (id, cycle_id, username, unit_code, state, issued_at, version_no)"
				+ " values (?, ?, ?, 'POL-ORG', ?, current_timestamp, 0)", id, cycle, username, state);
	}

	private void item(long id, long list, int sortNo) {
		jdbc.update("insert into zr_resp_item (id, owner_kind, owner_id, sort_no, title, weight, for_unit)"
				+ " values (?, 'PERSONAL', ?, ?, '谈心谈话', 50, 'N')", id, list, sortNo);
	}

	private void evidence(long id, long list, long item) {
		jdbc.update("insert into zr_resp_evidence (id, list_id, item_id, occurred_on, kind, recorded_by, recorded_at)"
				+ " values (?, ?, ?, ?, 'HEART_TO_HEART_TALK', 'lina', current_timestamp)", id, list, item,
				java.sql.Date.valueOf("2061-05-20"));
	}

	@Test
	void shouldListTheEscalationsAddressedToTheHeadWithALinkIntoTasklist() {
		Task overdue = work("lina", "报送统计报表");
		fixtures.escalate(overdue);
		Task escalation = tasks.createTaskQuery()
			.processDefinitionKey(TaskDeadlineProcess.KEY)
			.processInstanceBusinessKey(overdue.getId())
			.singleResult();
		assertThat(escalation.getAssignee()).isEqualTo("chenjing");

		String html = WebappSession.login(rest, "chenjing", "tasklist").get("/unit").getBody();

		assertThat(html).contains("督办我的事项", "督办：李娜 办理：报送统计报表", "李娜（组织干部科）", "第 1 级",
				"/camunda/app/tasklist/default/#/?task=" + escalation.getId());
		// Not the head of POL: the escalation is chenjing's, liuzhiqiang has none of it.
		assertThat(WebappSession.login(rest, "liuzhiqiang", "tasklist").get("/unit").getBody())
			.doesNotContain(escalation.getId());
	}

	@Test
	void shouldRefuseThePageToWhoHeadsNoUnit() {
		for (String staff : List.of("lina", "huangxin")) {
			ResponseEntity<String> page = WebappSession.login(rest, staff, "tasklist").get("/unit");
			assertThat(page.getStatusCode()).as(staff).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(page.getBody()).contains("本页面供单位负责人使用").doesNotContain("李娜（组织干部科）");
			ResponseEntity<String> urged = WebappSession.login(rest, staff, "tasklist").postForm("/unit/urge",
					fields("taskId", "x"));
			assertThat(urged.getStatusCode()).as(staff).isEqualTo(HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void shouldLetAHeadChooseOnlyUnitsOfTheirSubtree() {
		Task overdue = work("lina", "核对考勤");
		WebappSession head = WebappSession.login(rest, "liuzhiqiang", "tasklist");

		String own = head.get("/unit").getBody();
		assertThat(own).contains("本单位工作：政治部", "value=\"POL-ORG\"", "value=\"POL-EDU\"")
			.doesNotContain("value=\"OPS-1\"");
		String sub = head.get("/unit?unit=POL-ORG").getBody();
		assertThat(sub).contains("本单位工作：组织干部科", "李娜", "陈静");
		assertThat(row(sub, overdue.getId())).contains("已逾期");

		ResponseEntity<String> other = WebappSession.login(rest, "zhengyang", "tasklist").get("/unit?unit=POL-ORG");
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(other.getBody()).contains("您只能查看本人负责的单位及其下级单位").doesNotContain("李娜");
		assertThat(WebappSession.login(rest, "chenjing", "tasklist").get("/unit?unit=POL").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldUrgeEachTickedTaskOnceAndRefuseASecondUrgeInsideTheInterval() {
		Task first = work("lina", "起草培训方案");
		Task second = work("tangliang", "更新党员台账");
		WebappSession chenjing = WebappSession.login(rest, "chenjing", "tasklist");

		MultiValueMap<String, String> both = fields("taskId", first.getId());
		both.add("taskId", second.getId());
		both.add("unit", "POL-ORG");
		both.add("message", "请本周内办结");
		ResponseEntity<String> posted = chenjing.postForm("/unit/urge", both);

		assertThat(posted.getStatusCode().is3xxRedirection()).as(posted.getBody()).isTrue();
		String results = chenjing.get(target(posted)).getBody();
		assertThat(results).contains("催办完成：2 项已催办，0 项未催办");
		assertThat(result(results, first.getId())).contains("办理：起草培训方案", "已催办", "已向承办人发送催办通知");
		assertThat(result(results, second.getId())).contains("办理：更新党员台账", "已催办");
		assertThat(jdbc.queryForObject("select count(*) from zr_task_urge where task_id = ? and urged_by = 'chenjing'",
				Long.class, first.getId())).isOne();
		assertThat(jdbc.queryForObject("select count(*) from zr_mail_outbox where recipient = 'lina' and template = ?"
				+ " and subject like ?", Long.class, "task-urged", "%起草培训方案%")).isOne();

		ResponseEntity<String> again = chenjing.postForm("/unit/urge", fields("taskId", first.getId()));
		String refused = chenjing.get(target(again)).getBody();
		assertThat(result(refused, first.getId())).contains("办理：起草培训方案", "未催办", "同一任务每 4 小时内只能催办一次");
		assertThat(refused).contains("催办完成：0 项已催办，1 项未催办");
		assertThat(jdbc.queryForObject("select count(*) from zr_task_urge where task_id = ?", Long.class,
				first.getId())).isOne();

		ResponseEntity<String> none = chenjing.postForm("/unit/urge", fields("unit", "POL-ORG"));
		assertThat(chenjing.get(target(none)).getBody())
			.contains("请至少勾选一项任务再催办");
	}

	@Test
	void shouldRefuseToUrgeATaskOfAnotherUnit() {
		Task lina = work("lina", "清理过期文件");
		WebappSession zhengyang = WebappSession.login(rest, "zhengyang", "tasklist");

		ResponseEntity<String> posted = zhengyang.postForm("/unit/urge", fields("taskId", lina.getId()));

		assertThat(target(posted)).isEqualTo("/unit?unit=OPS-1");
		String results = zhengyang.get(target(posted)).getBody();
		assertThat(result(results, lina.getId())).contains("未催办", "只有任务承办人的上级领导");
		assertThat(results).doesNotContain("清理过期文件", "李娜");
		assertThat(jdbc.queryForObject("select count(*) from zr_task_urge where task_id = ?", Long.class,
				lina.getId())).isZero();
	}

	private Task work(String assignee, String title) {
		Task task = fixtures.overdueWork("chenjing", assignee, title);
		started.add(task);
		return task;
	}

	/** Where a post redirected to: the page (with its unit), which shows the flash once. */
	private static String target(ResponseEntity<String> posted) {
		assertThat(posted.getStatusCode().is3xxRedirection()).as(posted.getBody()).isTrue();
		java.net.URI location = posted.getHeaders().getLocation();
		return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
	}

	private static MultiValueMap<String, String> fields(String name, String value) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add(name, value);
		return fields;
	}

	/** The table row of a task on the page. */
	private static String row(String html, String taskId) {
		return fragment(html, "<tr", "data-task=\"" + taskId + "\"", "</tr>");
	}

	/** The result line of a task after an urge. */
	private static String result(String html, String taskId) {
		return fragment(html, "<li", "data-result=\"" + taskId + "\"", "</li>");
	}

	private static String person(String html, String username) {
		return fragment(html, "<tr", "data-person=\"" + username + "\"", "</tr>");
	}

	private static String fragment(String html, String open, String marker, String close) {
		int at = html.indexOf(marker);
		assertThat(at).as(marker + " on the page").isNotNegative();
		int start = html.lastIndexOf(open, at);
		return html.substring(start, html.indexOf(close, at) + close.length());
	}

}
