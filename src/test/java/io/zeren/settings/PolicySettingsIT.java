package io.zeren.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.zeren.assessment.AssessmentProperties;
import io.zeren.discipline.SanctionProperties;
import io.zeren.identity.SecurityAudit;
import io.zeren.shared.LivePolicy;
import io.zeren.support.WebappSession;

/** 政策参数: the system administrator changes policy numbers on a page; they apply at once, with validation and audit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicySettingsIT {

	static final String QUOTA = "zeren.assessment.excellent-quota";

	static final String WARNING = "zeren.discipline.sanctions.periods[WARNING]";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	LivePolicy<AssessmentProperties> assessment;

	@Autowired
	LivePolicy<SanctionProperties> sanctions;

	@Autowired
	PolicySettings settings;

	@Autowired
	PolicyOverrides overrides;

	@Autowired
	SecurityAudit audit;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void backToDefaults() {
		jdbc.update("delete from zr_policy_setting");
		overrides.reload();
	}

	@Test
	void shouldShowThePolicyToTheSystemAdministratorOnly() {
		ResponseEntity<String> page = WebappSession.login(rest, "admin", "cockpit").get("/admin/policy");
		ResponseEntity<String> staff = WebappSession.login(rest, "lina", "tasklist").get("/admin/policy");
		ResponseEntity<String> auditor = WebappSession.login(rest, "auditadmin", "admin").get("/admin/policy");

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("优秀等次比例上限", "20%", "处分期：记过", "12 个月", "公示期", "5 个工作日");
		assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(staff.getBody()).contains("政策参数仅由系统管理员维护").doesNotContain("优秀等次比例上限");
		assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldApplyAChangeAtOnceAndRecordWhoMadeIt() {
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");

		ResponseEntity<String> saved = admin.postForm("/admin/policy", form(QUOTA, "0.3"));

		assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(assessment.current().excellentQuota()).isEqualByComparingTo(new BigDecimal("0.3"));
		String page = admin.get("/admin/policy").getBody();
		assertThat(page).contains("已保存：优秀等次比例上限", "30%", "已调整", "修改记录");
		assertThat(settings.history(10)).first()
			.satisfies(change -> {
				assertThat(change.changedBy()).isEqualTo("admin");
				assertThat(change.newValue()).isEqualTo("0.3");
			});
		assertThat(audit.search("admin", PolicySettings.AUDIT_ACTION, Instant.EPOCH, Instant.now().plusSeconds(60),
				PageRequest.of(0, 10)).getContent()).anySatisfy(entry -> assertThat(entry.getTarget()).isEqualTo(QUOTA));

		admin.postForm("/admin/policy/reset", form(QUOTA, null));

		assertThat(assessment.current().excellentQuota()).isEqualByComparingTo(new BigDecimal("0.20"));
	}

	@Test
	void shouldChangeOneSanctionPeriodAndKeepTheOthers() {
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");

		admin.postForm("/admin/policy", form(WARNING, "P9M"));

		assertThat(sanctions.current().periods()).containsEntry("WARNING", "P9M").containsEntry("DEMERIT", "P12M");
	}

	@Test
	void shouldRefuseAnInvalidValueWithASentenceAndKeepWhatWasTyped() {
		WebappSession admin = WebappSession.login(rest, "admin", "cockpit");

		ResponseEntity<String> refused = admin.postForm("/admin/policy", form(QUOTA, "1.5"));
		ResponseEntity<String> badDuration = admin.postForm("/admin/policy",
				form("zeren.assessment.publicity", "five days"));

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody()).contains("未保存「优秀等次比例上限」", "不超过 1 的比例", "value=\"1.5\"")
			.doesNotContain("Exception");
		assertThat(badDuration.getBody()).contains("请填写工作日（如 5WD）", "value=\"five days\"");
		assertThat(assessment.current().excellentQuota()).isEqualByComparingTo(new BigDecimal("0.20"));
		assertThat(assessment.current().publicity()).isEqualTo("5WD");
		assertThat(settings.history(10)).noneMatch(change -> "1.5".equals(change.newValue()));
	}

	@Test
	void shouldPickUpAChangeMadeOnAnotherNode() {
		jdbc.update("insert into zr_policy_setting (setting_key, setting_value, updated_by, updated_at) values (?, ?, ?, ?)",
				"zeren.assessment.publicity", "7WD", "admin", Timestamp.from(Instant.now()));

		overrides.poll();

		assertThat(assessment.current().publicity()).isEqualTo("7WD");
	}

	@Test
	void shouldNotLetStaffChangeThePolicy() {
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");

		ResponseEntity<String> refused = lina.postForm("/admin/policy", form(QUOTA, "0.9"));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(assessment.current().excellentQuota()).isEqualByComparingTo(new BigDecimal("0.20"));
	}

	private static MultiValueMap<String, String> form(String key, String value) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("key", key);
		if (value != null) {
			form.add("value", value);
		}
		return form;
	}

}
