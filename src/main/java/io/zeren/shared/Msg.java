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
		return messages.getMessage(code, plain(args), code + Arrays.toString(args), locale);
	}

	/**
	 * Whole numbers as their digits: MessageFormat would print a year or a number that names something with a
	 * thousands separator (2,027年度, 第 999,999 号), which is never how they are written.
	 */
	static Object[] plain(Object[] args) {
		if (args == null) {
			return null;
		}
		Object[] plain = args.clone();
		for (int i = 0; i < plain.length; i++) {
			if (plain[i] instanceof Integer || plain[i] instanceof Long || plain[i] instanceof Short
					|| plain[i] instanceof Byte || plain[i] instanceof java.math.BigInteger) {
				plain[i] = plain[i].toString();
			}
		}
		return plain;
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
