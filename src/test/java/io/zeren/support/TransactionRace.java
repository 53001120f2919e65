package io.zeren.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two transactions that must not overlap: {@code first} runs in a transaction held open while {@code second}
 * starts in another thread; the race checks that {@code second} is still waiting (on a lock {@code first}
 * holds) when {@code first} is about to commit, and returns what {@code second} returned after it.
 */
public final class TransactionRace {

	/** How long the first transaction stays open after its work, giving the second time to run into the lock. */
	private static final long HOLD_MILLIS = 1500;

	private TransactionRace() {
	}

	public static <T> T secondWaitsForFirst(TransactionTemplate transactions, Runnable first, Callable<T> second)
			throws InterruptedException, ExecutionException, TimeoutException {
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			Future<T> started = transactions.execute(status -> {
				first.run();
				Future<T> secondRun = other.submit(second);
				try {
					Thread.sleep(HOLD_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				assertThat(secondRun).as("the second transaction waits for the first to commit").isNotDone();
				return secondRun;
			});
			return started.get(60, TimeUnit.SECONDS);
		}
		finally {
			other.shutdown();
		}
	}

}
