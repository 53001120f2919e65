package io.zeren.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables a mail is rendered from, stored as JSON in parts that fit a portable varchar column (see
 * V3__notification.sql for the sizes).
 */
final class MailModel {

	/** At most 3 bytes per UTF-16 char in UTF-8, so a part fits 4000 bytes. */
	static final int PART_LENGTH = 1000;

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private MailModel() {
	}

	static List<String> toParts(ObjectMapper json, Map<String, Object> model) {
		try {
			return split(json.writeValueAsString(model));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Mail model cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	static Map<String, Object> fromParts(ObjectMapper json, List<String> parts) {
		try {
			return json.readValue(String.join("", parts), MAP);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored mail model is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/** Cuts text into parts of at most {@link #PART_LENGTH} chars, never between the two halves of a surrogate pair. */
	static List<String> split(String text) {
		List<String> parts = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = Math.min(start + PART_LENGTH, text.length());
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			parts.add(text.substring(start, end));
			start = end;
		}
		return parts;
	}

}
