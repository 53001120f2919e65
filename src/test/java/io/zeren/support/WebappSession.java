package io.zeren.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A logged-in session of a Camunda webapp (Tasklist, Cockpit, Admin), made the way the login page makes it:
 * fetch the page for the session and CSRF cookies, post the login form, then call the webapp's API
 * ({@code /camunda/api/engine/engine/default/...}) with the session cookie and the CSRF header.
 */
public final class WebappSession {

	private final TestRestTemplate rest;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf = "";

	private ResponseEntity<String> login;

	private WebappSession(TestRestTemplate rest) {
		this.rest = rest;
	}

	public static WebappSession login(TestRestTemplate rest, String username, String app) {
		WebappSession session = new WebappSession(rest);
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
		session.remember(page.getHeaders());
		HttpHeaders headers = session.headers();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", username);
		form.add("password", ApiClient.password(username));
		session.login = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
				new HttpEntity<>(form, headers), String.class);
		session.remember(session.login.getHeaders());
		return session;
	}

	/** The answer to the login itself. */
	public ResponseEntity<String> response() {
		return login;
	}

	public ResponseEntity<String> get(String path) {
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
	}

	/** A JSON request to the webapp's API with the session and CSRF headers. */
	public ResponseEntity<String> sendJson(HttpMethod method, String path, String json) {
		HttpHeaders headers = headers();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
	}

	private void remember(HttpHeaders answer) {
		List<String> setCookies = answer.getOrEmpty(HttpHeaders.SET_COOKIE);
		for (String cookie : setCookies) {
			String pair = cookie.split(";", 2)[0];
			int equals = pair.indexOf('=');
			if (equals > 0) {
				cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		String token = answer.getFirst("X-XSRF-TOKEN");
		if (token != null) {
			csrf = token;
		}
		else if (cookies.containsKey("XSRF-TOKEN")) {
			csrf = cookies.get("XSRF-TOKEN");
		}
	}

	private HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		cookies.forEach((name, value) -> headers.add(HttpHeaders.COOKIE, name + "=" + value));
		headers.set("X-XSRF-TOKEN", csrf);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return headers;
	}

}
