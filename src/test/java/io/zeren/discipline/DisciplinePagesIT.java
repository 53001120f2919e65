package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
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
 * The discipline office's pages: zhaolei registers a letter about huangxin with the intake form (the subject chosen
 * from the server's list by name), a refused form keeps what was typed, the register and the file show the lead;
 * staff, unit heads and the system administrator get the refusal page on every discipline page with nothing of the
 * lead in it; every page view is in the discipline audit trail with the real reader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisciplinePagesIT {

	/** Unique per run: the PostgreSQL profile keeps its database between runs. */
	static final long RUN = System.currentTimeMillis() % 1_000_000;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	final List<String> numbers = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		for (String number : numbers) {
			runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(number)
				.list()
				.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true));
		}
	}

	@Test
	void shouldRegisterALetterOnThePageAndShowNothingOfItToAnyoneElse() {
		String title = "来信反映黄鑫违规接受宴请（页面 " + RUN + "）";
		WebappSession zhaolei = WebappSession.login(rest, "zhaolei", "tasklist");

		// The intake form: every source entered by hand, in Chinese; the subject is found by name.
		ResponseEntity<String> form = zhaolei.get("/discipline/leads/new");
		assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(form.getBody()).contains("登记问题线索", "信访来信", "信访来访", "审计发现", "本人主动说明")
			.doesNotContain(">LETTER_REPORT<", "RECTIFICATION_FAILED", "系统登记");
		ResponseEntity<String> found = zhaolei.get("/discipline/leads/people?subjectQuery=黄鑫");
		assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(found.getBody()).contains("value=\"huangxin\"", "黄鑫（一大队 · 民警）");

		// Refused: the sentences next to their fields, what was typed kept, nothing stored.
		MultiValueMap<String, String> fields = letter(title);
		fields.set("title", "");
		fields.set("summary", "");
		ResponseEntity<String> refused = zhaolei.postForm("/discipline/leads", fields);
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody()).contains("请填写线索标题", "请填写反映的主要问题", "is-invalid", "value=\"王某某\"",
				"value=\"13900000000\"", "value=\"2020-01-05\"")
			.containsPattern("value=\"huangxin\"\\s+selected")
			.containsPattern("value=\"LETTER\"\\s+selected");
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_lead where summary like ?", Integer.class,
				"%页面 " + RUN + "%")).isZero();

		// Registered: the file opens with a sentence on top.
		ResponseEntity<String> registered = zhaolei.postForm("/discipline/leads", letter(title));
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		URI location = registered.getHeaders().getLocation();
		assertThat(location.getPath()).matches("/discipline/leads/\\d+");
		long id = Long.parseLong(location.getPath().substring("/discipline/leads/".length()));
		assertThat(jdbc.queryForMap("select source, subject_username, unit_code, informant_name, informant_username "
				+ "from zr_dis_lead where id = ?", id)).containsValues("LETTER", "huangxin", "OPS-1", "王某某");
		String number = jdbc.queryForObject("select lead_number from zr_dis_lead where id = ?", String.class, id);
		numbers.add(number);

		ResponseEntity<String> file = zhaolei.get("/discipline/leads/" + id);
		assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(file.getBody()).contains(title, number, "黄鑫", "一大队", "信访来信", "王某某", "待处置", "补充线索材料")
			.doesNotContain("LETTER", "REGISTERED", ">huangxin<");

		ResponseEntity<String> register = zhaolei.get("/discipline/leads");
		assertThat(register.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(register.getBody()).contains(number, title, "黄鑫", "信访来信", "待处置", "尚未处置");

		// New information: a blank text is refused on the page, a text is added to the file.
		ResponseEntity<String> blank = zhaolei.postForm("/discipline/leads/" + id + "/information",
				form("text", "  "));
		assertThat(blank.getStatusCode().value()).isEqualTo(422);
		assertThat(blank.getBody()).contains("请填写新的线索材料");
		ResponseEntity<String> added = zhaolei.postForm("/discipline/leads/" + id + "/information",
				form("text", "又收到同一事项的第二封来信 " + RUN));
		assertThat(added.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(zhaolei.get("/discipline/leads/" + id).getBody()).contains("又收到同一事项的第二封来信 " + RUN);

		for (String page : List.of("/discipline/cases", "/discipline/sanctions", "/discipline/accountability")) {
			ResponseEntity<String> answer = zhaolei.get(page);
			assertThat(answer.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
			assertThat(answer.getBody()).as(page).doesNotContain(">null<");
		}
		assertThat(zhaolei.get("/discipline/audit").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(zhaolei.get("/discipline/audit?actor=zhaolei&action=PAGE_VIEWED").getBody())
			.contains("赵磊（zhaolei）", "查看页面", "/discipline/leads/" + id);

		// Everyone else: the refusal page on every discipline page, nothing of the lead in it.
		List<String> pages = List.of("/discipline/leads", "/discipline/leads?year=2020", "/discipline/leads/new",
				"/discipline/leads/" + id, "/discipline/leads/people?subjectQuery=黄", "/discipline/cases",
				"/discipline/sanctions", "/discipline/accountability", "/discipline/audit");
		for (String outsider : List.of("lina", "zhengyang", "chenjing", "admin")) {
			WebappSession session = WebappSession.login(rest, outsider, "admin".equals(outsider) ? "cockpit" : "tasklist");
			for (String page : pages) {
				ResponseEntity<String> answer = session.get(page);
				assertThat(answer.getStatusCode()).as(outsider + " " + page).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(answer.getBody()).as(outsider + " " + page).contains("page-refusal")
					.doesNotContain("黄鑫", title, number, "王某某");
			}
			ResponseEntity<String> post = session.postForm("/discipline/leads", letter("冒名登记 " + RUN));
			assertThat(post.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
			ResponseEntity<String> info = session.postForm("/discipline/leads/" + id + "/information",
					form("text", "外人补充 " + RUN));
			assertThat(info.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(jdbc.queryForObject("select count(*) from zr_dis_audit where actor = ? and action in "
					+ "('READ_DENIED', 'LEAD_REGISTER_DENIED')", Integer.class, outsider)).as(outsider)
				.isGreaterThanOrEqualTo(pages.size());
			assertThat(jdbc.queryForObject("select count(*) from zr_dis_audit where actor = ? and action = 'PAGE_VIEWED'",
					Integer.class, outsider)).as(outsider).isZero();
		}
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_lead where title like ?", Integer.class,
				"冒名登记 " + RUN)).isZero();
		assertThat(zhaolei.get("/discipline/leads/" + id).getBody()).doesNotContain("外人补充");

		// The subject sees nothing of the lead on his home page.
		ResponseEntity<String> home = WebappSession.login(rest, "huangxin", "tasklist").get("/");
		assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(home.getBody()).doesNotContain(title, number);

		// Every page zhaolei viewed is on the trail with him as the reader.
		for (String ref : List.of("/discipline/leads/new", "/discipline/leads", "/discipline/leads/" + id,
				"/discipline/cases", "/discipline/sanctions", "/discipline/accountability", "/discipline/audit")) {
			assertThat(jdbc.queryForObject("select count(*) from zr_dis_audit where actor = 'zhaolei' "
					+ "and action = 'PAGE_VIEWED' and ref = ?", Integer.class, ref)).as(ref).isPositive();
		}
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_audit where actor = 'zhaolei' "
				+ "and action = 'LEAD_VIEWED' and lead_id = ?", Integer.class, id)).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from zr_dis_audit where actor = 'zhaolei' "
				+ "and action = 'LEAD_REGISTERED' and lead_id = ?", Integer.class, id)).isOne();
	}

	@Test
	void shouldShowASanctionInForceOnlyToThePersonItIsAddressedTo() {
		long id = -(RUN + 7);
		String caseNumber = "测试案〔" + RUN + "〕号";
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		Instant start = Instant.now().minus(Duration.ofDays(10));
		Instant end = start.plus(Duration.ofDays(365));
		try {
			jdbc.update("insert into zr_dis_case (id, case_number, lead_id, subject, status, created_at, ext_requested, "
					+ "send_backs, version_no) values (?, ?, ?, 'yuanmeng', 'ARCHIVED', ?, 'N', 0, 0)", id, caseNumber, id,
					Timestamp.from(start));
			jdbc.update("insert into zr_dis_sanction (id, case_id, lead_id, username, kind, category, starts_at, ends_at, "
					+ "status, created_at, version_no) values (?, ?, ?, 'yuanmeng', 'DEMERIT', 'ADMINISTRATIVE', ?, ?, "
					+ "'IN_FORCE', ?, 0)", id, id, id, Timestamp.from(start), Timestamp.from(end), Timestamp.from(start));

			ResponseEntity<String> mine = WebappSession.login(rest, "yuanmeng", "tasklist").get("/");
			assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(mine.getBody()).contains("card-discipline-decisions", "处分/处理决定", "记过",
					DateTimeFormatter.ISO_LOCAL_DATE.format(start.atZone(zone)),
					DateTimeFormatter.ISO_LOCAL_DATE.format(end.atZone(zone)))
				.doesNotContain(caseNumber);
			for (String other : List.of("lina", "zhaolei")) {
				assertThat(WebappSession.login(rest, other, "tasklist").get("/").getBody()).as(other)
					.doesNotContain("card-discipline-decisions", "袁梦", caseNumber);
			}
		}
		finally {
			jdbc.update("delete from zr_dis_sanction where id = ?", id);
			jdbc.update("delete from zr_dis_case where id = ?", id);
		}
	}

	private static MultiValueMap<String, String> letter(String title) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("source", "LETTER");
		fields.add("sourceRef", "");
		fields.add("subjectQuery", "黄鑫");
		fields.add("subject", "huangxin");
		fields.add("receivedOn", "2020-01-05");
		fields.add("title", title);
		fields.add("summary", "来信反映黄鑫在春节期间接受管理服务对象宴请（页面 " + RUN + "）");
		fields.add("informantName", "王某某");
		fields.add("informantContact", "13900000000");
		fields.add("informantQuery", "");
		fields.add("informantUsername", "");
		return fields;
	}

	private static MultiValueMap<String, String> form(String name, String value) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add(name, value);
		return fields;
	}

}
