package io.zeren.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.zeren.support.WebappSession;

/**
 * One login for Zeren's pages and the Camunda webapps: Zeren's Chinese login page, the webapps taking its session
 * (no second password), their own login closed, and a logout from either side ending both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneLoginIT {

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldSendAnonymousPagesToTheChineseLoginPageAndAnonymousApiCallsA401() {
		TestRestTemplate browser = rest.withRedirects(Redirects.DONT_FOLLOW);

		ResponseEntity<String> home = browser.getForEntity("/", String.class);
		ResponseEntity<String> tasklist = browser.getForEntity("/camunda/app/tasklist/default/", String.class);
		ResponseEntity<String> webappApi = browser.getForEntity("/camunda/api/engine/engine/default/task", String.class);
		ResponseEntity<String> login = browser.getForEntity("/login", String.class);

		assertThat(home.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(home.getHeaders().getLocation().getPath()).isEqualTo("/login");
		assertThat(tasklist.getHeaders().getLocation().getPath()).isEqualTo("/login");
		assertThat(webappApi.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(webappApi.getBody()).contains("请先登录").doesNotContain("Exception");
		assertThat(login.getBody()).contains("<html lang=\"zh-CN\"", "用户名", "密码", "示范省某某厅", "name=\"_csrf\"");
	}

	@Test
	void shouldOfferTheLoginPageInEnglishWhenChosen() {
		ResponseEntity<String> login = rest.getForEntity("/login?lang=en", String.class);

		assertThat(login.getBody()).contains("Log in", "Password").doesNotContain("用户名");
	}

	@Test
	void shouldLetTheWebappsTakeTheLoginOfZerensPage() {
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");

		ResponseEntity<String> user = lina.get("/camunda/api/admin/auth/user/default");
		ResponseEntity<String> tasks = lina.get("/camunda/api/engine/engine/default/task?assignee=lina");
		ResponseEntity<String> home = lina.get("/");

		assertThat(lina.response().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(user.getBody()).contains("\"userId\":\"lina\"", "tasklist");
		assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(home.getBody()).contains("李娜，您好", "我的待办", "我的责任清单", "任务列表")
			.doesNotContain("系统管理", "线索");
	}

	@Test
	void shouldRefuseAWrongPasswordOnThePageWithOneSentenceAndKeepTheLoginTyped() {
		WebappSession refused = WebappSession.login(rest, "lina", "wrong-password", "tasklist", new HttpHeaders());

		ResponseEntity<String> page = refused.get("/login?error");

		assertThat(refused.response().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(page.getBody()).contains("用户名或密码不正确", "value=\"lina\"").doesNotContain("wrong-password",
				"Bad credentials");
	}

	@Test
	void shouldCloseTheWebappsOwnPasswordForm() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", "lina");
		form.add("password", "zeren-demo");

		ResponseEntity<String> answer = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
				HttpMethod.POST, new HttpEntity<>(form, headers), String.class);

		assertThat(answer.getStatusCode().is4xxClientError()).isTrue();
		assertThat(answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).noneMatch(c -> c.startsWith("JSESSIONID"));
	}

	@Test
	void shouldEndBothWhenTheWebappLogsOut() {
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");

		ResponseEntity<String> logout = lina.send(HttpMethod.POST, "/camunda/api/admin/auth/user/default/logout", null);

		assertThat(logout.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(lina.get("/").getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(lina.get("/camunda/api/engine/engine/default/task").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldEndBothWhenZerensPageLogsOut() {
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");

		ResponseEntity<String> logout = lina.postForm("/logout", new LinkedMultiValueMap<>());

		assertThat(logout.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(logout.getHeaders().getLocation().toString()).endsWith("/login?logout");
		assertThat(lina.get("/camunda/api/engine/engine/default/task").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(lina.get("/").getStatusCode()).isEqualTo(HttpStatus.FOUND);
	}

	@Test
	void shouldNotLogOutOnAPagePostWithoutTheToken() {
		WebappSession lina = WebappSession.login(rest, "lina", "tasklist");
		HttpHeaders noToken = new HttpHeaders();
		noToken.add(HttpHeaders.COOKIE, "JSESSIONID=" + lina.cookie("JSESSIONID"));
		assertThat(lina.get("/").getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<String> forgedPage = rest.withRedirects(Redirects.DONT_FOLLOW)
			.exchange("/logout", HttpMethod.POST, new HttpEntity<>(noToken), String.class);

		assertThat(forgedPage.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(lina.get("/").getStatusCode()).as("after the forged logout").isEqualTo(HttpStatus.OK);
		// (A webapp call without the webapps' token ends the session instead: Camunda's CsrfPreventionFilter.)
	}

}
