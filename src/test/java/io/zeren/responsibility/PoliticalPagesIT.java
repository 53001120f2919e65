package io.zeren.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.support.ApiClient;
import io.zeren.support.WebappSession;

/**
 * The political department's pages (年度周期, 督查, 考核) over HTTP as the browser uses them: who sees what, the
 * forms' validation keeping what was typed, and the use cases' effects — a year opened, approved (in Tasklist, by
 * the fixture), kicked off from the page until the progress fragment says done, refused closing while not deployed
 * and closed once it is; an inspection opened and cancelled (and refused once a finding is recorded); the
 * self-reports and an assessment opened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PoliticalPagesIT {

	static final int YEAR = 2081;

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

	CycleDriver driver;

	final Instant started = Instant.now();

	@BeforeEach
	void driver() {
		driver = new CycleDriver(tasks, runtime, management, history, directory, jdbc);
	}

	@AfterEach
	void cleanUp() {
		driver.cleanUp(YEAR, started.minusSeconds(5));
		for (String key : List.of("MidYearInspectionProcess", "RectificationProcess")) {
			runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
				.filter(instance -> jdbc.queryForObject(
						"select count(*) from zr_inspection where cycle_year = ? and (cast(id as varchar(32)) = ? "
								+ "or id in (select inspection_id from zr_finding where cast(id as varchar(32)) = ?))",
						Long.class, YEAR, instance.getBusinessKey(), instance.getBusinessKey()) > 0)
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		}
		for (String key : List.of("ProgressSelfReportProcess", "AnnualAssessmentProcess")) {
			runtime.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKeyLike(YEAR + ":%")
				.list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
		}
	}

	@Test
	void shouldOpenKickOffAndCloseAYearFromThePages() throws InterruptedException {
		WebappSession liu = WebappSession.login(rest, "liuzhiqiang", "tasklist");

		ResponseEntity<String> list = liu.get("/political/cycles");
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody()).contains("年度周期", "id=\"open-cycle\"");

		ResponseEntity<String> invalid = liu.postForm("/political/cycles", form("year", "20x1", "title", "我的标题"));
		assertThat(invalid.getStatusCode().value()).isEqualTo(422);
		assertThat(invalid.getBody()).contains("应为 2000 到 2100 之间的年份", "value=\"20x1\"", "value=\"我的标题\"",
				"is-invalid");
		assertThat(jdbc.queryForObject("select count(*) from zr_resp_cycle where cycle_year = ?", Long.class, YEAR))
			.isZero();

		ResponseEntity<String> opened = liu.postForm("/political/cycles",
				form("year", String.valueOf(YEAR), "title", "", "workPoints", "坚持政治建警"));
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(opened.getHeaders().getLocation().getPath()).isEqualTo("/political/cycles/" + YEAR);
		ResponseEntity<String> page = liu.get("/political/cycles/" + YEAR);
		assertThat(page.getBody()).contains(YEAR + " 年度责任周期已开启", "起草目录", "坚持政治建警", "刘志强")
			.doesNotContain("DRAFTING", "2,071");

		ResponseEntity<String> twice = liu.postForm("/political/cycles", form("year", String.valueOf(YEAR)));
		assertThat(twice.getStatusCode().value()).isEqualTo(422);
		assertThat(twice.getBody()).contains(YEAR + " 年度的责任周期已经开启");

		driver.approve(YEAR);
		page = liu.get("/political/cycles/" + YEAR);
		assertThat(page.getBody()).contains("id=\"catalogue\"", "谈心谈话", "每季度至少一次", "领导干部、非领导干部",
				"全体人员", "各单位确认清单").doesNotContain("LEADING_CADRE", "UNIT_LISTS");

		ResponseEntity<String> early = liu.postForm("/political/cycles/" + YEAR + "/kickoff", form());
		assertThat(early.getStatusCode().value()).isEqualTo(422);
		assertThat(early.getBody()).contains("暂不能下发个人责任清单", "“各单位确认清单”阶段");

		driver.createUnitTasks(YEAR);
		driver.confirmUnits(YEAR);
		page = liu.get("/political/cycles/" + YEAR);
		assertThat(page.getBody()).contains("id=\"unit-lists\"", "一大队", "郑阳", "确认").doesNotContain("待确认");

		ResponseEntity<String> kickOff = liu.postForm("/political/cycles/" + YEAR + "/kickoff", form());
		assertThat(kickOff.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(liu.get("/political/cycles/" + YEAR).getBody()).contains("已开始下发 " + YEAR + " 年度个人责任清单",
				"id=\"kickoff-progress\"");
		String fragment = liu.get("/political/cycles/" + YEAR + "/kickoff").getBody();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!fragment.contains("data-state=\"COMPLETED\"") && Instant.now().isBefore(deadline)) {
			assertThat(fragment).contains("data-state=\"RUNNING\"", "hx-trigger=\"every 2s\"");
			Thread.sleep(300);
			fragment = liu.get("/political/cycles/" + YEAR + "/kickoff").getBody();
		}
		long staff = driver.activeStaff();
		assertThat(fragment).contains("data-state=\"COMPLETED\"", "已全部下发", "100%",
				"已下发 " + staff + " / " + staff + " 人").doesNotContain("hx-trigger", "<html");
		assertThat(driver.personalLists(YEAR)).isEqualTo(staff);

		ResponseEntity<String> refused = liu.postForm("/political/cycles/" + YEAR + "/close", form());
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody()).contains("暂不能结束", "“下发个人清单”阶段").doesNotContain("KICKOFF");

		driver.runKickOffJob(YEAR);
		ResponseEntity<String> closed = liu.postForm("/political/cycles/" + YEAR + "/close", form());
		assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		page = liu.get("/political/cycles/" + YEAR);
		assertThat(page.getBody()).contains(YEAR + " 年度已结束", "已结束").doesNotContain("id=\"close-submit\"");
		assertThat(liu.get("/political/cycles").getBody()).contains("id=\"cycle-" + YEAR + "\"");
	}

	@Test
	void shouldOpenAndCancelAnInspectionOpenedByMistake() {
		WebappSession zhoumin = WebappSession.login(rest, "zhoumin", "tasklist");
		WebappSession liu = WebappSession.login(rest, "liuzhiqiang", "tasklist");

		assertThat(zhoumin.get("/political/inspections").getBody()).contains("督查", "id=\"open-inspection\"", "周敏");
		assertThat(liu.get("/political/inspections").getBody()).contains("督查", "id=\"self-reports\"")
			.doesNotContain("id=\"open-inspection\"");

		ResponseEntity<String> invalid = zhoumin.postForm("/political/inspections", form("year", String.valueOf(YEAR),
				"unitCode", "", "title", "误建的督察", "startsOn", YEAR + "-06-10", "endsOn", YEAR + "-06-01"));
		assertThat(invalid.getStatusCode().value()).isEqualTo(422);
		assertThat(invalid.getBody()).contains("请填写被检查单位", "早于开始日期", "value=\"误建的督察\"",
				"value=\"" + YEAR + "-06-10\"");

		ResponseEntity<String> notInspector = liu.postForm("/political/inspections", inspection("刘志强的督察"));
		assertThat(notInspector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(notInspector.getBody()).contains("只有督察组成员可以新建督察检查");

		ResponseEntity<String> created = zhoumin.postForm("/political/inspections", inspection("误建的督察"));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		String path = created.getHeaders().getLocation().getPath();
		String id = path.substring(path.lastIndexOf('/') + 1);
		assertThat(zhoumin.get(path).getBody()).contains("已新建督察检查“误建的督察”", "登记问题中", "一大队",
				"id=\"cancel-inspection\"");
		assertThat(liu.get("/political/inspections?year=" + YEAR).getBody()).contains("误建的督察", "登记问题中");
		assertThat(liu.get(path).getBody()).doesNotContain("id=\"cancel-inspection\"");
		assertThat(instances("MidYearInspectionProcess", id)).isOne();

		ResponseEntity<String> noReason = zhoumin.postForm(path + "/cancel", form("reason", " "));
		assertThat(noReason.getStatusCode().value()).isEqualTo(422);
		assertThat(noReason.getBody()).contains("请填写撤销理由");
		ResponseEntity<String> byLiu = liu.postForm(path + "/cancel", form("reason", "不是我的"));
		assertThat(byLiu.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<String> cancelled = zhoumin.postForm(path + "/cancel", form("reason", "单位选错了"));
		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(liu.get(path).getBody()).contains("已撤销", "周敏", "单位选错了").doesNotContain("CANCELLED");
		assertThat(instances("MidYearInspectionProcess", id)).isZero();
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
			.processDefinitionKey("MidYearInspectionProcess").singleResult().getDeleteReason()).contains("单位选错了");

		// With a finding recorded, it is no longer a mistake to undo: refused, the overview shows the rectification.
		created = zhoumin.postForm("/political/inspections", inspection("有问题的督察"));
		path = created.getHeaders().getLocation().getPath();
		String second = path.substring(path.lastIndexOf('/') + 1);
		ResponseEntity<Map<String, Object>> finding = ApiClient.as(rest, "zhoumin").send(HttpMethod.POST,
				"/api/inspections/" + second + "/findings", Map.of("target", "UNIT", "description", "谈心谈话记录不全",
						"severity", "MINOR", "requirement", "补齐记录", "deadline", YEAR + "-07-31"));
		assertThat(finding.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<String> tooLate = zhoumin.postForm(path + "/cancel", form("reason", "想撤销"));
		assertThat(tooLate.getStatusCode().value()).isEqualTo(422);
		assertThat(tooLate.getBody()).contains("已登记 1 个问题", "value", "想撤销");
		assertThat(liu.get(path).getBody()).contains("谈心谈话记录不全", "单位：一大队", "郑阳", "待提交整改方案", YEAR + "-07-31",
				"一般").doesNotContain("PLANNING", "MINOR");
		assertThat(liu.get("/political/inspections?year=" + YEAR).getBody()).contains("有问题的督察", "已撤销");
	}

	@Test
	void shouldStartTheSelfReportsOfAUnit() {
		WebappSession liu = WebappSession.login(rest, "liuzhiqiang", "tasklist");

		ResponseEntity<String> invalid = liu.postForm("/political/inspections/self-reports", form("year", "二〇七一"));
		assertThat(invalid.getStatusCode().value()).isEqualTo(422);
		assertThat(invalid.getBody()).contains("二〇七一", "无效");

		ResponseEntity<String> started = liu.postForm("/political/inspections/self-reports",
				form("year", String.valueOf(YEAR), "unitCode", "ASC"));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(liu.get("/political/inspections").getBody()).contains(YEAR + " 年度年中自评：范围内 3 人，本次启动 3 人");
	}

	@Test
	void shouldOpenTheAssessmentOfAUnitWithItsQuota() {
		WebappSession wuhao = WebappSession.login(rest, "wuhao", "tasklist");

		assertThat(wuhao.get("/political/assessments?year=" + YEAR).getBody()).contains(YEAR + " 年度考核",
				"本年度尚未开启考核", "id=\"open-assessment\"");

		ResponseEntity<String> noUnits = wuhao.postForm("/political/assessments/open",
				form("year", String.valueOf(YEAR), "scope", "units"));
		assertThat(noUnits.getStatusCode().value()).isEqualTo(422);
		assertThat(noUnits.getBody()).contains("请指明要启动考核的单位", "value=\"" + YEAR + "\"");

		ResponseEntity<String> opened = wuhao.postForm("/political/assessments/open",
				form("year", String.valueOf(YEAR), "scope", "units", "units", "ASC"));
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		String page = wuhao.get("/political/assessments?year=" + YEAR).getBody();
		assertThat(page).contains(YEAR + " 年度考核：本次开启 3 人", "考核委员会办公室", "个人总结", "0 / 1", "吴浩", "苏婷")
			.doesNotContain("SELF_SUMMARY", "ASC<");

		WebappSession boss = WebappSession.login(rest, "wangjianguo", "tasklist");
		assertThat(boss.get("/political/assessments?year=" + YEAR).getBody()).contains("考核委员会办公室", "吴浩");
		assertThat(boss.get("/political/cycles").getBody()).contains("年度周期").doesNotContain("id=\"open-cycle\"");
	}

	@Test
	void shouldKeepEveryoneElseOutWithAChineseSentence() {
		for (String username : List.of("huangxin", "zhengyang")) {
			WebappSession session = WebappSession.login(rest, username, "tasklist");
			for (String path : List.of("/political/cycles", "/political/inspections", "/political/assessments")) {
				ResponseEntity<String> page = session.get(path);
				assertThat(page.getStatusCode()).as(username + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(page.getBody()).contains("您无权查看").doesNotContain("Exception", "Forbidden");
			}
			assertThat(session.postForm("/political/cycles", form("year", "2082")).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		// Role POLITICAL reaches every member of the political department, but the assessments are the committee's.
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");
		assertThat(lina.get("/political/assessments").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(lina.get("/political/cycles").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private MultiValueMap<String, String> inspection(String title) {
		return form("year", String.valueOf(YEAR), "unitCode", "OPS-1", "title", title, "startsOn", YEAR + "-06-01",
				"endsOn", YEAR + "-06-10");
	}

	private long instances(String key, String businessKey) {
		return runtime.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(businessKey)
			.count();
	}

	private static MultiValueMap<String, String> form(String... pairs) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.add(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

}
