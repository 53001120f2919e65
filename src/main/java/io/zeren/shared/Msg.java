package io.zeren.shared;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * A user-facing message as a key into {@code messages*.properties} plus its arguments. Domain code
 * produces these; the edge (REST, mail, reports) renders them in the reader's language, Chinese by default.
 */
public record Msg(String code, Object... args) {

	public String render(MessageSource messages, Locale locale) {
		if (args == null || args.length == 0) {
			return messages.getMessage(code, args, code, locale);
		}
		String pattern = messages.getMessage(code, null, null, locale);
		if (pattern == null) {
			return code + Arrays.toString(args);
		}
		return plain(pattern, resolved(messages, locale), locale);
	}

	/**
	 * The pattern with its arguments; a whole number in a plain placeholder ({0}) as its digits: MessageFormat
	 * would print a year or a number that names something with a thousands separator (2,027年度, 第 999,999 号),
	 * which is never how they are written. A placeholder with its own format ({0,number,...}, {0,choice,...}) keeps it.
	 */
	static String plain(String pattern, Object[] args, Locale locale) {
		MessageFormat format = new MessageFormat(pattern, locale);
		Format[] formats = format.getFormatsByArgumentIndex();
		for (int i = 0; i < formats.length && i < args.length; i++) {
			if (formats[i] == null && (args[i] instanceof Integer || args[i] instanceof Long
					|| args[i] instanceof Short || args[i] instanceof Byte || args[i] instanceof java.math.BigInteger)) {
				NumberFormat digits = NumberFormat.getIntegerInstance(locale);
				digits.setGroupingUsed(false);
				format.setFormatByArgumentIndex(i, digits);
			}
		}
		return format.format(args);
	}

	/** Arguments that are messages themselves rendered first, as Spring's MessageSource does. */
	private Object[] resolved(MessageSource messages, Locale locale) {
		Object[] resolved = args.clone();
		for (int i = 0; i < resolved.length; i++) {
			if (resolved[i] instanceof MessageSourceResolvable resolvable) {
				resolved[i] = messages.getMessage(resolvable, locale);
			}
			else if (resolved[i] instanceof Msg msg) {
				resolved[i] = msg.render(messages, locale);
			}
		}
		return resolved;
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
