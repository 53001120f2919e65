package io.zeren.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda webapps (Tasklist, Welcome, Admin) are served with Zeren's Simplified Chinese translations and locale configuration
 * (src/main/resources/META-INF/resources/webjars/camunda/app/...), which shadow the webjar's files of the
 * same path; English stays available from the webjar.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappLocalizationIT {

	@Autowired
	TestRestTemplate rest;

	final ObjectMapper json = new ObjectMapper();

	io.zeren.support.WebappSession session;

	@Test
	void shouldServeOurTasklistConfigWithChineseAsDefaultLocale() {
		String config = get("/camunda/app/tasklist/scripts/config.js");

		assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'")
			.contains("认领当前选中的任务");
	}

	@Test
	void shouldServeTheChineseTasklistTranslation() throws Exception {
		JsonNode labels = json.readTree(get("/camunda/app/tasklist/locales/zh.json")).get("labels");

		assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("认领");
		assertThat(labels.get("COMPLETE").asText()).isEqualTo("完成");
		assertThat(labels.get("DUE_DATE").asText()).isEqualTo("截止日期");
		assertThat(labels.get("FOLLOW_UP_DATE").asText()).isEqualTo("跟进日期");
		assertThat(labels.get("PAGE_LOGIN_USERNAME").asText()).isEqualTo("用户名");
		assertThat(labels.get("AUTH_LOGOUT_THANKS").asText()).contains("{{dayContext}}");
	}

	@Test
	void shouldStillServeTheWebjarsEnglishTranslation() throws Exception {
		JsonNode labels = json.readTree(get("/camunda/app/tasklist/locales/en.json")).get("labels");

		assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("Claim");
		assertThat(labels.get("PAGE_LOGIN_USERNAME").asText()).isEqualTo("Username");
	}

	@Test
	void shouldServeTheChineseWelcomePage() throws Exception {
		assertThat(get("/camunda/app/welcome/scripts/config.js")).contains("fallbackLocale: 'zh'");
		JsonNode labels = json.readTree(get("/camunda/app/welcome/locales/zh.json")).get("labels");
		assertThat(labels.get("TASKLIST").asText()).isEqualTo("任务列表");
		assertThat(labels.get("CHANGE_PASSWORD").asText()).isEqualTo("修改密码");
		assertThat(json.readTree(get("/camunda/app/welcome/locales/en.json")).get("labels").get("CHANGE_PASSWORD")
			.asText()).isEqualTo("Change password");
	}

	@Test
	void shouldServeTheChineseAdmin() throws Exception {
		assertThat(get("/camunda/app/admin/scripts/config.js")).contains("fallbackLocale: 'zh'");
		JsonNode labels = json.readTree(get("/camunda/app/admin/locales/zh.json")).get("labels");
		assertThat(labels.get("USERS_LIST_OF_USERS").asText()).isEqualTo("用户列表");
		assertThat(labels.get("GROUP_EDIT_DELETE_CONFIRM").asText()).contains("{{group}}");
	}

	@Test
	void shouldServeTheChineseCockpit() throws Exception {
		String config = get("/camunda/app/cockpit/scripts/config.js");
		assertThat(config).contains("fallbackLocale: 'zh'", "name: '流程监控'");
		JsonNode labels = json.readTree(get("/camunda/app/cockpit/locales/zh.json")).get("labels");
		assertThat(labels.get("ACTIVITY_INSTANCE_TOOLTIP_RUNNING").asText()).isEqualTo("运行中的活动实例");
		assertThat(labels.get("ABORT").asText()).isEqualTo("取消");
	}

	/** The webapps' files are served behind the one login, like the webapps themselves. */
	private String get(String path) {
		if (session == null) {
			session = io.zeren.support.WebappSession.login(rest, "lina", "tasklist");
		}
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.add(org.springframework.http.HttpHeaders.COOKIE, "JSESSIONID=" + session.cookie("JSESSIONID"));
		ResponseEntity<byte[]> response = rest.exchange(path, org.springframework.http.HttpMethod.GET,
				new org.springframework.http.HttpEntity<>(headers), byte[].class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		// The webjar's JSON files start with a byte order mark; ours do not.
		String body = new String(response.getBody(), StandardCharsets.UTF_8);
		return body.startsWith("\uFEFF") ? body.substring(1) : body;
	}

}
