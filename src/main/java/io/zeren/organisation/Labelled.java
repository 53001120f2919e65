package io.zeren.organisation;

import java.util.Locale;
import java.util.Optional;

/** An enum a roster names either by its Chinese label or by its English constant. */
public interface Labelled {

	String label();

	String name();

	static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String wanted = text.trim();
		for (E value : type.getEnumConstants()) {
			if (value.label().equals(wanted) || value.name().equalsIgnoreCase(wanted.replace('-', '_').replace(' ', '_'))) {
				return Optional.of(value);
			}
		}
		return Optional.empty();
	}

	static <E extends Enum<E> & Labelled> String choices(Class<E> type) {
		StringBuilder text = new StringBuilder();
		for (E value : type.getEnumConstants()) {
			if (!text.isEmpty()) {
				text.append(", ");
			}
			text.append(value.label()).append('/').append(value.name().toLowerCase(Locale.ROOT));
		}
		return text.toString();
	}

}
