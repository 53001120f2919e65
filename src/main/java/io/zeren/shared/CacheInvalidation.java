package io.zeren.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Forgetting what a node-local cache holds when this node changes what it caches. */
public final class CacheInvalidation {

	private CacheInvalidation() {
	}

	/**
	 * Runs {@code forget} now and, inside a transaction, once more when it completes: a concurrent reader on
	 * this node may fill the cache again from the database before the change is committed.
	 */
	public static void nowAndAfterCompletion(Runnable forget) {
		forget.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget.run();
				}
			});
		}
	}

}
