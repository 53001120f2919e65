package io.zeren.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.zeren.calendar.EngineClock;
import io.zeren.support.ApiClient;
import io.zeren.support.PageUploads;
import io.zeren.support.WebappSession;

/**
 * The administration pages (三员分立): the system administrator's organisation, roster import, calendar, mail outbox
 * and throttled logins; the audit administrator's security audit trail. Everyone else gets the Chinese 403 page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminPagesIT {

	static final List<String> ADMIN_PAGES = List.of("/admin/organisation", "/admin/organisation?q=李",
			"/admin/organisation/staff/lina", "/admin/organisation/units/POL-ORG", "/admin/roster", "/admin/calendar",
			"/admin/outbox", "/admin/accounts");

	static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldShowEveryAdministrationPageToTheSystemAdministratorOnly() {
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");
		for (String page : ADMIN_PAGES) {
			ResponseEntity<String> answer = admin.get(page);
			assertThat(answer.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
			assertThat(answer.getBody()).as(page).doesNotContain("null", "Exception");
		}
		String organisation = admin.get("/admin/organisation").getBody();
		assertThat(organisation).contains("组织与人员", "政治部", "组织干部科", "负责人：");
		assertThat(admin.get("/admin/organisation?q=李").getBody()).contains("李娜", "/admin/organisation/staff/lina");
		String lina = admin.get("/admin/organisation/staff/lina").getBody();
		assertThat(lina).contains("李娜", "组织干部科", "上级", "陈静", "不逐人记录变更历史");
		assertThat(admin.get("/admin/organisation/units/POL-ORG").getBody()).contains("成员", "李娜", "陈静");
		assertThat(admin.get("/admin/accounts").getBody()).contains("本节点");

		ResponseEntity<String> audit = admin.get("/audit/security");
		assertThat(audit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(audit.getBody()).contains("只有安全审计员可以查看安全审计记录");

		for (String user : List.of("lina", "liuzhiqiang", "auditadmin")) {
			WebappSession other = WebappSession.login(rest, user, "tasklist");
			for (String page : ADMIN_PAGES) {
				ResponseEntity<String> refused = other.get(page);
				assertThat(refused.getStatusCode()).as(user + " " + page).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(refused.getBody()).as(user + " " + page).contains("只有系统管理员可以使用此页面");
			}
			MultiValueMap<String, String> retry = new LinkedMultiValueMap<>();
			assertThat(other.postForm("/admin/outbox/retry-failed", retry).getStatusCode()).as(user)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(WebappSession.login(rest, "lina", "tasklist").get("/audit/security").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldReportARosterDryRunRowByRowWriteNothingAndApplyItAfterwards() {
		String units = """
				单位编码,单位名称,类型,上级单位编码
				ADM-IT,信息化处,部门,AG
				ADM-NET,网络科,科室,ADM-IT
				ADM-BAD,孤儿科,科室,NOWHERE
				""";
		String staff = """
				用户名,姓名,单位编码,人员类别,职务角色,邮箱
				adm.head,何主任,ADM-IT,领导干部,负责人,adm.head@zeren.example
				adm.net,聂工,ADM-NET,专业技术人员,成员,adm.net@zeren.example
				""";
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("units.csv", units.getBytes(StandardCharsets.UTF_8));
		files.put("staff.csv", staff.getBytes(StandardCharsets.UTF_8));
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");

		ResponseEntity<String> dryRun = PageUploads.post(rest, admin, "/admin/roster", "/admin/roster", files,
				Map.of("dryRun", "true"));

		assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(dryRun.getBody()).contains("预演结果", "尚未写入任何数据", "将新增", "将拒绝", "ADM-BAD", "NOWHERE",
				"不存在", "adm.head", "新增 4", "拒绝 1");
		assertThat(count("select count(*) from zr_unit where code like 'ADM-%'")).isZero();
		assertThat(count("select count(*) from zr_staff where username like 'adm.%'")).isZero();
		assertThat(admin.get("/admin/roster").getBody()).contains("units.csv, staff.csv", "预演");

		Matcher token = TOKEN.matcher(dryRun.getBody());
		assertThat(token.find()).isTrue();
		MultiValueMap<String, String> apply = new LinkedMultiValueMap<>();
		apply.add("token", token.group(1));
		ResponseEntity<String> applied = admin.postForm("/admin/roster/apply", apply);

		assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(applied.getBody()).contains("导入结果", "已导入 units.csv, staff.csv", "新增 4", "拒绝 1");
		assertThat(count("select count(*) from zr_unit where code in ('ADM-IT', 'ADM-NET')")).isEqualTo(2);
		assertThat(count("select count(*) from zr_staff where username like 'adm.%'")).isEqualTo(2);
		assertThat(admin.get("/admin/organisation/units/ADM-IT").getBody()).contains("信息化处", "何主任", "网络科");

		ResponseEntity<String> again = admin.postForm("/admin/roster/apply", apply);
		assertThat(again.getStatusCode().value()).as("a dry run is applied once").isEqualTo(422);
		assertThat(again.getBody()).contains("预演的文件已失效");
	}

	@Test
	void shouldRefuseAMalformedRosterWithAChineseSentence() {
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");
		long before = count("select count(*) from zr_staff");

		ResponseEntity<String> broken = PageUploads.post(rest, admin, "/admin/roster", "/admin/roster",
				Map.of("roster.xlsx", "这不是 Excel 文件".getBytes(StandardCharsets.UTF_8)), Map.of());
		assertThat(broken.getStatusCode().value()).isEqualTo(422);
		assertThat(broken.getBody()).contains("is-invalid", "roster.xlsx", "无法").doesNotContain("Exception");

		ResponseEntity<String> unknown = PageUploads.post(rest, admin, "/admin/roster", "/admin/roster",
				Map.of("x.csv", "甲,乙\n1,2\n".getBytes(StandardCharsets.UTF_8)), Map.of("dryRun", "true"));
		assertThat(unknown.getStatusCode().value()).isEqualTo(422);
		assertThat(unknown.getBody()).contains("无法识别 x.csv 是哪张表");

		ResponseEntity<String> none = PageUploads.post(rest, admin, "/admin/roster", "/admin/roster", Map.of(),
				Map.of("dryRun", "true"));
		assertThat(none.getStatusCode().value()).isEqualTo(422);
		assertThat(none.getBody()).contains("请选择要上传的花名册文件");
		assertThat(count("select count(*) from zr_staff")).isEqualTo(before);

		ResponseEntity<String> template = admin.get("/admin/roster/template");
		assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(template.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("zeren-roster-template.xlsx");
	}

	@Test
	void shouldShowMissingYearsAndChangeOneDayWithValidation() {
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");
		int thisYear = EngineClock.now().atZone(ZoneId.of("Asia/Shanghai")).getYear();
		String page = admin.get("/admin/calendar").getBody();
		for (int year : List.of(thisYear, thisYear + 1)) {
			assertThat(page).contains("data-year=\"" + year + "\"");
			String status = String.valueOf(ApiClient.as(rest, "admin").get("/api/calendar/" + year).getBody().get("status"));
			if (status.equals("MISSING")) {
				assertThat(page).contains("以下年份尚未维护节假日");
				assertThat(page.substring(page.indexOf("calendar-missing"))).contains(String.valueOf(year));
			}
			if (status.equals("SAMPLE")) {
				assertThat(admin.get("/admin/calendar?year=" + year).getBody()).contains("示例数据", "已与放假通知核对");
			}
		}
		String missing = admin.get("/admin/calendar?year=2069").getBody();
		assertThat(missing).contains("2069 年", "缺失", "尚未维护");

		ResponseEntity<String> saved = admin.postForm("/admin/calendar/day",
				form("date", "2069-10-01", "kind", "HOLIDAY", "name", "国庆节"));
		assertThat(saved.getStatusCode().is3xxRedirection()).isTrue();
		assertThat(String.valueOf(saved.getHeaders().getLocation())).endsWith("/admin/calendar?year=2069");
		assertThat(admin.get("/admin/calendar?year=2069").getBody()).contains("2069-10-01", "国庆节", "已维护");
		assertThat(jdbc.queryForList("select day_date from zr_holiday where cal_year = 2069", LocalDate.class))
			.containsExactly(LocalDate.parse("2069-10-01"));

		ResponseEntity<String> weekday = admin.postForm("/admin/calendar/day",
				form("date", "2069-10-02", "kind", "WORKDAY", "name", "调休"));
		assertThat(weekday.getStatusCode().value()).isEqualTo(422);
		assertThat(weekday.getBody()).contains("是周一至周五，本来就是工作日", "value=\"2069-10-02\"", "value=\"调休\"",
				"is-invalid");
		ResponseEntity<String> noDate = admin.postForm("/admin/calendar/day", form("date", "", "kind", "HOLIDAY"));
		assertThat(noDate.getStatusCode().value()).isEqualTo(422);
		assertThat(noDate.getBody()).contains("请选择日期");
		assertThat(jdbc.queryForList("select day_date from zr_holiday where cal_year = 2069", LocalDate.class))
			.containsExactly(LocalDate.parse("2069-10-01"));

		assertThat(admin.postForm("/admin/calendar/day", form("date", "2069-10-01", "kind", "NONE"))
			.getStatusCode()
			.is3xxRedirection()).isTrue();
		assertThat(count("select count(*) from zr_holiday where cal_year = 2069")).isZero();

		ResponseEntity<String> imported = PageUploads.post(rest, admin, "/admin/calendar?year=2070",
				"/admin/calendar/2070/import",
				Map.of("2070.csv", "日期,类型,名称\n2070-01-01,放假,元旦\n2070-01-04,调休上班,元旦调休\n"
					.getBytes(StandardCharsets.UTF_8)), Map.of());
		assertThat(imported.getStatusCode().is3xxRedirection()).isTrue();
		assertThat(admin.get("/admin/calendar?year=2070").getBody()).contains("2070-01-01", "元旦", "2070-01-04");
		ResponseEntity<String> badFile = PageUploads.post(rest, admin, "/admin/calendar?year=2070",
				"/admin/calendar/2070/import",
				Map.of("2070.csv", "日期,类型\n2070-13-01,放假\n".getBytes(StandardCharsets.UTF_8)), Map.of());
		assertThat(badFile.getStatusCode().value()).isEqualTo(422);
		assertThat(badFile.getBody()).contains("无法识别");
		assertThat(count("select count(*) from zr_holiday where cal_year = 2070")).isEqualTo(2);
	}

	@Test
	void shouldListFailedMailsFirstAndRetryThem() {
		long id = 990_001L;
		jdbc.update("delete from zr_mail_outbox where id in (?, ?)", id, id + 1);
		Timestamp now = Timestamp.from(Instant.now());
		for (long mail : List.of(id, id + 1)) {
			jdbc.update("""
					insert into zr_mail_outbox (id, dedup_key, template, recipient, address, locale, subject, status,
					    attempts, next_attempt_at, last_error, created_at)
					values (?, ?, 'notice', 'lina', 'lina@zeren.example', 'zh-CN', ?, 'FAILED', 8, ?, '连接被拒绝', ?)
					""", mail, "admin-pages-it-" + mail, "【通知】测试邮件 " + mail, now, now);
		}
		try {
			WebappSession admin = WebappSession.login(rest, "admin", "cockpit");
			String outbox = admin.get("/admin/outbox").getBody();
			assertThat(outbox).contains("发送失败", "【通知】测试邮件 990001", "连接被拒绝", "全部重新发送");

			ResponseEntity<String> retried = admin.postForm("/admin/outbox/" + id + "/retry", form());
			assertThat(retried.getStatusCode().is3xxRedirection()).isTrue();
			assertThat(status(id)).isEqualTo("PENDING");
			assertThat(status(id + 1)).isEqualTo("FAILED");

			ResponseEntity<String> notFailed = admin.postForm("/admin/outbox/" + id + "/retry", form());
			assertThat(notFailed.getStatusCode().value()).isEqualTo(422);

			assertThat(admin.postForm("/admin/outbox/retry-failed", form()).getStatusCode().is3xxRedirection()).isTrue();
			assertThat(status(id + 1)).isEqualTo("PENDING");
			assertThat(admin.get("/admin/outbox?status=PENDING").getBody()).contains("【通知】测试邮件 990002");
		}
		finally {
			jdbc.update("delete from zr_mail_outbox where id in (?, ?)", id, id + 1);
		}
	}

	@Test
	void shouldListAThrottledLoginAndReleaseItOnTheAuditTrail() {
		for (int attempt = 0; attempt < 5; attempt++) {
			WebappSession.login(rest, "huangxin", "wrong-password-1A!", "tasklist", new HttpHeaders());
		}
		assertThat(WebappSession.login(rest, "huangxin", "tasklist").response().getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");
		String page = admin.get("/admin/accounts").getBody();
		assertThat(page).contains("黄鑫", "huangxin", "该账号在该地址", "分钟", "本节点");

		ResponseEntity<String> released = admin.postForm("/admin/accounts/release",
				form("scope", "PAIR", "account", "huangxin", "source", source(page)));
		assertThat(released.getStatusCode().is3xxRedirection()).isTrue();
		assertThat(admin.get("/admin/accounts").getBody()).contains("huangxin 的登录等待已解除")
			.doesNotContain("name=\"account\" value=\"huangxin\"");
		assertThat(WebappSession.login(rest, "huangxin", "tasklist").response().getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> again = admin.postForm("/admin/accounts/release",
				form("scope", "PAIR", "account", "huangxin", "source", "127.0.0.1"));
		assertThat(again.getStatusCode().value()).isEqualTo(422);

		WebappSession auditor = WebappSession.login(rest, "auditadmin", "cockpit");
		ResponseEntity<String> trail = auditor.get("/audit/security?action=LOGIN_RELEASED");
		assertThat(trail.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(trail.getBody()).contains("解除登录等待", "admin", "huangxin");
		assertThat(auditor.get("/audit/security?actor=admin&from=2000-01-01").getBody()).contains("解除登录等待");
		ResponseEntity<String> badDate = auditor.get("/audit/security?from=2026-13-01");
		assertThat(badDate.getStatusCode().value()).isEqualTo(422);
		assertThat(badDate.getBody()).contains("无法识别", "value=\"2026-13-01\"");
		assertThat(auditor.get("/audit/security?action=AUDIT_VIEWED").getBody()).contains("查看审计记录", "auditadmin");
	}

	private static String source(String page) {
		Matcher matcher = Pattern.compile("name=\"source\" value=\"([^\"]+)\"").matcher(page);
		return matcher.find() ? matcher.group(1) : "127.0.0.1";
	}

	private String status(long id) {
		return jdbc.queryForObject("select status from zr_mail_outbox where id = ?", String.class, id);
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private static MultiValueMap<String, String> form(String... pairs) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.add(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

}
