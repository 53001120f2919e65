package io.zeren.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Zeren's login throttle (see {@link LoginThrottle}); the engine's own lock-out is off.
 *
 * @param window how long failures are remembered and counted
 * @param pairFailures failures of one account from one source within the window before that pair waits
 * @param pairLock the first wait of a throttled pair; each further failure doubles it
 * @param pairLockMax the longest wait of a pair
 * @param sourceFailures failures from one source across all accounts within the window before the source waits
 * @param sourceLock how long a throttled source waits
 * @param accountFailures failures of one account from all sources within the window before the account is
 *        under attack: then only sources it logged in from before still get through
 * @param accountLock how long an account under attack refuses new sources (minutes, never for good)
 * @param knownSource how long a source an account logged in from counts as known to it
 * @param maxEntries most accounts, sources and pairs each table of the throttle remembers (memory bound)
 */
@ConfigurationProperties("zeren.security.login")
record LoginProperties(@DefaultValue("PT15M") Duration window, @DefaultValue("5") int pairFailures,
		@DefaultValue("PT1M") Duration pairLock, @DefaultValue("PT15M") Duration pairLockMax,
		@DefaultValue("30") int sourceFailures, @DefaultValue("PT15M") Duration sourceLock,
		@DefaultValue("100") int accountFailures, @DefaultValue("PT5M") Duration accountLock,
		@DefaultValue("P30D") Duration knownSource, @DefaultValue("100000") int maxEntries) {
}
