package io.zeren.shared;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A user-facing message as a key into {@code messages*.properties} plus its arguments. Domain code
 * produces these; the edge (REST, mail, reports) renders them in the reader's language, Chinese by default.
 */
public record Msg(String code, Object... args) {

	public String render(MessageSource messages, Locale locale) {
		return messages.getMessage(code, args, code + Arrays.toString(args), locale);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Msg msg && code.equals(msg.code) && Arrays.equals(args, msg.args);
	}

	@Override
	public int hashCode() {
		return 31 * code.hashCode() + Arrays.hashCode(args);
	}

	@Override
	public String toString() {
		return code + Arrays.toString(args);
	}

}
