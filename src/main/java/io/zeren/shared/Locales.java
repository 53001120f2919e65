package io.zeren.shared;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/** The reader's language: the request's (Accept-Language) inside a request, else the product default, Chinese. */
public final class Locales {

	public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	private Locales() {
	}

	public static Locale current() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = context == null ? null : context.getLocale();
		return locale == null ? DEFAULT : locale;
	}

}
