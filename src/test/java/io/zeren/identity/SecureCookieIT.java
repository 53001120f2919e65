package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.zeren.support.ApiClient;

/** Outside the demo (postgres and oracle profiles) session and CSRF cookies are Secure and HttpOnly. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zeren.security.secure-cookies=true")
class SecureCookieIT {

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldMarkWebappCookiesSecureAndHttpOnly() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", "lina");
		form.add("password", ApiClient.DEMO_PASSWORD);

		ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
				HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);

		List<String> cookies = new java.util.ArrayList<>();
		cookies.addAll(login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
		cookies.addAll(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
		assertThat(cookies).isNotEmpty();
		assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID"))
			.isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
		assertThat(cookies).filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN"))
			.allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
	}

}
