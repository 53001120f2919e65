package io.zeren.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How Zeren's filters in front of the engine answer a refusal: the engine REST's error shape
 * ({@code {"type": ..., "message": ...}}), whose {@code message} the webapps show to the person, in the person's
 * language (Chinese unless the request asks for another).
 */
final class ErrorAnswer {

	private ErrorAnswer() {
	}

	static Locale localeOf(HttpServletRequest request) {
		return request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
	}

	static void write(HttpServletResponse response, ObjectMapper json, int status, String type, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(json.writeValueAsBytes(Map.of("type", type, "message", message)));
	}

}
