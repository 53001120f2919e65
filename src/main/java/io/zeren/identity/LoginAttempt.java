package io.zeren.identity;

import java.time.Duration;

/**
 * Where the password check running on this thread comes from: the remote address and the door (method and
 * path), set by {@link LoginAttemptFilter} for the length of one request. The engine's identity provider reads it
 * (it has no request of its own) and leaves the throttle's answer here for the filter to turn into a 429.
 */
final class LoginAttempt {

	/** A password check outside any request (the system's own calls). */
	static final String INTERNAL = "internal";

	private static final ThreadLocal<LoginAttempt> CURRENT = new ThreadLocal<>();

	private final String source;

	private final String door;

	private Duration throttledFor;

	private LoginAttempt(String source, String door) {
		this.source = source;
		this.door = door;
	}

	static LoginAttempt begin(String source, String door) {
		LoginAttempt attempt = new LoginAttempt(source, door);
		CURRENT.set(attempt);
		return attempt;
	}

	static void end() {
		CURRENT.remove();
	}

	static String source() {
		LoginAttempt attempt = CURRENT.get();
		return attempt == null ? INTERNAL : attempt.source;
	}

	static String door() {
		LoginAttempt attempt = CURRENT.get();
		return attempt == null ? INTERNAL : attempt.door;
	}

	/** Called by the throttle when it refused a password check on this thread. */
	static void throttled(Duration wait) {
		LoginAttempt attempt = CURRENT.get();
		if (attempt != null) {
			attempt.throttledFor = wait;
		}
	}

	/** How long the caller of this thread's refused password check must wait, or null when none was throttled. */
	static Duration currentThrottle() {
		LoginAttempt attempt = CURRENT.get();
		return attempt == null ? null : attempt.throttledFor;
	}

	/** How long the refused caller must wait, or null when no password check was refused by the throttle. */
	Duration throttledFor() {
		return throttledFor;
	}

}
