package io.zeren.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A logged-in browser session, made the way a person makes it: Zeren's login page (session cookie and the form's
 * CSRF token), the login form posted, then a Camunda webapp (Tasklist, Cockpit, Admin) opened with the same session —
 * no second login — for the webapp's CSRF token. Calls then go to the webapp's API
 * ({@code /camunda/api/engine/engine/default/...}) or Zeren's pages with the session cookie and the CSRF headers.
 */
public final class WebappSession {

	private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

	private final TestRestTemplate rest;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf = "";

	private String pageCsrf = "";

	private ResponseEntity<String> login;

	private WebappSession(TestRestTemplate rest) {
		this.rest = rest.withRedirects(Redirects.DONT_FOLLOW);
	}

	/**
	 * Logs in on Zeren's login page and opens the webapp {@code app}. {@link #response()} then answers like the
	 * webapps' old login resource did: 200 with the user's authentication when the webapp is theirs, 403 when the
	 * login holds but the webapp is not theirs, 401 when the login was refused, 429 when the throttle refused it.
	 */
	public static WebappSession login(TestRestTemplate rest, String username, String app) {
		return login(rest, username, ApiClient.password(username), app, new HttpHeaders());
	}

	public static WebappSession login(TestRestTemplate rest, String username, String password, String app,
			HttpHeaders extra) {
		WebappSession session = new WebappSession(rest);
		ResponseEntity<String> form = session.rest.exchange("/login", HttpMethod.GET,
				new HttpEntity<>(session.headers(extra)), String.class);
		session.remember(form.getHeaders());
		session.pageCsrf = formToken(form.getBody());
		HttpHeaders headers = session.headers(extra);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("username", username);
		fields.add("password", password);
		fields.add("_csrf", session.pageCsrf);
		ResponseEntity<String> posted = session.rest.exchange("/login", HttpMethod.POST,
				new HttpEntity<>(fields, headers), String.class);
		session.remember(posted.getHeaders());
		String location = String.valueOf(posted.getHeaders().getLocation());
		if (!posted.getStatusCode().is3xxRedirection() || location.contains("/login?error")) {
			HttpStatus status = posted.getHeaders().getFirst("Retry-After") != null ? HttpStatus.TOO_MANY_REQUESTS
					: HttpStatus.UNAUTHORIZED;
			session.login = ResponseEntity.status(status).headers(posted.getHeaders()).body(posted.getBody());
			return session;
		}
		// Like the browser after its login: the webapp's page (its CSRF token), then the webapp asks who is logged in.
		session.remember(session.get("/camunda/app/" + app + "/default/").getHeaders());
		ResponseEntity<String> user = session.get("/camunda/api/admin/auth/user/default");
		boolean authorized = user.getStatusCode().is2xxSuccessful() && user.getBody() != null
				&& user.getBody().contains("\"" + app + "\"");
		session.login = ResponseEntity.status(authorized ? HttpStatus.OK : HttpStatus.FORBIDDEN)
			.headers(posted.getHeaders())
			.body(user.getBody());
		return session;
	}

	/** The answer to the login, as described at {@link #login(TestRestTemplate, String, String)}. */
	public ResponseEntity<String> response() {
		return login;
	}

	public ResponseEntity<String> get(String path) {
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(new HttpHeaders())), String.class);
	}

	/** A call with a JSON body (or none), with the session cookie and the CSRF header, as the webapp sends it. */
	public ResponseEntity<String> send(HttpMethod method, String path, String json) {
		HttpHeaders headers = headers(new HttpHeaders());
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
	}

	/** As {@link #send(HttpMethod, String, String)}, asking for the answer as {@code accept} (e.g. HAL). */
	public ResponseEntity<String> send(HttpMethod method, String path, String json, MediaType accept) {
		HttpHeaders headers = headers(new HttpHeaders());
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(java.util.List.of(accept));
		return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
	}

	/** A form posted from one of Zeren's pages (the page's CSRF token added), as the browser posts it. */
	public ResponseEntity<String> postForm(String path, MultiValueMap<String, String> fields) {
		ResponseEntity<String> page = get(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
		String token = formToken(page.getBody());
		if (token.isEmpty()) {
			// No page at that path (an action only): every page of the workbench carries the token in its header.
			token = formToken(get("/").getBody());
		}
		HttpHeaders headers = headers(new HttpHeaders());
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		MultiValueMap<String, String> body = new LinkedMultiValueMap<>(fields);
		body.set("_csrf", token.isEmpty() ? pageCsrf : token);
		return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	/** The session cookie's value (JSESSIONID), for a browser or another client to share the session. */
	public String cookie(String name) {
		return cookies.get(name);
	}

	private static String formToken(String html) {
		if (html == null) {
			return "";
		}
		Matcher matcher = FORM_CSRF.matcher(html);
		return matcher.find() ? matcher.group(1) : "";
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

	private HttpHeaders headers(HttpHeaders extra) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(extra);
		cookies.forEach((name, value) -> headers.add(HttpHeaders.COOKIE, name + "=" + value));
		headers.set("X-XSRF-TOKEN", csrf);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML));
		return headers;
	}

}
