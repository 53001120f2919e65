package io.zeren.support;

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

/**
 * A file form of a workbench page sent as the browser sends it: multipart, with the session cookie of a
 * {@link WebappSession} and the CSRF token of the page the form is on.
 */
public final class PageUploads {

	private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

	private PageUploads() {
	}

	/**
	 * Posts {@code files} (as the field {@code file}) and {@code fields} to {@code action}, with the token of the page
	 * at {@code formPage}.
	 */
	public static ResponseEntity<String> post(TestRestTemplate rest, WebappSession session, String formPage,
			String action, Map<String, byte[]> files, Map<String, String> fields) {
		String token = token(session.get(formPage).getBody());
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session.cookie("JSESSIONID"));
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.TEXT_HTML));
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		files.forEach((name, content) -> parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		}));
		fields.forEach(parts::add);
		parts.add("_csrf", token);
		return rest.withRedirects(Redirects.DONT_FOLLOW)
			.exchange(action, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
	}

	static String token(String html) {
		Matcher matcher = FORM_CSRF.matcher(html == null ? "" : html);
		return matcher.find() ? matcher.group(1) : "";
	}

}
