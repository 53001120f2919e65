package io.zeren.my;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.zeren.assessment.AssessmentYearPlay;
import io.zeren.support.ApiClient;
import io.zeren.support.WebappSession;

/**
 * The staff's own pages: 已办 and 我发起的 (/my/work), 我的考核 (/my/assessments: grades, notices, publicity with an
 * objection, review and appeal) and 代理设置 (/my/substitute), with the home page's cards; who sees what, refusals
 * next to the field with what was typed, and the effect on the use cases' data. The assessment is POL-ORG's for
 * 2036 (a year no other test plays), the engine clock held at Monday 7 December 2026.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyPagesIT {

	static final int YEAR = 2036;

	static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

	final Date started = new Date(System.currentTimeMillis() - 5_000);

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

	@BeforeEach
	void holdTheClock() {
		ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
	}

	@AfterEach
	void cleanUp() {
		jdbc.update("delete from zr_delegation where owner_username in ('lina', 'tangliang')");
		ClockUtil.reset();
	}

	@AfterAll
	void removeTheYear() {
		AssessmentYearPlay.cleanUp(runtime, history, jdbc, YEAR, started);
		runtime.createProcessInstanceQuery()
			.processDefinitionKey("AssignedWorkProcess")
			.variableValueEquals("workTitle", "整理考核材料（页面测试）")
			.list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
	}

	@Test
	void shouldShowTheAssessmentYearToThePersonAndTakeObjectionReviewAndAppealWithRefusalsNextToTheField() {
		AssessmentYearPlay year = new AssessmentYearPlay(rest, tasks, runtime, management, YEAR);
		year.toPublicity("lina");
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");
		WebappSession huangxin = WebappSession.login(rest, "huangxin", "tasklist");

		// 公示: everyone sees the list and may object; the home card says so.
		String page = lina.get("/my/assessments").getBody();
		assertThat(page).contains("我的考核", "优秀等次公示", "id=\"publicity-list\"", "李娜", "组织干部科", "2036 年度",
				"value=\"2036:lina\"", "考核正在进行");
		assertThat(lina.get("/").getBody()).contains("待阅通知", "2036 年度 组织干部科 优秀等次公示中");
		String other = huangxin.get("/my/assessments").getBody();
		assertThat(other).contains("李娜（组织干部科，2036 年度）").doesNotContain("id=\"year-2036\"");

		// Refusals: no reason; someone not on the list (a forged choice), with the typed reason kept.
		ResponseEntity<String> empty = huangxin.postForm("/my/assessments/objections", form("target", "2036:lina", "reason", " "));
		assertThat(empty.getStatusCode().value()).isEqualTo(422);
		assertThat(empty.getBody()).contains("请写明异议内容", "id=\"objection-reason-error\"", "is-invalid");
		ResponseEntity<String> notListed = huangxin.postForm("/my/assessments/objections",
				form("target", "2036:tangliang", "reason", "唐亮的材料与事实不符"));
		assertThat(notListed.getStatusCode().value()).isEqualTo(422);
		assertThat(notListed.getBody()).contains("唐亮 不在公示的优秀名单中", "id=\"objection-target-error\"",
				">唐亮的材料与事实不符</textarea>").doesNotContain("tangliang 不在");
		ResponseEntity<String> noTarget = huangxin.postForm("/my/assessments/objections", form("reason", "写了理由"));
		assertThat(noTarget.getStatusCode().value()).isEqualTo(422);
		assertThat(noTarget.getBody()).contains("请从公示名单中选择", ">写了理由</textarea>");
		assertThat(objections("huangxin")).isZero();

		ResponseEntity<String> filed = huangxin.postForm("/my/assessments/objections",
				form("target", "2036:lina", "reason", "测评材料与事实不符"));
		assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(objections("huangxin")).isOne();
		assertThat(huangxin.get("/my/assessments").getBody()).contains("我提出的异议", "测评材料与事实不符", "已提交");
		// lina sees the objection against her, never who raised it.
		assertThat(lina.get("/my/assessments").getBody()).contains("公示期间收到的异议", "测评材料与事实不符")
			.doesNotContain("黄鑫");
		year.upholdObjection();
		year.endPublicity();
		ClockUtil.setCurrentTime(Date.from(MONDAY.plusHours(1).toInstant()));

		// Publicity over: an objection is refused with the reason kept; the notice waits for lina.
		ResponseEntity<String> closed = huangxin.postForm("/my/assessments/objections",
				form("target", "2036:lina", "reason", "补充一条异议"));
		assertThat(closed.getStatusCode().value()).isEqualTo(422);
		assertThat(closed.getBody()).contains("单位 组织干部科 的 2036 年度考核结果不在公示期内", ">补充一条异议</textarea>");
		assertThat(lina.get("/").getBody()).contains("考核结果通知待签收");
		page = lina.get("/my/assessments").getBody();
		assertThat(page).contains("id=\"year-2036\"", "优秀", "已通知，待签收", "您的 2036 年度考核等次为：优秀")
			.doesNotContain("id=\"review-form-2036\"");

		// A review before the notice is signed: refused, the reason kept.
		ResponseEntity<String> early = lina.postForm("/my/assessments/2036/reviews", form("reason", "我想复核"));
		assertThat(early.getStatusCode().value()).isEqualTo(422);
		assertThat(early.getBody()).contains("当前不能申请复核", "id=\"review-error-2036\"", ">我想复核</textarea>");

		year.acknowledge("lina");
		page = lina.get("/my/assessments").getBody();
		assertThat(page).contains("已签收", "id=\"review-form-2036\"").doesNotContain("id=\"appeal-form-2036\"");
		assertThat(lina.get("/").getBody()).contains("2036 年度考核：可于");

		ResponseEntity<String> blank = lina.postForm("/my/assessments/2036/reviews", form("reason", ""));
		assertThat(blank.getStatusCode().value()).isEqualTo(422);
		assertThat(blank.getBody()).contains("请写明申请理由", "id=\"review-error-2036\"");
		ResponseEntity<String> notMine = lina.postForm("/my/assessments/2099/reviews", form("reason", "别人的年度"));
		assertThat(notMine.getStatusCode().value()).isEqualTo(422);
		assertThat(notMine.getBody()).contains("您没有 2099 年度的考核", ">别人的年度</textarea>");

		ResponseEntity<String> review = lina.postForm("/my/assessments/2036/reviews", form("reason", "民主测评结果统计有误"));
		assertThat(review.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		page = lina.get("/my/assessments").getBody();
		assertThat(page).contains("复核与申诉", "民主测评结果统计有误", "待决定").doesNotContain("id=\"review-form-2036\"");
		ResponseEntity<String> again = lina.postForm("/my/assessments/2036/reviews", form("reason", "再次申请"));
		assertThat(again.getBody()).contains("已经提出过复核申请", ">再次申请</textarea>");
		// Over REST the same person sees the same request: one use case behind both.
		assertThat(ApiClient.as(rest, "lina").get("/api/assessments/2036/people/lina").getBody().get("reviews"))
			.asString().contains("民主测评结果统计有误");

		year.upholdReview("lina");
		page = lina.get("/my/assessments").getBody();
		assertThat(page).contains("维持原等次", "名额所限，维持原等次", "id=\"appeal-form-2036\"");
		ResponseEntity<String> appeal = lina.postForm("/my/assessments/2036/appeals", form("reason", "复核未考虑我的材料"));
		assertThat(appeal.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(lina.get("/my/assessments").getBody()).contains("申诉", "复核未考虑我的材料", "申诉中");

		// 已办: lina's own steps, newest first, with a link to her assessment; a peer vote has none.
		String done = lina.get("/my/work").getBody();
		assertThat(done).contains("签收考核结果通知", "填写个人总结（述职）", "民主测评：", "年度考核", "href=\"/my/assessments\"");
		assertThat(done.indexOf("签收考核结果通知")).isLessThan(done.indexOf("填写个人总结（述职）"));
		assertThat(huangxin.get("/my/work").getBody()).doesNotContain("填写个人总结（述职）");
	}

	@Test
	void shouldListWhatIStartedAndWhatICompletedFromHistory() {
		ResponseEntity<String> assigned = ApiClient.as(rest, "chenjing").sendRaw(HttpMethod.POST,
				"/engine-rest/process-definition/key/AssignedWorkProcess/submit-form",
				"{\"variables\":{\"workTitle\":{\"value\":\"整理考核材料（页面测试）\",\"type\":\"String\"},"
						+ "\"workDescription\":{\"value\":\"说明\",\"type\":\"String\"},"
						+ "\"workAssignee\":{\"value\":\"lina\",\"type\":\"String\"}}}");
		assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.OK);
		WebappSession chenjing = WebappSession.login(rest, "chenjing", "tasklist");
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");

		String started = chenjing.get("/my/work?tab=started").getBody();
		assertThat(started).contains("我发起的", "交办事项", "整理考核材料（页面测试）", "进行中");
		assertThat(lina.get("/my/work?tab=started").getBody()).doesNotContain("整理考核材料（页面测试）");

		Task work = tasks.createTaskQuery().processDefinitionKey("AssignedWorkProcess").taskAssignee("lina")
			.processVariableValueEquals("workTitle", "整理考核材料（页面测试）").singleResult();
		tasks.complete(work.getId(), Map.of("workResult", "已整理完毕"));
		Task confirm = tasks.createTaskQuery().processInstanceId(work.getProcessInstanceId()).taskAssignee("chenjing")
			.singleResult();
		tasks.complete(confirm.getId(), Map.of("workAccepted", "yes"));

		assertThat(lina.get("/my/work").getBody()).contains("办理：整理考核材料（页面测试）", "交办事项");
		assertThat(chenjing.get("/my/work").getBody()).contains("确认办结：李娜 整理考核材料（页面测试）");
		assertThat(chenjing.get("/my/work?tab=started").getBody()).contains("整理考核材料（页面测试）", "已办结");
		assertThat(lina.get("/my/work?page=99").getStatusCode()).isEqualTo(HttpStatus.OK);

		// The three administrators have no work of their own here.
		ResponseEntity<String> admin = WebappSession.login(rest, "admin", "admin").get("/my/work");
		assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(admin.getBody()).contains("此页面供本单位干警使用");
		assertThat(WebappSession.login(rest, "admin", "admin").get("/my/assessments").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldSetASubstituteChosenByNameRefuseWhatTheRulesForbidAndEndItEarly() {
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");

		String page = lina.get("/my/substitute").getBody();
		assertThat(page).contains("代理设置", "value=\"tangliang\"", "唐亮（组织干部科", "type=\"date\"")
			.doesNotContain("value=\"lina\"");
		assertThat(lina.get("/my/substitute/people?q=黄鑫").getBody()).contains("value=\"huangxin\"", "黄鑫（")
			.doesNotContain("value=\"tangliang\"");

		ResponseEntity<String> self = lina.postForm("/my/substitute",
				form("substitute", "lina", "startsOn", "2026-12-14", "endsOn", "2026-12-18", "reason", "年休假"));
		assertThat(self.getStatusCode().value()).isEqualTo(422);
		assertThat(self.getBody()).contains("不能指定本人为代理人", "id=\"substitute-error\"", "value=\"年休假\"",
				"value=\"2026-12-14\"");
		ResponseEntity<String> backwards = lina.postForm("/my/substitute",
				form("substitute", "tangliang", "startsOn", "2026-12-18", "endsOn", "2026-12-14", "reason", "年休假"));
		assertThat(backwards.getStatusCode().value()).isEqualTo(422);
		assertThat(backwards.getBody()).contains("代理期间无效", "id=\"period-error\"", "value=\"年休假\"");
		ResponseEntity<String> nobody = lina.postForm("/my/substitute",
				form("startsOn", "2026-12-14", "endsOn", "2026-12-18", "reason", "年休假"));
		assertThat(nobody.getBody()).contains("请选择代理人", "value=\"年休假\"");
		assertThat(delegations("lina")).isZero();

		ResponseEntity<String> saved = lina.postForm("/my/substitute",
				form("substitute", "tangliang", "startsOn", "2026-12-14", "endsOn", "2026-12-18", "reason", "年休假"));
		assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		page = lina.get("/my/substitute").getBody();
		assertThat(page).contains("已设置代理", "2026-12-14 至 2026-12-18", "待生效", "年休假", "提前结束");
		assertThat(ApiClient.as(rest, "lina").getList("/api/delegations").getBody()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("substitute", "tangliang").containsEntry("startsOn", "2026-12-14"));

		ResponseEntity<String> overlap = lina.postForm("/my/substitute",
				form("substitute", "xiezhenhua", "startsOn", "2026-12-16", "endsOn", "2026-12-20", "reason", "出差"));
		assertThat(overlap.getStatusCode().value()).isEqualTo(422);
		assertThat(overlap.getBody()).contains("李娜 在该期间已有代理安排", "value=\"出差\"");

		// One from today: the home cards of both show it; the substitute sees it listed and cannot end it.
		assertThat(lina.postForm("/my/substitute", form("substitute", "xiezhenhua", "startsOn", "2026-12-07", "endsOn",
				"2026-12-09", "reason", "培训")).getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(lina.get("/my/substitute").getBody()).contains("已设置代理：由 谢振华 代理");
		assertThat(lina.get("/").getBody()).contains("您外出期间由 谢振华 代理，至 2026-12-09");
		WebappSession xiezhenhua = WebappSession.login(rest, "xiezhenhua", "tasklist");
		assertThat(xiezhenhua.get("/").getBody()).contains("您正在代理 李娜 的工作，至 2026-12-09");
		String theirs = xiezhenhua.get("/my/substitute").getBody();
		assertThat(theirs).contains("李娜", "培训", "生效中").doesNotContain("提前结束");
		Long id = jdbc.queryForObject("select id from zr_delegation where owner_username = 'lina' and substitute = 'xiezhenhua'",
				Long.class);
		ResponseEntity<String> notTheirs = xiezhenhua.postForm("/my/substitute/" + id + "/end", form());
		assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<String> ended = lina.postForm("/my/substitute/" + id + "/end", form());
		assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(lina.get("/my/substitute").getBody()).contains("已提前结束", "代理已结束");
		assertThat(jdbc.queryForObject("select count(*) from zr_delegation where id = ? and ended_at is not null",
				Integer.class, id)).isOne();
		assertThat(lina.get("/").getBody()).doesNotContain("您外出期间由");

		ResponseEntity<String> admin = WebappSession.login(rest, "admin", "admin").get("/my/substitute");
		assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private int objections(String by) {
		return jdbc.queryForObject("select count(*) from zr_asmt_objection o join zr_assessment a on a.id = o.assessment_id"
				+ " where o.filed_by = ? and a.asmt_year = ?", Integer.class, by, YEAR);
	}

	private int delegations(String owner) {
		return jdbc.queryForObject("select count(*) from zr_delegation where owner_username = ?", Integer.class, owner);
	}

	private static MultiValueMap<String, String> form(String... pairs) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.add(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

}
