package io.zeren.identity;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import io.zeren.shared.AccessRefused;
import io.zeren.shared.Locales;

/**
 * A page form refused by the CSRF check — the page was open too long (the session ended and a new one began), or an
 * upload was larger than the server reads, so its token never arrived — goes back to the page it came from with one
 * Chinese sentence on top, instead of a bare 403. Other refusals on the page chain keep the plain 403.
 */
class PageRefusalHandler implements AccessDeniedHandler {

	static final String FLASH_ERROR = "flashError";

	private final MessageSource messages;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final long maxRequestBytes;

	private final AccessDeniedHandler plain = new AccessDeniedHandlerImpl();

	PageRefusalHandler(MessageSource messages, org.springframework.context.ApplicationEventPublisher events,
			long maxRequestBytes) {
		this.messages = messages;
		this.events = events;
		this.maxRequestBytes = maxRequestBytes;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
			throws IOException, jakarta.servlet.ServletException {
		String back = sameOriginReferer(request);
		if (!(refused instanceof CsrfException) || back == null) {
			plain.handle(request, response, refused);
			return;
		}
		boolean tooLarge = request.getContentType() != null
				&& request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
				&& request.getContentLengthLong() > maxRequestBytes;
		String key = tooLarge ? "page.upload-too-large" : "page.expired";
		events.publishEvent(AccessRefused.of(request, tooLarge ? "upload too large" : "csrf"));
		FlashMap flash = new FlashMap();
		flash.put(FLASH_ERROR, messages.getMessage(key, new Object[] { maxRequestBytes / (1024 * 1024) },
				Locales.current()));
		flash.setTargetRequestPath(back);
		new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
		response.sendRedirect(back);
	}

	/** The page the form was on, when it is this application's (never another site's). */
	private static String sameOriginReferer(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			URI uri = URI.create(referer);
			boolean same = request.getServerName().equalsIgnoreCase(uri.getHost())
					&& request.getServerPort() == (uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80)
							: uri.getPort());
			return same && uri.getRawPath() != null ? uri.getRawPath() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
