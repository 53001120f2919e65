package io.zeren.responsibility;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The kick-off as the workbench starts it: the same run as {@code POST /api/cycles/{year}/kickoff}
 * ({@link KickOff#run(int)}: issues the lists still missing, skips everyone who has one), but in the background,
 * so that the page answers at once and shows the progress the run writes after every batch. Whether the cycle
 * may be kicked off is decided before the page answers (a clear refusal), and a year runs once at a time on
 * this node (the run itself is idempotent anyway).
 */
@Service
class KickOffRuns {

	private static final Logger LOG = LoggerFactory.getLogger(KickOffRuns.class);

	private final Cycles cycles;

	private final KickOff kickOff;

	private final Set<Integer> running = ConcurrentHashMap.newKeySet();

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "zeren-kickoff");
		thread.setDaemon(true);
		return thread;
	});

	KickOffRuns(Cycles cycles, KickOff kickOff) {
		this.cycles = cycles;
		this.kickOff = kickOff;
	}

	/**
	 * Refuses (RuleViolationException) unless every unit list of the year is confirmed; then starts the run in the
	 * background. Returns false when a run of the year is already under way here.
	 */
	boolean start(int year) {
		cycles.beginKickOff(year);
		if (!running.add(year)) {
			return false;
		}
		executor.execute(() -> {
			try {
				kickOff.run(year);
			}
			catch (RuntimeException ex) {
				LOG.warn("Kick-off {} started on the workbench failed; a resume retries it", year, ex);
			}
			finally {
				running.remove(year);
			}
		});
		return true;
	}

	boolean isRunning(int year) {
		return running.contains(year);
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

}
