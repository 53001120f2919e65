package io.zeren.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tells the engine's password check where a request comes from (remote address and door) and turns the door's
 * usual 401 into a 429 with a sentence a person can read when {@link LoginThrottle} refused the check: Spring
 * Security's Basic entry point and the webapps' login resource both answer a failed check with a bare 401 and
 * know nothing of the throttle. The webapps' login page shows the {@code message} of the answer.
 * <p>
 * The remote address is the servlet container's: behind a reverse proxy, configure Tomcat's RemoteIpValve
 * ({@code server.forward-headers-strategy=native} with {@code server.tomcat.remoteip.internal-proxies} set to the
 * proxy alone), or every login shares the proxy's address.
 */
class LoginAttemptFilter extends OncePerRequestFilter {

	private final MessageSource messages;

	private final ObjectMapper json;

	LoginAttemptFilter(MessageSource messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LoginAttempt attempt = LoginAttempt.begin(request.getRemoteAddr(),
				request.getMethod() + " " + request.getRequestURI());
		try {
			chain.doFilter(request, new ThrottledResponse(response, attempt, ErrorAnswer.localeOf(request)));
		}
		finally {
			LoginAttempt.end();
		}
	}

	private final class ThrottledResponse extends HttpServletResponseWrapper {

		private final LoginAttempt attempt;

		private final Locale locale;

		/** The throttled answer is written: whatever the door still writes (its own 401 body) is dropped. */
		private boolean answered;

		ThrottledResponse(HttpServletResponse response, LoginAttempt attempt, Locale locale) {
			super(response);
			this.attempt = attempt;
			this.locale = locale;
		}

		// No Basic challenge on a throttled answer: a browser would ask for the password again, which is what must wait.
		// Spring Security's entry point sets it before sending the 401, when the throttle has already answered.
		@Override
		public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
			return answered ? new Discarding() : super.getOutputStream();
		}

		@Override
		public java.io.PrintWriter getWriter() throws IOException {
			return answered ? new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()) : super.getWriter();
		}

		@Override
		public void setContentType(String type) {
			if (!answered) {
				super.setContentType(type);
			}
		}

		@Override
		public void setCharacterEncoding(String charset) {
			if (!answered) {
				super.setCharacterEncoding(charset);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (!answered && !challengeWhileThrottled(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!answered && !challengeWhileThrottled(name)) {
				super.addHeader(name, value);
			}
		}

		private boolean challengeWhileThrottled(String name) {
			return "WWW-Authenticate".equalsIgnoreCase(name) && attempt.throttledFor() != null;
		}

		@Override
		public void sendError(int status) throws IOException {
			if (!refused(status)) {
				super.sendError(status);
			}
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			if (!refused(status)) {
				super.sendError(status, message);
			}
		}

		@Override
		public void setStatus(int status) {
			try {
				if (!refused(status)) {
					super.setStatus(status);
				}
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

		private boolean refused(int status) throws IOException {
			Duration wait = attempt.throttledFor();
			if (answered) {
				return true;
			}
			if (status != HttpStatus.UNAUTHORIZED.value() || wait == null || isCommitted()) {
				return false;
			}
			String sentence = messages.getMessage("login.throttled", new Object[] { LoginThrottle.minutes(wait) },
					locale);
			HttpServletResponse response = (HttpServletResponse) getResponse();
			response.resetBuffer();
			response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
			// The shape of the engine REST's errors, which the webapps' login page reads "message" from.
			ErrorAnswer.write(response, json, HttpStatus.TOO_MANY_REQUESTS.value(), "LoginThrottled", sentence);
			response.flushBuffer();
			answered = true;
			return true;
		}

	}

	/** Swallows what the door writes after the throttled answer. */
	private static final class Discarding extends jakarta.servlet.ServletOutputStream {

		@Override
		public void write(int b) {
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(jakarta.servlet.WriteListener listener) {
		}

	}

}
