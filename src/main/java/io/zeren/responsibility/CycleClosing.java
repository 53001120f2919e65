package io.zeren.responsibility;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import io.zeren.identity.SystemAuthentication;

/**
 * Closes a year's cycle: the cycle becomes CLOSED, then every personal process of that year waiting for the
 * year end is ended, in batches of {@code zeren.responsibility.kickoff-batch-size}, each in its own
 * transaction. A rerun continues; processes still short of signing are left running and counted.
 */
@Service
class CycleClosing {

	/** Waits for the year end in processes/responsibility/personal-responsibility.bpmn. */
	static final String EVENT_CYCLE_CLOSED = "Event_CycleClosed";

	record Result(int year, long closed, long stillOpen) {
	}

	private final Cycles cycles;

	private final RuntimeService runtime;

	private final SystemAuthentication system;

	private final BatchTransactions batches;

	private final ResponsibilityProperties properties;

	CycleClosing(Cycles cycles, RuntimeService runtime, SystemAuthentication system, BatchTransactions batches,
			ResponsibilityProperties properties) {
		this.cycles = cycles;
		this.runtime = runtime;
		this.system = system;
		this.batches = batches;
		this.properties = properties;
	}

	Result close(int year) {
		batches.inNewTransaction(() -> {
			Cycle cycle = cycles.byYear(year);
			if (cycle.view().state() != Cycle.State.CLOSED) {
				cycle.close();
			}
			return null;
		});
		long closed = 0;
		for (List<ProcessInstance> batch = waiting(year); !batch.isEmpty(); batch = waiting(year)) {
			closed += endBatch(batch);
		}
		long stillOpen = system.call(() -> runtime.createProcessInstanceQuery()
			.processDefinitionKey(PersonalResponsibilityProcess.KEY)
			.processInstanceBusinessKeyLike(year + ":%")
			.count());
		return new Result(year, closed, stillOpen);
	}

	private long endBatch(List<ProcessInstance> batch) {
		return batches.inNewTransaction(() -> {
			system.run(() -> batch.forEach(instance -> runtime
				.createMessageCorrelation(PersonalResponsibilityProcess.MESSAGE_CYCLE_CLOSED)
				.processInstanceId(instance.getId())
				.correlateWithResult()));
			return (long) batch.size();
		});
	}

	private List<ProcessInstance> waiting(int year) {
		return system.call(() -> runtime.createProcessInstanceQuery()
			.processDefinitionKey(PersonalResponsibilityProcess.KEY)
			.processInstanceBusinessKeyLike(year + ":%")
			.activityIdIn(EVENT_CYCLE_CLOSED)
			.listPage(0, properties.kickoffBatchSize()));
	}

}
