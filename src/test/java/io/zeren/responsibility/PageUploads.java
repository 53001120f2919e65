package io.zeren.responsibility;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.zeren.support.WebappSession;

/**
 * What WebappSession does not: a multipart form posted from a page (files and the page's CSRF token), and a download
 * read as bytes, both with the session's cookie.
 */
final class PageUploads {

	private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

	private final TestRestTemplate rest;

	private final WebappSession session;

	PageUploads(TestRestTemplate rest, WebappSession session) {
		this.rest = rest.withRedirects(Redirects.DONT_FOLLOW);
		this.session = session;
	}

	/** Posts {@code fields} and {@code files} (name → bytes) to {@code action}, with the token of page {@code page}. */
	ResponseEntity<String> post(String page, String action, Map<String, String> fields, Map<String, byte[]> files) {
		Matcher token = FORM_CSRF.matcher(String.valueOf(session.get(page).getBody()));
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on " + page);
		}
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("_csrf", token.group(1));
		fields.forEach(body::add);
		files.forEach((name, bytes) -> body.add("files", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return name;
			}
		}));
		HttpHeaders headers = cookies();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.TEXT_HTML));
		return rest.exchange(action, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	ResponseEntity<byte[]> download(String path) {
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(cookies()), byte[].class);
	}

	private HttpHeaders cookies() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session.cookie("JSESSIONID"));
		return headers;
	}

}
