package io.zeren.support;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Calls our API and the engine REST API as a given user, the way an HTTP client would. */
public final class ApiClient {

	public static final String DEMO_PASSWORD = "zeren-demo";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

	private final TestRestTemplate rest;

	private final String language;

	private ApiClient(TestRestTemplate rest, String language) {
		this.rest = rest;
		this.language = language;
	}

	/** The admin's password is configuration: the demo's, or what the PostgreSQL run sets. */
	public static final String ADMIN_PASSWORD = System.getenv().getOrDefault("ZEREN_ADMIN_PASSWORD", DEMO_PASSWORD);

	public static ApiClient as(TestRestTemplate rest, String username) {
		return new ApiClient(rest.withBasicAuth(username, password(username)), "zh-CN");
	}

	public static final String SECADMIN_PASSWORD = System.getenv().getOrDefault("ZEREN_SECADMIN_PASSWORD", DEMO_PASSWORD);

	public static final String AUDITADMIN_PASSWORD = System.getenv().getOrDefault("ZEREN_AUDITADMIN_PASSWORD",
			DEMO_PASSWORD);

	public static String password(String username) {
		return switch (username) {
			case "admin" -> ADMIN_PASSWORD;
			case "secadmin" -> SECADMIN_PASSWORD;
			case "auditadmin" -> AUDITADMIN_PASSWORD;
			default -> DEMO_PASSWORD;
		};
	}

	public static ApiClient anonymous(TestRestTemplate rest) {
		return new ApiClient(rest, "zh-CN");
	}

	public ApiClient inEnglish() {
		return new ApiClient(rest, "en");
	}

	public ResponseEntity<Map<String, Object>> get(String path) {
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(MediaType.APPLICATION_JSON)), MAP);
	}

	public ResponseEntity<List<Map<String, Object>>> getList(String path) {
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(MediaType.APPLICATION_JSON)), LIST);
	}

	public ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, Object body) {
		return rest.exchange(path, method, new HttpEntity<>(body, headers(MediaType.APPLICATION_JSON)), MAP);
	}

	public ResponseEntity<String> sendRaw(HttpMethod method, String path, String json) {
		return rest.exchange(path, method, new HttpEntity<>(json, headers(MediaType.APPLICATION_JSON)), String.class);
	}

	/**
	 * Works a task through the engine REST API as this client's user: claims it first when nobody holds it,
	 * then completes it with the variables. Returns the completion's answer (204, or the refusal).
	 */
	public ResponseEntity<String> completeTask(String taskId, String currentAssignee, String user,
			Map<String, Object> variables) {
		if (currentAssignee == null) {
			ResponseEntity<String> claimed = sendRaw(HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
					"{\"userId\":\"" + user + "\"}");
			if (!claimed.getStatusCode().is2xxSuccessful()) {
				return claimed;
			}
		}
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		variables.forEach((name, value) -> values.put(name, Map.of("value", value)));
		try {
			return sendRaw(HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
					JSON.writeValueAsString(Map.of("variables", values)));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Uploads files as the multipart part "file", one part per file. */
	public ResponseEntity<Map<String, Object>> upload(String path, Map<String, byte[]> files) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		files.forEach((name, content) -> parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		}));
		return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers(MediaType.MULTIPART_FORM_DATA)), MAP);
	}

	private HttpHeaders headers(MediaType contentType) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(contentType);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		return headers;
	}

}
