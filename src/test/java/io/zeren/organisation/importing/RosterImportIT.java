package io.zeren.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.support.ApiClient;

/** An admin imports rosters over REST into the seeded demo agency. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zeren.organisation.import.max-rows=" + RosterImportIT.MAX_ROWS)
class RosterImportIT {

	static final int MAX_ROWS = 500;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldCreateThenReportEverythingUnchangedOnReimport() throws IOException {
		byte[] workbook = RosterImportReadTests.workbook(
				new String[][] { { "单位编码", "单位名称", "类型", "上级单位编码" }, { "IMP", "信息中心", "部门", "AG" },
						{ "IMP-1", "网络科", "科室", "IMP" } },
				new String[][] { { "用户名", "姓名", "单位编码", "人员类别", "职务角色", "邮箱" },
						{ "imp.head", "胡信", "IMP", "领导干部", "负责人", "imp.head@zeren.example" },
						{ "imp.net", "易网", "IMP-1", "专业技术人员", "负责人", "imp.net@zeren.example" },
						{ "imp.ops", "欧运", "IMP-1", "普通职工", "成员", "imp.ops@zeren.example" } });
		ApiClient admin = ApiClient.as(rest, "admin");

		ResponseEntity<Map<String, Object>> first = admin.upload("/api/organisation/import", Map.of("roster.xlsx", workbook));

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody()).containsEntry("applied", true).containsEntry("created", 5).containsEntry("rejected", 0);
		assertThat(directory.supervisorChain("imp.ops")).extracting(StaffInfo::username)
			.containsExactly("imp.net", "imp.head", "wangjianguo");
		assertThat(identity.createGroupQuery().groupMember("imp.net").groupId("head-imp-1").count()).isOne();
		assertThat(identity.checkPassword("imp.ops", ApiClient.DEMO_PASSWORD)).isTrue();

		Map<String, Object> versions = jdbc.queryForMap(
				"select sum(version_no) as v, max(updated_at) as t from zr_staff where username like 'imp.%'");
		ResponseEntity<Map<String, Object>> again = admin.upload("/api/organisation/import", Map.of("roster.xlsx", workbook));

		assertThat(again.getBody()).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 5);
		assertThat(jdbc.queryForMap(
				"select sum(version_no) as v, max(updated_at) as t from zr_staff where username like 'imp.%'"))
			.isEqualTo(versions);
		assertThat(admin.getList("/api/organisation/imports").getBody()).first()
			.satisfies(run -> assertThat(run).containsEntry("unchanged", 5).containsEntry("importedBy", "admin"));
	}

	@Test
	void shouldRejectOnlyTheOffendingRowsAndSayWhy() {
		String units = """
				单位编码,单位名称,类型,上级单位编码
				BAD-A,甲,部门,BAD-B
				BAD-B,乙,科室,BAD-A
				GOOD,审计处,部门,AG
				ORPHAN,孤儿科,科室,NOWHERE
				""";
		String staff = """
				用户名,姓名,单位编码,人员类别,职务角色,邮箱
				good.one,顾一,GOOD,领导干部,负责人,good.one@zeren.example
				good.two,顾二,GOOD,领导干部,负责人,good.two@zeren.example
				good.three,顾三,GOOD,非领导干部,成员,good.three@zeren.example
				chenjing,陈静,POL-EDU,领导干部,,chenjing@zeren.example
				lost,路思,BAD-A,普通职工,成员,lost@zeren.example
				bademail,白,GOOD,普通职工,成员,not-an-address
				""";
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("units.csv", units.getBytes(StandardCharsets.UTF_8));
		files.put("staff.csv", staff.getBytes(StandardCharsets.UTF_8));

		Map<String, Object> report = ApiClient.as(rest, "admin").upload("/api/organisation/import", files).getBody();

		assertThat(report).containsEntry("applied", true).containsEntry("created", 2).containsEntry("rejected", 8);
		Map<String, String> reasons = reasonsByKey(report);
		assertThat(reasons.get("BAD-A")).contains("循环");
		assertThat(reasons.get("BAD-B")).contains("循环");
		assertThat(reasons.get("ORPHAN")).contains("NOWHERE").contains("不存在");
		assertThat(reasons.get("good.one")).contains("两名负责人");
		assertThat(reasons.get("good.two")).contains("两名负责人");
		assertThat(reasons.get("chenjing")).contains("不是该单位的成员");
		assertThat(reasons.get("lost")).contains("BAD-A");
		assertThat(reasons.get("bademail")).contains("not-an-address");
		assertThat(directory.unit("GOOD").headUsername()).isNull();
		assertThat(directory.staff("good.three").unitCode()).isEqualTo("GOOD");
		assertThat(directory.staff("chenjing").unitCode()).isEqualTo("POL-ORG");
	}

	@Test
	void shouldWriteNothingWhenAtomicOrDryRun() {
		String units = """
				code,name,kind,parentCode
				ATOM,原子处,department,AG
				ATOM-X,坏科,section,ATOM-Y
				""";
		Map<String, byte[]> files = Map.of("units.csv", units.getBytes(StandardCharsets.UTF_8));
		ApiClient admin = ApiClient.as(rest, "admin").inEnglish();

		Map<String, Object> atomic = admin.upload("/api/organisation/import?atomic=true", files).getBody();
		assertThat(atomic).containsEntry("applied", false).containsEntry("created", 1).containsEntry("rejected", 1);
		assertThat(reasonsByKey(atomic).get("ATOM-X")).contains("Parent unit ATOM-Y of unit ATOM-X does not exist");

		String valid = "code,name,kind,parentCode\nATOM,原子处,department,AG\n";
		Map<String, Object> dryRun = admin
			.upload("/api/organisation/import?dryRun=true", Map.of("u.csv", valid.getBytes(StandardCharsets.UTF_8)))
			.getBody();
		assertThat(dryRun).containsEntry("applied", false).containsEntry("dryRun", true).containsEntry("created", 1);

		assertThat(jdbc.queryForObject("select count(*) from zr_unit where code like 'ATOM%'", Integer.class)).isZero();
	}

	@Test
	void shouldRefuseAMalformedUploadWholeWithTheReason() {
		long staffBefore = count("zr_staff");
		String staff = """
				用户名,姓名,单位编码,人员类别,邮箱
				whole.one,全一,OFF,普通职工,whole.one@zeren.example
				""";
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("staff.csv", staff.getBytes(StandardCharsets.UTF_8));
		files.put("notes.csv", "备注,日期\n随便,今天\n".getBytes(StandardCharsets.UTF_8));
		ApiClient admin = ApiClient.as(rest, "admin");

		ResponseEntity<Map<String, Object>> refused = admin.upload("/api/organisation/import", files);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("detail").toString()).contains("notes.csv").contains("无法识别");
		assertThat(count("zr_staff")).isEqualTo(staffBefore);

		ResponseEntity<Map<String, Object>> binary = admin.upload("/api/organisation/import",
				Map.of("photo.csv", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 1 }));
		assertThat(binary.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(admin.upload("/api/organisation/import", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(count("zr_staff")).isEqualTo(staffBefore);
	}

	@Test
	void shouldRefuseAWorkbookAboveTheRowCapAndAZipBombWholeWithAChineseSentence() throws IOException {
		long staffBefore = count("zr_staff");
		long usersBefore = identity.createUserQuery().count();
		ApiClient admin = ApiClient.as(rest, "admin");

		ResponseEntity<Map<String, Object>> tooLong = admin.upload("/api/organisation/import",
				Map.of("roster.xlsx", RosterImportReadTests.staffWorkbook(MAX_ROWS + 1)));

		assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tooLong.getBody().get("detail").toString()).contains("roster.xlsx").contains("超过 500 行的上限")
			.contains("未导入任何数据");

		byte[] bomb = RosterImportReadTests.zipBomb(RosterImportReadTests
			.workbook(new String[][] { { "单位编码", "单位名称", "类型" }, { "ZB", "炸弹", "部门" } }, null), 64 * 1024 * 1024);
		ResponseEntity<Map<String, Object>> bombed = admin.upload("/api/organisation/import", Map.of("bomb.xlsx", bomb));

		assertThat(bombed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bombed.getBody().get("detail").toString()).contains("bomb.xlsx").contains("解压后的体积异常")
			.doesNotContain("ZipSecureFile");
		assertThat(count("zr_staff")).isEqualTo(staffBefore);
		assertThat(identity.createUserQuery().count()).isEqualTo(usersBefore);
	}

	@Test
	void shouldOfferATemplateAndKeepImportsForAdminsOnly() throws IOException {
		ResponseEntity<byte[]> template = rest.withBasicAuth("admin", ApiClient.ADMIN_PASSWORD)
			.getForEntity("/api/organisation/import/template", byte[].class);
		assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(template.getBody()))) {
			assertThat(workbook.getSheet("人员").getRow(0).getCell(0).getStringCellValue()).isEqualTo("用户名*");
			assertThat(workbook.getSheet("单位")).isNotNull();
			assertThat(workbook.getSheet("职能")).isNotNull();
		}

		ResponseEntity<Map<String, Object>> byStaff = ApiClient.as(rest, "chenjing")
			.upload("/api/organisation/import", Map.of("u.csv", "code,name,kind\nX,x,section\n".getBytes()));
		assertThat(byStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> reasonsByKey(Map<String, Object> report) {
		Map<String, String> reasons = new LinkedHashMap<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) report.get("rows")) {
			if ("REJECTED".equals(row.get("outcome"))) {
				reasons.put((String) row.get("key"), String.join(" | ", (List<String>) row.get("messages")));
			}
		}
		return reasons;
	}

}
