package io.zeren.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Zeren's login throttle, in front of every password check of the engine (Basic logins to /api and /engine-rest,
 * the webapps' login form, /engine-rest/identity/verify: all end in the identity provider's checkPassword, see
 * {@link IdentityEnginePlugin}). It replaces Camunda's lock-out, which locked an account for good after ten wrong
 * passwords from anyone, anonymous strangers included.
 * <ul>
 * <li>One account from one source: after {@code pair-failures} failures within the window, that pair waits
 * {@code pair-lock}, doubling with every further failure up to {@code pair-lock-max}. Nobody else is affected.
 * <li>One source across accounts (guessing many accounts): after {@code source-failures} failures the source
 * waits {@code source-lock} for every account that has not logged in from it before.
 * <li>One account across sources (a spread-out attack): after {@code account-failures} failures the account
 * waits {@code account-lock} (minutes) for every source it has not logged in from before. Its owner at a known
 * workstation still gets in; nothing is ever locked for good and no administrator needs to unlock anything (the
 * system administrator may still end a running wait early: {@link #release}, on the page /admin/accounts).
 * </ul>
 * While a check is refused the password is not even compared (no oracle), the caller is told how long to wait,
 * and the refusal is audited (LOGIN_THROTTLED, at most once a minute per account and source, so that a flood of
 * refused attempts cannot flood the audit trail). Every wrong password is audited as LOGIN_FAILED.
 * <p>
 * The counters are node-local memory (bounded by {@code max-entries} per table): with several nodes behind a load
 * balancer an attacker gets up to one allowance per node, and a restart forgets the counters.
 */
@Component
class LoginThrottle {

	static final String FAILED = "LOGIN_FAILED";

	static final String THROTTLED = "LOGIN_THROTTLED";

	static final String RELEASED = "LOGIN_RELEASED";

	private static final Duration AUDIT_EVERY = Duration.ofMinutes(1);

	private final LoginProperties properties;

	private final SecurityAudit audit;

	private final Clock clock;

	private final Cache<String, Counter> pairs;

	private final Cache<String, Counter> sources;

	private final Cache<String, Counter> accounts;

	/** account + source pairs that logged in successfully: exempt from source and account waits. */
	private final Cache<String, Boolean> known;

	LoginThrottle(LoginProperties properties, SecurityAudit audit, ObjectProvider<Clock> clock) {
		this.properties = properties;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		// Idle entries are dropped in real time once no rule can still need them; rules themselves use the clock.
		Duration keep = Stream.of(properties.window(), properties.pairLockMax(), properties.sourceLock(),
				properties.accountLock())
			.max(Duration::compareTo)
			.orElseThrow()
			.multipliedBy(2);
		this.pairs = Caffeine.newBuilder().maximumSize(properties.maxEntries()).expireAfterAccess(keep).build();
		this.sources = Caffeine.newBuilder().maximumSize(properties.maxEntries()).expireAfterAccess(keep).build();
		this.accounts = Caffeine.newBuilder().maximumSize(properties.maxEntries()).expireAfterAccess(keep).build();
		this.known = Caffeine.newBuilder()
			.maximumSize(properties.maxEntries())
			.expireAfterWrite(properties.knownSource())
			.build();
	}

	/**
	 * Runs {@code passwordMatches} unless the account or source must wait; counts the outcome. A refused check
	 * answers false and leaves the wait in {@link LoginAttempt} for the door to tell the caller.
	 */
	boolean check(String account, BooleanSupplier passwordMatches) {
		String source = LoginAttempt.source();
		String pair = account + '\u0000' + source;
		Instant now = clock.instant();
		Duration wait = waitFor(pair, account, source, now);
		if (wait != null) {
			LoginAttempt.throttled(wait);
			Counter counter = pairs.get(pair, key -> new Counter());
			if (counter.auditDue(now)) {
				audit.refused(null, THROTTLED, account, source,
						LoginAttempt.door() + ": refused without checking the password, wait " + minutes(wait) + " min");
			}
			return false;
		}
		boolean matches = passwordMatches.getAsBoolean();
		if (matches) {
			pairs.invalidate(pair);
			known.put(pair, Boolean.TRUE);
			return true;
		}
		failed(pair, account, source, now);
		return false;
	}

	private Duration waitFor(String pair, String account, String source, Instant now) {
		Duration wait = remaining(pairs.getIfPresent(pair), now);
		if (known.getIfPresent(pair) == null) {
			wait = longer(wait, remaining(sources.getIfPresent(source), now));
			wait = longer(wait, remaining(accounts.getIfPresent(account), now));
		}
		return wait;
	}

	private void failed(String pair, String account, String source, Instant now) {
		audit.record(null, FAILED, SecurityAudit.Outcome.FAILED, account, source, LoginAttempt.door());
		Duration window = properties.window();
		Counter byPair = pairs.get(pair, key -> new Counter());
		int pairFailures = byPair.fail(now, window);
		Duration pairLock = null;
		if (pairFailures >= properties.pairFailures()) {
			int doublings = Math.min(pairFailures - properties.pairFailures(), 30);
			pairLock = properties.pairLock().multipliedBy(1L << doublings);
			if (pairLock.compareTo(properties.pairLockMax()) > 0) {
				pairLock = properties.pairLockMax();
			}
			byPair.lockUntil(now.plus(pairLock));
		}
		Counter bySource = sources.get(source, key -> new Counter());
		boolean sourceLocked = bySource.fail(now, window) == properties.sourceFailures();
		if (sourceLocked) {
			bySource.lockUntil(now.plus(properties.sourceLock()));
		}
		Counter byAccount = accounts.get(account, key -> new Counter());
		boolean accountLocked = byAccount.fail(now, window) == properties.accountFailures();
		if (accountLocked) {
			byAccount.lockUntil(now.plus(properties.accountLock()));
		}
		if (pairLock != null) {
			byPair.audited(now);
			audit.refused(null, THROTTLED, account, source,
					pairFailures + " failures of this account from this source: it waits " + minutes(pairLock) + " min");
		}
		if (sourceLocked) {
			audit.refused(null, THROTTLED, account, source, properties.sourceFailures()
					+ " failures from this source across accounts: it waits " + minutes(properties.sourceLock())
					+ " min for accounts that never logged in from it");
		}
		if (accountLocked) {
			audit.refused(null, THROTTLED, account, source, properties.accountFailures()
					+ " failures of this account from all sources: new sources wait "
					+ minutes(properties.accountLock()) + " min");
		}
	}

	/** What is throttled: one account from one source, one source for every account, one account for new sources. */
	enum Scope {
		PAIR, SOURCE, ACCOUNT
	}

	/** A running wait on this node: who waits, after how many failures, and until when. */
	record Lock(Scope scope, String account, String source, int failures, Duration remaining, Instant until) {

		public long minutes() {
			return LoginThrottle.minutes(remaining);
		}

	}

	/** The waits running now on this node (the counters are node-local), longest first. */
	java.util.List<Lock> locks() {
		Instant now = clock.instant();
		java.util.List<Lock> locks = new java.util.ArrayList<>();
		pairs.asMap().forEach((key, counter) -> {
			int split = key.indexOf('\u0000');
			lockOf(Scope.PAIR, key.substring(0, split), key.substring(split + 1), counter, now).ifPresent(locks::add);
		});
		sources.asMap().forEach((key, counter) -> lockOf(Scope.SOURCE, null, key, counter, now).ifPresent(locks::add));
		accounts.asMap().forEach((key, counter) -> lockOf(Scope.ACCOUNT, key, null, counter, now).ifPresent(locks::add));
		locks.sort(java.util.Comparator.comparing(Lock::remaining).reversed());
		return locks;
	}

	private static java.util.Optional<Lock> lockOf(Scope scope, String account, String source, Counter counter,
			Instant now) {
		Duration wait = counter.lockedFor(now);
		return wait == null ? java.util.Optional.empty()
				: java.util.Optional.of(new Lock(scope, account, source, counter.failures(), wait, now.plus(wait)));
	}

	/**
	 * Ends a wait on this node and forgets its failures (an administrator who knows the person asked); recorded on
	 * the security audit trail. False if there was no such wait (it ended, or it runs on another node).
	 */
	boolean release(Scope scope, String account, String source, String by) {
		Cache<String, Counter> table = switch (scope) {
			case PAIR -> pairs;
			case SOURCE -> sources;
			case ACCOUNT -> accounts;
		};
		String key = switch (scope) {
			case PAIR -> account + '\u0000' + source;
			case SOURCE -> source;
			case ACCOUNT -> account;
		};
		if (key == null) {
			return false;
		}
		Counter counter = table.getIfPresent(key);
		if (counter == null || counter.lockedFor(clock.instant()) == null) {
			return false;
		}
		table.invalidate(key);
		audit.record(by, RELEASED, SecurityAudit.Outcome.ALLOWED, account == null ? source : account, null,
				scope + " wait released by the system administrator after " + counter.failures() + " failures"
						+ (source == null ? "" : ", source " + source));
		return true;
	}

	/** Whole minutes to wait, rounded up: what a person is told. */
	static long minutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

	private static Duration remaining(Counter counter, Instant now) {
		return counter == null ? null : counter.lockedFor(now);
	}

	private static Duration longer(Duration a, Duration b) {
		if (a == null) {
			return b;
		}
		return b == null || a.compareTo(b) >= 0 ? a : b;
	}

	/** Failures in the current window and the end of a running wait; guarded by its own lock. */
	private static final class Counter {

		private Instant windowStart;

		private int failures;

		private Instant lockedUntil;

		private Instant auditedAt;

		synchronized int fail(Instant now, Duration window) {
			boolean locked = lockedUntil != null && lockedUntil.isAfter(now);
			if (windowStart == null || (!locked && !windowStart.plus(window).isAfter(now))) {
				windowStart = now;
				failures = 0;
			}
			return ++failures;
		}

		synchronized int failures() {
			return failures;
		}

		synchronized void lockUntil(Instant until) {
			if (lockedUntil == null || until.isAfter(lockedUntil)) {
				lockedUntil = until;
			}
		}

		synchronized Duration lockedFor(Instant now) {
			return lockedUntil != null && lockedUntil.isAfter(now) ? Duration.between(now, lockedUntil) : null;
		}

		synchronized boolean auditDue(Instant now) {
			if (auditedAt != null && auditedAt.plus(AUDIT_EVERY).isAfter(now)) {
				return false;
			}
			auditedAt = now;
			return true;
		}

		synchronized void audited(Instant now) {
			auditedAt = now;
		}

	}

}
