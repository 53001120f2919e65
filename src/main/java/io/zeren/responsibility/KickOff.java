package io.zeren.responsibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.InLists;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;

/**
 * Issues every active staff member's personal list and starts their PersonalResponsibilityProcess, in
 * batches of {@code zeren.responsibility.kickoff-batch-size}, each batch in its own transaction (lists,
 * items and process instances commit together or not at all). Idempotent: members who already have a list
 * in the cycle are skipped, so running it again, or after a crash or a failed batch, issues exactly the
 * missing ones. Progress is written after every batch in a transaction of its own.
 * <p>
 * Two ways to run it: {@link #run(int)} walks all batches in the calling thread (the resume endpoint);
 * the AnnualCycleProcess {@linkplain #plan(int) plans} batches of whole units and {@linkplain #startBatches
 * starts} a KickOffBatchProcess for each, which issues it in a job of its own ({@link #runUnits}), so the job
 * executor's threads and every node of a cluster work in parallel and no job runs longer than one batch (far
 * below the job lock time); the batch that {@linkplain #batchReported reports} last lets the cycle go on, and
 * {@link #finishJobs} counts who is still without a list.
 * <p>
 * Why not a multi-instance over all staff: the engine loads an instance's whole execution tree on every
 * step, which breaks down past about a thousand parallel branches; here every member gets a small
 * instance of their own.
 */
@Service
class KickOff {

	private static final Logger LOG = LoggerFactory.getLogger(KickOff.class);

	/**
	 * Members whose list, items and deadline rows are flushed together: a JDBC batch per table instead of a
	 * round trip per row (docs/performance.md item 30). Technical, not policy; the batch size is configured.
	 */
	private static final int MEMBERS_PER_FLUSH = 20;

	/** Called inside each batch's transaction before it commits; tests use it to fail a batch. */
	interface BatchHook {

		BatchHook NONE = (batch, usernames) -> {
		};

		void beforeCommit(int batch, List<String> usernames);

	}

	private final CycleRepository cycles;

	private final Cycles cycleService;

	private final PersonalListRepository lists;

	private final KickOffRepository statuses;

	private final PersonalLists personalLists;

	private final OrganisationDirectory directory;

	private final ResponsibilityProperties properties;

	private final BatchTransactions batches;

	private final jakarta.persistence.EntityManager entities;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final SystemAuthentication system;

	KickOff(CycleRepository cycles, Cycles cycleService, PersonalListRepository lists, KickOffRepository statuses, PersonalLists personalLists,
			OrganisationDirectory directory, ResponsibilityProperties properties, BatchTransactions batches,
			jakarta.persistence.EntityManager entities, RuntimeService runtime, RepositoryService repository,
			SystemAuthentication system) {
		this.entities = entities;
		this.runtime = runtime;
		this.repository = repository;
		this.system = system;
		this.cycles = cycles;
		this.cycleService = cycleService;
		this.lists = lists;
		this.statuses = statuses;
		this.personalLists = personalLists;
		this.directory = directory;
		this.properties = properties;
		this.batches = batches;
	}

	KickOffStatus.View run(int year) {
		return run(year, properties.kickoffBatchSize(), BatchHook.NONE);
	}

	KickOffStatus.View run(int year, int batchSize, BatchHook hook) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be at least 1");
		}
		cycleService.beginKickOff(year);
		Long cycleId = cycle(year).getId();
		List<StaffInfo> active = directory.activeStaff();
		Set<String> issued = new HashSet<>(lists.usernamesIn(cycleId));
		List<StaffInfo> pending = active.stream().filter(member -> !issued.contains(member.username())).toList();
		updateStatus(cycleId, status -> status.start(active.size(), active.size() - pending.size(), batchSize,
				EngineClock.now()));
		int batchNo = 0;
		for (int from = 0; from < pending.size(); from += batchSize) {
			issueBatch(cycleId, year, ++batchNo, pending.subList(from, Math.min(from + batchSize, pending.size())), hook);
		}
		return updateStatus(cycleId, status -> status.finish(EngineClock.now())).view(year);
	}

	/**
	 * Starts a kick-off run for the job executor: the cycle moves to KICKOFF, the totals are recorded, and the
	 * members still without a list are packed, unit by unit, into batches of about the batch size. Returns
	 * each batch as its unit codes joined by commas (a unit is never split, so a batch stays short to name).
	 */
	List<String> plan(int year) {
		return plan(year, properties.kickoffBatchSize());
	}

	List<String> plan(int year, int batchSize) {
		cycleService.beginKickOff(year);
		Long cycleId = cycle(year).getId();
		java.util.Map<String, String> active = directory.activeStaffUnits();
		Set<String> issued = new HashSet<>(lists.usernamesIn(cycleId));
		java.util.Map<String, Integer> pendingPerUnit = new java.util.TreeMap<>();
		int pendingCount = 0;
		for (java.util.Map.Entry<String, String> member : active.entrySet()) {
			if (!issued.contains(member.getKey())) {
				pendingPerUnit.merge(member.getValue(), 1, Integer::sum);
				pendingCount++;
			}
		}
		int alreadyDone = active.size() - pendingCount;
		updateStatus(cycleId, status -> status.start(active.size(), alreadyDone, batchSize, EngineClock.now()));
		List<String> batches = new ArrayList<>();
		List<String> units = new ArrayList<>();
		int size = 0;
		for (java.util.Map.Entry<String, Integer> unit : pendingPerUnit.entrySet()) {
			units.add(unit.getKey());
			size += unit.getValue();
			if (size >= batchSize) {
				batches.add(UnitBatch.of(units));
				units.clear();
				size = 0;
			}
		}
		if (!units.isEmpty()) {
			batches.add(UnitBatch.of(units));
		}
		LOG.info("Kick-off {}: {} of {} active staff to issue in {} batches", year, pendingCount, active.size(),
				batches.size());
		return batches;
	}

	/**
	 * Starts one KickOffBatchProcess per planned batch, in the calling job's transaction (so the batches exist
	 * exactly when the cycle waits for them), and records how many for {@link #batchReported}. Returns the count.
	 */
	int startBatches(int year, List<String> planned) {
		Long cycleId = cycle(year).getId();
		updateStatus(cycleId, status -> status.batchesPlanned(planned.size()));
		if (planned.isEmpty()) {
			return 0;
		}
		String definitionId = LatestDefinition.idOf(repository, KickOffBatchProcess.KEY);
		for (int i = 0; i < planned.size(); i++) {
			int batchNo = i + 1;
			java.util.Map<String, Object> variables = new java.util.HashMap<>();
			variables.put(KickOffBatchProcess.VAR_YEAR, year);
			variables.put(KickOffBatchProcess.VAR_BATCH_NO, batchNo);
			variables.put(KickOffBatchProcess.VAR_UNITS, planned.get(i));
			system.run(() -> runtime.startProcessInstanceById(definitionId, KickOffBatchProcess.businessKey(year, batchNo),
					variables));
		}
		return planned.size();
	}

	/**
	 * A batch process is done; when it is the run's last, the cycle is told (message KickOffBatchesIssued).
	 * Counted in the calling job's transaction with the progress row locked, so two batches finishing together
	 * count one after the other and exactly one of them is the last. Returns whether it was.
	 */
	@org.springframework.transaction.annotation.Transactional
	boolean batchReported(int year) {
		Long cycleId = cycle(year).getId();
		KickOffStatus status = statuses.findForUpdate(cycleId)
			.orElseThrow(() -> new IllegalStateException("kick-off " + year + " has no progress row"));
		boolean last = status.batchReported(EngineClock.now());
		statuses.save(status);
		if (last) {
			system.run(() -> runtime.createMessageCorrelation(AnnualCycleProcess.MESSAGE_LIST_BATCHES_ISSUED)
				.processInstanceBusinessKey(String.valueOf(year))
				.correlateAllWithResult());
		}
		return last;
	}

	/** One planned batch, in a job of its own: the active members of these units who still have no list. */
	void runUnits(int year, int batchNo, String unitCodes) {
		runUnits(year, batchNo, unitCodes, BatchHook.NONE);
	}

	void runUnits(int year, int batchNo, String unitCodes, BatchHook hook) {
		Long cycleId = cycle(year).getId();
		List<StaffInfo> members = new ArrayList<>();
		for (String unitCode : UnitBatch.codes(unitCodes)) {
			try {
				members.addAll(directory.members(unitCode, false));
			}
			catch (NotFoundException ex) {
				// The unit was dissolved after planning; its staff moved and are counted at the end.
				LOG.info("Kick-off {} batch {}: unit {} no longer exists", year, batchNo, unitCode);
			}
		}
		// Members issued meanwhile (by an earlier attempt of this job, or as joiners) are skipped by issue().
		issueBatch(cycleId, year, batchNo, members.stream().sorted(Comparator.comparing(StaffInfo::username)).toList(),
				hook);
	}

	/**
	 * After the batch jobs: the run is complete when every active staff member has a list. Counted from the
	 * lists themselves, so a batch retried by the engine (and counted twice) or a member who moved between
	 * units after planning cannot make the figures wrong; the missing ones count as failed.
	 */
	KickOffStatus.View finishJobs(int year) {
		Long cycleId = cycle(year).getId();
		Set<String> active = directory.activeStaffUnits().keySet();
		Set<String> issued = new HashSet<>(lists.usernamesIn(cycleId));
		int done = (int) active.stream().filter(issued::contains).count();
		return updateStatus(cycleId, status -> status.recount(active.size(), done, EngineClock.now())).view(year);
	}

	private void issueBatch(Long cycleId, int year, int number, List<StaffInfo> batch, BatchHook hook) {
		if (batch.isEmpty()) {
			return;
		}
		try {
			int count = inNewTransaction(() -> {
				// Who of the batch already has a list (an earlier attempt, a joiner): read once per batch.
				Set<String> issued = issuedAmong(cycleId, batch);
				PersonalLists.IssueRun run = personalLists.issueRun(cycleId, year);
				int done = 0;
				for (StaffInfo member : batch) {
					if (issued.contains(member.username())) {
						continue;
					}
					personalLists.issue(run, member);
					done++;
					// A few members' rows are written together (one JDBC batch per table); keeping them all
					// managed would make every later flush of the batch check them all again (quadratic in the
					// batch size).
					if (done % MEMBERS_PER_FLUSH == 0) {
						entities.flush();
						entities.clear();
					}
				}
				entities.flush();
				entities.clear();
				hook.beforeCommit(number, batch.stream().map(StaffInfo::username).toList());
				return done;
			});
			// Members skipped inside the batch were issued meanwhile (a joiner): they count as done too.
			int skipped = batch.size() - count;
			updateStatus(cycleId, status -> status.batchDone(number, count + skipped, EngineClock.now()));
		}
		catch (RuntimeException ex) {
			if (issuedMeanwhile(cycleId, batch)) {
				// Another attempt of the same job (the engine ran it again after its lock expired) issued these
				// members while this one ran: the unique list per person refused this attempt's rows. Not a failure.
				LOG.info("Kick-off {} batch {}: issued meanwhile by another attempt ({})", year, number, ex.getMessage());
				updateStatus(cycleId, status -> status.batchDone(number, batch.size(), EngineClock.now()));
				return;
			}
			LOG.warn("Kick-off {} batch {} ({} members) failed; a resume retries them", year, number, batch.size(), ex);
			updateStatus(cycleId, status -> status.batchFailed(number, batch.size(), String.valueOf(ex.getMessage()),
					EngineClock.now()));
		}
	}

	/** Whether every member of the batch has a list now; false when that cannot be read either. */
	private boolean issuedMeanwhile(Long cycleId, List<StaffInfo> batch) {
		try {
			return issuedAmong(cycleId, batch).size() == batch.size();
		}
		catch (RuntimeException unreadable) {
			return false;
		}
	}

	/** Members of the batch with a list in the cycle ({@link InLists}: in chunks every database accepts). */
	private Set<String> issuedAmong(Long cycleId, List<StaffInfo> batch) {
		return InLists.queryAll(batch.stream().map(StaffInfo::username).toList(),
				usernames -> lists.usernamesAmong(cycleId, usernames));
	}

	Optional<KickOffStatus.View> status(int year) {
		Cycle cycle = cycle(year);
		return statuses.findById(cycle.getId()).map(status -> status.view(year));
	}

	/**
	 * Staff who joined (or came back) after the kick-off get their list, if this year's cycle is issuing.
	 * Each member in a transaction of their own; a failure is logged and left to the next kick-off resume.
	 */
	void issueJoiners(Collection<String> usernames) {
		int year = LocalDate.ofInstant(EngineClock.now(), properties.zone()).getYear();
		Optional<Cycle> cycle = cycles.findByYear(year).filter(Cycle::issuing);
		if (cycle.isEmpty()) {
			return;
		}
		Long cycleId = cycle.get().getId();
		for (String username : usernames) {
			try {
				directory.findStaffInfo(username)
					.filter(StaffInfo::active)
					.ifPresent(member -> inNewTransaction(() -> personalLists.issue(cycleId, year, member)));
			}
			catch (RuntimeException ex) {
				LOG.warn("Could not issue the {} list of joiner {}; resume the kick-off to retry", year, username, ex);
			}
		}
	}

	private Cycle cycle(int year) {
		return cycles.findByYear(year)
			.orElseThrow(() -> new NotFoundException(new Msg("responsibility.cycle.not-found", String.valueOf(year))));
	}

	/**
	 * A Spring transaction of its own and, inside it, engine commands of their own: called from the kick-off
	 * job's delegate, the engine would otherwise add the new instances to the job's command context and commit
	 * them only with the job.
	 */
	private <T> T inNewTransaction(java.util.function.Supplier<T> work) {
		return batches.inNewTransaction(work);
	}

	/** Batches run in parallel (jobs, nodes): the row is locked while it changes, so no update is lost. */
	private KickOffStatus updateStatus(Long cycleId, java.util.function.Consumer<KickOffStatus> change) {
		return inNewTransaction(() -> {
			KickOffStatus status = statuses.findForUpdate(cycleId).orElseGet(() -> new KickOffStatus(cycleId));
			change.accept(status);
			return statuses.save(status);
		});
	}

}
