package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
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
	void shouldMarkSessionAndCsrfCookiesSecureAndHttpOnly() {
		TestRestTemplate noRedirects = rest.withRedirects(Redirects.DONT_FOLLOW);
		ResponseEntity<String> page = noRedirects.getForEntity("/login", String.class);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(cookie -> headers.add(HttpHeaders.COOKIE, cookie.split(";", 2)[0]));
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
			.matcher(page.getBody());
		assertThat(token.find()).isTrue();
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", "lina");
		form.add("password", ApiClient.DEMO_PASSWORD);
		form.add("_csrf", token.group(1));

		ResponseEntity<String> login = noRedirects.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers),
				String.class);
		HttpHeaders session = new HttpHeaders();
		login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(cookie -> session.add(HttpHeaders.COOKIE, cookie.split(";", 2)[0]));
		ResponseEntity<String> tasklist = noRedirects.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
				new HttpEntity<>(session), String.class);

		assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<String> cookies = new java.util.ArrayList<>();
		cookies.addAll(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
		cookies.addAll(login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
		cookies.addAll(tasklist.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
		assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID"))
			.isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
		assertThat(cookies).filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN"))
			.isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
	}

}
