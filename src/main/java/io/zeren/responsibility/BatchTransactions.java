package io.zeren.responsibility;

import java.util.function.Supplier;

import org.camunda.bpm.engine.context.ProcessEngineContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work over thousands of staff goes in batches, each committed on its own, so a failure costs one batch
 * and a rerun continues. Each batch also gets a fresh engine context: otherwise the engine would keep the
 * instances it started until the outer job's transaction commits.
 */
@Component
class BatchTransactions {

	private final TransactionTemplate newTransaction;

	BatchTransactions(PlatformTransactionManager transactions) {
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	<T> T inNewTransaction(Supplier<T> work) {
		try {
			return ProcessEngineContext.withNewProcessEngineContext(() -> newTransaction.execute(status -> work.get()));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
