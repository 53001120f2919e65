package io.zeren.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.support.ApiClient;
import io.zeren.support.WebappSession;

/**
 * 我的责任清单 and 平时记实 over HTTP: who sees which list, the evidence form's refusals (type, size, someone else's
 * item, the fields), a recorded file's bytes in the database, and who may download it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagesIT {

	static final int YEAR = 2071;

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

	final Instant started = Instant.now();

	CycleDriver driver;

	long linaList;

	long talkItem;

	long huangxinList;

	@BeforeAll
	void signLinasList() {
		driver = new CycleDriver(tasks, runtime, management, history, directory, jdbc);
		linaList = ListFixture.signedListOfLina(rest, driver, YEAR);
		talkItem = ListFixture.itemOf(driver, linaList, 1);
		huangxinList = ListFixture.listOf(driver, YEAR, "huangxin");
	}

	@AfterAll
	void cleanUp() {
		driver.cleanUp(YEAR, started.minusSeconds(5));
		ClockUtil.reset();
	}

	@Test
	void shouldShowEachPersonTheListsTheyMayRead() {
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");
		ResponseEntity<String> mine = lina.get("/my/lists");
		assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(mine.getBody()).contains("我的责任清单", YEAR + " 年度", "已签署", "/my/lists/" + linaList + "\"")
			.doesNotContain("本单位责任清单", "null", "2,071");

		ResponseEntity<String> list = lina.get("/my/lists/" + linaList);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody()).contains("谈心谈话", "每季度至少一次", "集中政治轮训", "李娜", "组织干部科", "尚未记实",
				"/my/lists/" + linaList + "/items/" + talkItem + "\"")
			.doesNotContain("履行单位主体责任");
		assertThat(lina.get("/my/lists/" + linaList + "/items/" + talkItem).getBody()).contains("evidence-form",
				"enctype=\"multipart/form-data\"", "谈心谈话", "保存记实");

		// Her unit head reads her list (no form: only the owner records); the head also sees the unit's own list.
		WebappSession chenjing = WebappSession.login(rest, "chenjing", "tasklist");
		assertThat(chenjing.get("/my/lists/" + linaList + "/items/" + talkItem).getBody()).contains("谈心谈话", "李娜")
			.contains("只有清单本人可以记录平时记实").doesNotContain("evidence-form");
		assertThat(chenjing.get("/my/lists").getBody()).contains("本单位责任清单", "履行单位主体责任");

		// Someone of another unit, without a role that reads lists, gets the Chinese 403 page.
		WebappSession huangxin = WebappSession.login(rest, "huangxin", "tasklist");
		ResponseEntity<String> refused = huangxin.get("/my/lists/" + linaList);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody()).contains("您无权查看这份责任清单");
		assertThat(huangxin.get("/my/lists/" + linaList + "/items/" + talkItem).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(huangxin.get("/my/lists").getBody()).contains("/my/lists/" + huangxinList + "\"")
			.doesNotContain("/my/lists/" + linaList + "\"");
		assertThat(jdbc.queryForObject("select count(*) from zr_sec_audit where actor = 'huangxin' and target like ?",
				Long.class, "%/my/lists/" + linaList + "%")).isPositive();
	}

	@Test
	void shouldRefuseBadEvidenceWithTheSentencesNextToTheFieldsAndSaveNothing() {
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");
		PageUploads uploads = new PageUploads(rest, lina);
		String page = "/my/lists/" + linaList + "/items/" + talkItem;
		String action = page + "/evidence";
		long before = evidenceCount();

		// A program renamed to .pdf: refused by its first bytes; what was typed stays.
		byte[] program = new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };
		ResponseEntity<String> renamed = uploads.post(page, action,
				fields(YEAR + "-04-20", "HEART_TO_HEART_TALK", "与唐亮谈心，了解思想动态"), Map.of("谈话记录.pdf", program));
		assertThat(renamed.getStatusCode().value()).isEqualTo(422);
		assertThat(renamed.getBody()).contains("文件“谈话记录.pdf”不能上传", "is-invalid", "与唐亮谈心，了解思想动态",
				"value=\"" + YEAR + "-04-20\"", "请重新选择文件");
		assertThat(uploads.post(page, action, fields(YEAR + "-04-20", "HEART_TO_HEART_TALK", "x"),
				Map.of("setup.exe", program)).getBody()).contains("文件“setup.exe”不能上传");

		// Too big.
		byte[] big = Arrays.copyOf(ListFixture.pdf("big"), 10 * 1024 * 1024 + 1);
		ResponseEntity<String> tooBig = uploads.post(page, action, fields(YEAR + "-04-20", "HEART_TO_HEART_TALK", "大文件"),
				Map.of("big.pdf", big));
		assertThat(tooBig.getStatusCode().value()).isEqualTo(422);
		assertThat(tooBig.getBody()).contains("文件“big.pdf”超过 10 MB");

		// The fields: a date outside the year, no kind.
		ResponseEntity<String> fieldsWrong = uploads.post(page, action, fields((YEAR - 1) + "-12-30", "", "去年的谈话"),
				Map.of());
		assertThat(fieldsWrong.getStatusCode().value()).isEqualTo(422);
		assertThat(fieldsWrong.getBody()).contains("请填写记实日期：应在 " + YEAR + " 年度内，且不晚于今天", "请选择记实类型",
				"去年的谈话");

		// Someone else's item: lina may read huangxin's list? No: only its owner records, whoever may read it.
		long huangxinItem = ListFixture.itemOf(driver, huangxinList, 1);
		ResponseEntity<String> notMine = uploads.post(page, "/my/lists/" + huangxinList + "/items/" + huangxinItem
				+ "/evidence", fields(YEAR + "-04-20", "HEART_TO_HEART_TALK", "代记"), Map.of("a.pdf", ListFixture.pdf("a")));
		assertThat(notMine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(notMine.getBody()).contains("只有清单本人可以记录平时记实");
		// An item of another list under her own list's address: not found.
		assertThat(uploads.post(page, "/my/lists/" + linaList + "/items/" + huangxinItem + "/evidence",
				fields(YEAR + "-04-20", "HEART_TO_HEART_TALK", "错项"), Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		assertThat(evidenceCount()).isEqualTo(before);
	}

	@Test
	void shouldStoreTheFilesAndServeThemToThoseWhoMayReadTheList() {
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");
		PageUploads uploads = new PageUploads(rest, lina);
		String page = "/my/lists/" + linaList + "/items/" + talkItem;
		byte[] pdf = ListFixture.pdf("谈话记录");
		byte[] png = new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("谈话记录 4月.pdf", pdf);
		files.put("photo.png", png);

		ResponseEntity<String> saved = uploads.post(page, page + "/evidence",
				fields(YEAR + "-04-20", "HEART_TO_HEART_TALK", "与唐亮谈心"), files);
		assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(String.valueOf(saved.getHeaders().getLocation())).endsWith(page);

		Long evidenceId = jdbc.queryForObject("select max(id) from zr_resp_evidence where list_id = ? and item_id = ?",
				Long.class, linaList, talkItem);
		List<Map<String, Object>> rows = jdbc.queryForList("select id, file_name, content_type, size_bytes, sha256, "
				+ "uploaded_by from zr_evidence_file where evidence_id = ? order by id", evidenceId);
		assertThat(rows).extracting(row -> row.get("file_name") + " " + row.get("content_type") + " " + row.get("uploaded_by"))
			.containsExactly("谈话记录 4月.pdf application/pdf lina", "photo.png image/png lina");
		long pdfId = ((Number) rows.get(0).get("id")).longValue();
		assertThat(((Number) rows.get(0).get("size_bytes")).longValue()).isEqualTo(pdf.length);
		assertThat(rows.get(0).get("sha256")).isEqualTo(EvidenceFiles.sha256(pdf));
		byte[] stored = jdbc.query("select content from zr_evidence_file where id = ?",
				rs -> rs.next() ? rs.getBytes(1) : null, pdfId);
		assertThat(stored).isEqualTo(pdf);

		// The item page lists the record and its files; the list and the home card count it.
		String itemPage = lina.get(page).getBody();
		assertThat(itemPage).contains("已保存记实（附件 2 个）", "与唐亮谈心", "谈话记录 4月.pdf", "photo.png",
				"/my/lists/" + linaList + "/files/" + pdfId);
		assertThat(lina.get("/my/lists/" + linaList).getBody()).contains("已记实 1 / 2 项", "记实 1 条");
		assertThat(lina.get("/").getBody()).contains("card-mylist", YEAR + " 年度", "已记实 1 / 2 项");
		// The REST API shows the files with the record.
		assertThat(ApiClient.as(rest, "lina").getList("/api/lists/" + linaList + "/items/" + talkItem + "/evidence")
			.getBody().toString()).contains("谈话记录 4月.pdf", "photo.png");

		String download = "/my/lists/" + linaList + "/files/" + pdfId;
		ResponseEntity<byte[]> own = uploads.download(download);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).isEqualTo(pdf);
		assertThat(own.getHeaders().getContentType()).hasToString("application/pdf");
		assertThat(own.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(own.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
			.contains("filename*=UTF-8''%E8%B0%88%E8%AF%9D%E8%AE%B0%E5%BD%95%204%E6%9C%88.pdf");

		WebappSession chenjing = WebappSession.login(rest, "chenjing", "tasklist");
		ResponseEntity<byte[]> head = new PageUploads(rest, chenjing).download(download);
		assertThat(head.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(head.getBody()).isEqualTo(pdf);

		WebappSession huangxin = WebappSession.login(rest, "huangxin", "tasklist");
		PageUploads stranger = new PageUploads(rest, huangxin);
		ResponseEntity<byte[]> refused = stranger.download(download);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(new String(refused.getBody(), StandardCharsets.UTF_8)).contains("您无权查看这份责任清单");
		// Nor through a list of his own: the file is not on it.
		assertThat(stranger.download("/my/lists/" + huangxinList + "/files/" + pdfId).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private long evidenceCount() {
		return jdbc.queryForObject("select count(*) from zr_resp_evidence where list_id = ?", Long.class, linaList);
	}

	private static Map<String, String> fields(String occurredOn, String kind, String note) {
		return Map.of("occurredOn", occurredOn, "kind", kind, "note", note);
	}

}
