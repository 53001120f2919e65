package io.zeren.responsibility;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zeren.bench.BenchDatabase;
import io.zeren.bench.BenchReport;
import io.zeren.bench.BulkTasks;
import io.zeren.bench.OrgGenerator;
import io.zeren.bench.RawEngine;
import io.zeren.bench.Stats;
import io.zeren.organisation.OrganisationDirectory;

/**
 * The performance benchmark of docs/performance.md, not part of the test run ({@code *Benchmark} is only
 * included by the Maven profile "bench"):
 *
 * <pre>
 * ./mvnw -B -Pbench test -Dbench.db=postgres -Dbench.staff=10000 -Dbench.runs=3
 * </pre>
 *
 * Zeren (this Spring Boot application, its production settings: history full, authorization on, job
 * executor as configured) on database zeren_bench, and a raw Camunda engine ({@link RawEngine}) on
 * zeren_bench_raw, measured by the same code in the same JVM, one after the other. Prints a table and
 * writes it to target/bench/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PerformanceBenchmark {

	static final int STAFF = Integer.getInteger("bench.staff", 1000);

	static final int RUNS = Integer.getInteger("bench.runs", 3);

	static final int COMPLETIONS = Integer.getInteger("bench.completions", 1000);

	static final String THREADS = System.getProperty("bench.threads", "1,2");

	static final String QUERY_LEVELS = System.getProperty("bench.query-levels", "100000");

	static final int QUERY_SAMPLES = Integer.getInteger("bench.query-samples", 200);

	/** Share of review tasks objected to before the query phase, so unit heads have unclaimed group tasks. */
	static final double OPEN_OBJECTIONS = Double.parseDouble(System.getProperty("bench.open-objections", "0.3"));

	/**
	 * For the two-node run (docs/scaling.md): at the end, a cycle of this year is opened and every unit list
	 * confirmed with the job executor stopped, so zeren_bench is left with the kick-off job pending.
	 */
	static final int LEAVE_KICKOFF = Integer.getInteger("bench.leave-kickoff", 0);

	static final boolean DRAIN = Boolean.parseBoolean(System.getProperty("bench.drain", "true"));

	/** Rounds of the query and drain phases (each round's percentile or rate is one value of min/median/max). */
	static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

	/** Rounds of the drain: 1 makes every reminder job due at once. */
	static final int DRAIN_ROUNDS = Integer.getInteger("bench.drain-rounds", ROUNDS);

	/** Whether the raw engine's reminders are drained too (at 100,000 staff it takes as long as Zeren's or longer). */
	static final boolean DRAIN_RAW = Boolean.parseBoolean(System.getProperty("bench.drain-raw", "true"));

	/** Threads starting the raw engine's instances (1: as an application would; 2: a stricter baseline). */
	static final int RAW_KICKOFF_THREADS = Integer.getInteger("bench.raw-kickoff-threads", 1);

	/**
	 * The last run's year is completed (every list signed, the year closed) and what it leaves in the database
	 * is measured after VACUUM FULL: bytes per staff member per completed year. Needs at least two runs (the
	 * query and drain phases need the open tasks of another year).
	 */
	static final boolean COMPLETED_YEAR = Boolean.parseBoolean(System.getProperty("bench.completed-year", "true"));

	/**
	 * Stands in for autovacuum's analyze when the PostgreSQL server has autovacuum off (as this machine's CI
	 * configuration does): both databases are ANALYZEd at this interval, so the planner's statistics, and the
	 * generic plans of prepared statements made from them, follow the tables' growth as on a production server.
	 * Without it a plan made while a table was nearly empty stays (round 5: 50 ms per variable fetch after the
	 * first 100,000-staff year). 0 = never; ignored when the server's autovacuum is on.
	 */
	static final Duration ANALYZE_EVERY = Duration.parse(System.getProperty("bench.analyze-every", "PT60S"));

	static final boolean ENGINE_INDEXES = Boolean
		.parseBoolean(System.getProperty("zeren.engine.extra-indexes", "true"));

	/**
	 * Zeren's switch for the authorized-group scan (EngineAuthorizationGroups), applied to the raw engine alike.
	 * Before round 6 the raw engine always scanned: its completions and queries at 100,000 staff were measured
	 * with a full scan of ACT_RU_AUTHORIZATION per command. {@code false} measures both engines with the scan.
	 */
	static final boolean SKIP_GROUP_SCAN = Boolean
		.parseBoolean(System.getProperty("zeren.engine.skip-authorized-group-scan", "true"));

	static final String PASSWORD = "bench-Pass-1";

	/** Database names: {@code <name>} for Zeren, {@code <name>_raw} for the raw engine (must start with zeren_bench). */
	static final String DB_NAME = System.getProperty("bench.name", "zeren_bench");

	static BenchDatabase zerenDb;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		zerenDb = BenchDatabase.fresh(DB_NAME);
		registry.add("spring.datasource.url", zerenDb::url);
		registry.add("spring.datasource.username", zerenDb::user);
		registry.add("spring.datasource.password", zerenDb::password);
		registry.add("spring.datasource.driver-class-name", zerenDb::driver);
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "20");
		registry.add("zeren.demo.seed", () -> "true");
		registry.add("zeren.calendar.load-sample", () -> "true");
		registry.add("zeren.mail.enabled", () -> "false");
		registry.add("zeren.security.admin-password", () -> PASSWORD);
		registry.add("zeren.identity.initial-password", () -> PASSWORD);
		registry.add("logging.level.org.camunda.bpm.engine.jobexecutor", () -> "error");
	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	Cycles cycles;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	final BenchReport report = new BenchReport("Zeren vs raw Camunda, " + STAFF + " generated staff, "
			+ System.getProperty("bench.db", "postgres"));

	final Map<String, String> settings = new LinkedHashMap<>();

	@Test
	void run() throws Exception {
		ProcessEngineConfigurationImpl zerenConfig = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		JobExecutor zerenJobs = zerenConfig.getJobExecutor();
		RawEngine.JobExecutorSettings jobSettings = jobSettings(zerenJobs);
		settings(zerenConfig, jobSettings);

		// The organisation, then its users in Camunda (one real save gives the password hash to copy).
		OrgGenerator.Generated org = generateOrganisation();
		report.note("generated " + org.staff() + " staff in " + org.units() + " units; active staff incl. demo: "
				+ activeStaff());

		BenchDatabase rawDb = BenchDatabase.fresh(DB_NAME + "_raw");
		java.util.concurrent.ScheduledExecutorService analyzer = java.util.concurrent.Executors
			.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "bench-analyze");
				thread.setDaemon(true);
				return thread;
			});
		try (RawEngine raw = new RawEngine(rawDb, jobSettings, ENGINE_INDEXES, SKIP_GROUP_SCAN)) {
			JdbcTemplate rawJdbc = new JdbcTemplate(raw.configuration().getDataSource());
			standInForAutovacuum(analyzer, rawJdbc);
			Map<String, String> reviewerGroups = reviewerGroups();
			boolean completeLastYear = COMPLETED_YEAR && RUNS >= 2 && zerenDb.postgres();
			if (COMPLETED_YEAR && !completeLastYear) {
				report.note("storage per completed year skipped: needs PostgreSQL and bench.runs >= 2");
			}
			for (int run = 1; run <= RUNS; run++) {
				int year = 2050 + run;
				boolean completed = completeLastYear && run == RUNS;
				long zerenBefore = completed ? compactedBytes(jdbc) : 0;
				long rawBefore = completed ? compactedBytes(rawJdbc) : 0;
				kickOffZeren(year, zerenJobs);
				kickOffRaw(raw, run, reviewerGroups);
				for (String threads : COMPLETIONS == 0 ? new String[0] : THREADS.split(",")) {
					int t = Integer.parseInt(threads.trim());
					completionsZeren(year, t);
					completionsRaw(raw, run, t);
				}
				if (completed) {
					completeYearZeren(year, zerenBefore);
					completeYearRaw(raw, rawJdbc, run, rawBefore);
				}
			}
			memoryAndStorage(raw, rawJdbc);
			if (!QUERY_LEVELS.isBlank() && OPEN_OBJECTIONS > 0) {
				openObjections(raw);
			}
			for (String level : QUERY_LEVELS.split(",")) {
				if (!level.isBlank()) {
					queries(raw, rawJdbc, Integer.parseInt(level.trim()));
				}
			}
			if (DRAIN) {
				drain(raw, rawJdbc, zerenJobs);
			}
			if (LEAVE_KICKOFF > 0) {
				leaveKickOffPending(LEAVE_KICKOFF, zerenJobs);
			}
		}
		finally {
			analyzer.shutdownNow();
			if (analyses.get() > 0) {
				report.note(String.format("ANALYZE of both databases by the harness: %d times, %.1f s in all",
						analyses.get(), analyzeNanos.get() / 1e9));
			}
			Path file = report.write(Path.of("target/bench"), settings);
			System.out.println("[bench] written to " + file.toAbsolutePath());
		}
	}

	// --- setup ---------------------------------------------------------------------------------------------

	/** ANALYZE runs of both databases by the harness, and their time. */
	final java.util.concurrent.atomic.AtomicLong analyses = new java.util.concurrent.atomic.AtomicLong();

	final java.util.concurrent.atomic.AtomicLong analyzeNanos = new java.util.concurrent.atomic.AtomicLong();

	/** See {@link #ANALYZE_EVERY}: both databases now and then at that interval, if the server does not. */
	private void standInForAutovacuum(java.util.concurrent.ScheduledExecutorService analyzer, JdbcTemplate rawJdbc) {
		if (!zerenDb.postgres()) {
			return;
		}
		String autovacuum = jdbc.queryForObject("show autovacuum", String.class);
		if ("on".equals(autovacuum) || ANALYZE_EVERY.isZero()) {
			settings.put("statistics", "autovacuum " + autovacuum + ", no ANALYZE by the harness");
			return;
		}
		settings.put("statistics", "autovacuum off on the server: the harness ANALYZEs both databases every "
				+ ANALYZE_EVERY.toSeconds() + " s (bench.analyze-every)");
		Runnable analyze = () -> {
			long t0 = System.nanoTime();
			try {
				jdbc.execute("analyze");
				rawJdbc.execute("analyze");
				analyses.incrementAndGet();
			}
			catch (RuntimeException ex) {
				System.out.println("[bench] analyze failed: " + ex.getMessage());
			}
			analyzeNanos.addAndGet(System.nanoTime() - t0);
		};
		analyze.run();
		analyzer.scheduleWithFixedDelay(analyze, ANALYZE_EVERY.toMillis(), ANALYZE_EVERY.toMillis(),
				java.util.concurrent.TimeUnit.MILLISECONDS);
		report.note("autovacuum is off on this server: both databases ANALYZEd every " + ANALYZE_EVERY.toSeconds()
				+ " s by the harness (bench.analyze-every; the first right after the organisation was written)");
	}

	private OrgGenerator.Generated generateOrganisation() {
		IdentityService identity = engine.getIdentityService();
		User template = identity.newUser("benchtemplate");
		template.setPassword(PASSWORD);
		identity.saveUser(template);
		Map<String, Object> hash = jdbc.queryForMap("select PWD_, SALT_ from ACT_ID_USER where ID_ = 'benchtemplate'");
		identity.deleteUser("benchtemplate");
		long t0 = System.nanoTime();
		OrgGenerator.Generated org = new OrgGenerator(jdbc, (String) hash.get("PWD_"), (String) hash.get("SALT_"))
			.generate(STAFF);
		report.note(String.format("organisation written by SQL in %.1f s", (System.nanoTime() - t0) / 1e9));
		return org;
	}

	private long activeStaff() {
		return jdbc.queryForObject("select count(*) from zr_staff where active = 'Y'", Long.class);
	}

	/** The same reviewer group Zeren derives (head of own unit, or of the unit above for heads), for the raw engine. */
	private Map<String, String> reviewerGroups() {
		Map<String, String> groups = new LinkedHashMap<>();
		jdbc.query("select s.username, u.code, u.head_id, s.id, p.code from zr_staff s join zr_unit u on u.id = s.unit_id "
				+ "left join zr_unit p on p.id = u.parent_id where s.active = 'Y' order by s.username", row -> {
					boolean head = row.getLong(3) == row.getLong(4);
					String unit = head && row.getString(5) != null ? row.getString(5) : row.getString(2);
					groups.put(row.getString(1), "head-" + unit.toLowerCase(java.util.Locale.ROOT));
				});
		return groups;
	}

	// --- (1) kick-off ----------------------------------------------------------------------------------------

	private void kickOffZeren(int year, JobExecutor jobs) throws InterruptedException {
		jobs.shutdown();
		cycles.open(new Cycles.OpenCycle(year, null, "坚持政治建警", List.of()), "liuzhiqiang");
		prepareYear(year);
		long expected = activeStaff();
		long dbBefore = databaseBytes(jdbc);
		gc();
		long t0 = System.nanoTime();
		jobs.start();
		// The production path: the AnnualCycleProcess's kick-off job, run by the job executor.
		while (true) {
			Thread.sleep(200);
			Cycle.State state = cycles.view(year).state();
			if (state == Cycle.State.DEPLOYED || System.nanoTime() - t0 > Duration.ofHours(2).toNanos()) {
				break;
			}
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		long issued = driver().personalLists(year);
		long tasks = engine.getTaskService().createTaskQuery()
			.taskDefinitionKey(PersonalResponsibilityProcess.TASK_REVIEW_LIST)
			.processInstanceBusinessKeyLike(year + ":%").count();
		report.zeren("kick-off: instances/s", "1/s", true, issued / seconds);
		report.zeren("kick-off: total time", "s", false, seconds);
		if (issued != expected || tasks != expected) {
			report.note("Zeren kick-off " + year + ": expected " + expected + " lists and first tasks, got " + issued
					+ " lists, " + tasks + " tasks");
		}
		long dbAfter = databaseBytes(jdbc);
		report.zeren("storage: DB bytes per kicked-off staff instance", "bytes", false,
				(dbAfter - dbBefore) / (double) expected);
	}

	private void kickOffRaw(RawEngine raw, int run, Map<String, String> reviewerGroups) throws Exception {
		JdbcTemplate rawJdbc = new JdbcTemplate(raw.configuration().getDataSource());
		long dbBefore = databaseBytes(rawJdbc);
		RuntimeService runtime = raw.engine().getRuntimeService();
		List<Map.Entry<String, String>> members = new ArrayList<>(reviewerGroups.entrySet());
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(RAW_KICKOFF_THREADS);
		long t0 = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < RAW_KICKOFF_THREADS; i++) {
			futures.add(pool.submit(() -> {
				for (int n = next.getAndIncrement(); n < members.size(); n = next.getAndIncrement()) {
					Map.Entry<String, String> member = members.get(n);
					Map<String, Object> variables = new HashMap<>();
					variables.put("username", member.getKey());
					variables.put("reviewerGroup", member.getValue());
					variables.put("year", 2050 + run);
					variables.put("fullName", "基准" + member.getKey());
					variables.put("dueAt", RawEngine.in(21));
					variables.put("remindAt", RawEngine.in(18));
					runtime.startProcessInstanceByKey(RawEngine.KEY, run + ":" + member.getKey(), variables);
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		int started = members.size();
		double seconds = (System.nanoTime() - t0) / 1e9;
		report.raw("kick-off: instances/s", "1/s", true, started / seconds);
		report.raw("kick-off: total time", "s", false, seconds);
		report.raw("storage: DB bytes per kicked-off staff instance", "bytes", false,
				(databaseBytes(rawJdbc) - dbBefore) / (double) started);
	}

	// --- (2) task throughput -------------------------------------------------------------------------------

	private void completionsZeren(int year, int threads) throws Exception {
		TaskService tasks = engine.getTaskService();
		List<Task> reviews = tasks.createTaskQuery().taskDefinitionKey(PersonalResponsibilityProcess.TASK_REVIEW_LIST)
			.processInstanceBusinessKeyLike(year + ":%").taskAssigneeLike("b%").listPage(0, COMPLETIONS * 4);
		List<Task> pick = pick(reviews, COMPLETIONS, threads);
		Map<String, Object> object = Map.of(PersonalResponsibilityProcess.VAR_DECISION, PersonalResponsibilityProcess.OBJECT,
				PersonalResponsibilityProcess.VAR_ITEM_NO, 1, PersonalResponsibilityProcess.VAR_REASON, "基准测试异议");
		Map<String, Object> answer = Map.of(PersonalResponsibilityProcess.VAR_ANSWER, "已答复");
		measureCompletions("Zeren", threads, pick, engine, object, answer, (stats, wall, count) -> {
			report.zeren("completions/s (" + threads + " thread" + (threads > 1 ? "s" : "") + ")", "1/s", true, count / wall);
			report.zeren("completion latency p50 (" + threads + "t)", "ms", false, stats.percentile(50));
			report.zeren("completion latency p95 (" + threads + "t)", "ms", false, stats.percentile(95));
		});
	}

	private void completionsRaw(RawEngine raw, int run, int threads) throws Exception {
		TaskService tasks = raw.engine().getTaskService();
		List<Task> reviews = tasks.createTaskQuery().taskDefinitionKey("Review")
			.processInstanceBusinessKeyLike(run + ":%").listPage(0, COMPLETIONS * 4);
		List<Task> pick = pick(reviews, COMPLETIONS, threads);
		measureCompletions("raw", threads, pick, raw.engine(), Map.of("decision", "object"), Map.of(),
				(stats, wall, count) -> {
					report.raw("completions/s (" + threads + " thread" + (threads > 1 ? "s" : "") + ")", "1/s", true,
							count / wall);
					report.raw("completion latency p50 (" + threads + "t)", "ms", false, stats.percentile(50));
					report.raw("completion latency p95 (" + threads + "t)", "ms", false, stats.percentile(95));
				});
	}

	/** Tasks not used by an earlier round: each round takes the next slice of the shuffled list. */
	private final Map<String, Integer> used = new HashMap<>();

	private List<Task> pick(List<Task> tasks, int count, int threads) {
		List<Task> shuffled = new ArrayList<>(tasks);
		Collections.shuffle(shuffled, new java.util.Random(42));
		int from = used.merge(tasks.isEmpty() ? "" : tasks.get(0).getProcessDefinitionId(), 0, Integer::sum);
		int take = Math.min(count / 2, Math.max(0, shuffled.size() - from));
		used.put(tasks.isEmpty() ? "" : tasks.get(0).getProcessDefinitionId(), from + take);
		return shuffled.subList(Math.min(from, shuffled.size()), Math.min(from + take, shuffled.size()));
	}

	interface CompletionResult {

		void accept(Stats latencies, double wallSeconds, int completions);

	}

	/** Each picked review task: object (the answer task opens), then the reviewer answers (the review reopens). */
	private void measureCompletions(String who, int threads, List<Task> picked, ProcessEngine target,
			Map<String, Object> object, Map<String, Object> answer, CompletionResult result) throws Exception {
		IdentityService identity = target.getIdentityService();
		TaskService tasks = target.getTaskService();
		Map<String, List<String>> groupsOf = new HashMap<>();
		Stats latencies = new Stats();
		AtomicInteger completions = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> futures = new ArrayList<>();
		long t0 = System.nanoTime();
		for (int i = 0; i < threads; i++) {
			int slice = i;
			futures.add(pool.submit(() -> {
				for (int n = slice; n < picked.size(); n += threads) {
					Task review = picked.get(n);
					String user = review.getAssignee();
					timed(latencies, () -> asUser(identity, user, groups(groupsOf, user), () -> {
						tasks.complete(review.getId(), object);
						return null;
					}));
					completions.incrementAndGet();
					Task next = tasks.createTaskQuery().processInstanceId(review.getProcessInstanceId()).active()
						.singleResult();
					String reviewerGroup = tasks.getIdentityLinksForTask(next.getId()).stream()
						.filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
					String head = engine.getIdentityService().createUserQuery().memberOfGroup(reviewerGroup)
						.listPage(0, 1).get(0).getId();
					// A group task is claimed before it is completed (Tasklist's 认领; Zeren refuses an unclaimed
					// completion): the claim is a step of its own, outside the completion's time, on both engines.
					asUser(identity, head, groups(groupsOf, head), () -> {
						tasks.claim(next.getId(), head);
						return null;
					});
					timed(latencies, () -> asUser(identity, head, groups(groupsOf, head), () -> {
						tasks.complete(next.getId(), answer);
						return null;
					}));
					completions.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		double wall = (System.nanoTime() - t0) / 1e9;
		result.accept(latencies, wall, completions.get());
	}

	private List<String> groups(Map<String, List<String>> cache, String user) {
		synchronized (cache) {
			return cache.computeIfAbsent(user, key -> engine.getIdentityService().createGroupQuery().groupMember(key)
				.list().stream().map(Group::getId).toList());
		}
	}

	private static <T> T asUser(IdentityService identity, String user, List<String> groups, Supplier<T> work) {
		identity.setAuthentication(user, groups);
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private static <T> T timed(Stats stats, Supplier<T> work) {
		long t0 = System.nanoTime();
		T result = work.get();
		stats.add((System.nanoTime() - t0) / 1e6);
		return result;
	}

	// --- (5b) a completed year -------------------------------------------------------------------------------

	/** Every open review of the year signed by its owner (4 threads), then the year closed as the political department would. */
	private void completeYearZeren(int year, long bytesBefore) throws Exception {
		long t0 = System.nanoTime();
		List<Task> reviews = engine.getTaskService().createTaskQuery()
			.taskDefinitionKey(PersonalResponsibilityProcess.TASK_REVIEW_LIST)
			.processInstanceBusinessKeyLike(year + ":%").list();
		signAll(engine, reviews, Map.of(PersonalResponsibilityProcess.VAR_DECISION, PersonalResponsibilityProcess.SIGN));
		CycleClosing.Result closed = closing.close(year);
		long staff = activeStaff();
		long after = compactedBytes(jdbc);
		report.zeren("storage: DB bytes per staff per completed year (after VACUUM FULL)", "bytes", false,
				(after - bytesBefore) / (double) staff);
		report.note(String.format("Zeren year %d completed: %d signed, %d closed, %d still open (%.0f s)", year,
				reviews.size(), closed.closed(), closed.stillOpen(), (System.nanoTime() - t0) / 1e9));
	}

	private void completeYearRaw(RawEngine raw, JdbcTemplate rawJdbc, int run, long bytesBefore) throws Exception {
		ProcessEngine rawEngine = raw.engine();
		List<Task> reviews = rawEngine.getTaskService().createTaskQuery().taskDefinitionKey("Review")
			.processInstanceBusinessKeyLike(run + ":%").list();
		signAll(rawEngine, reviews, Map.of("decision", "sign"));
		RuntimeService runtime = rawEngine.getRuntimeService();
		long ended = 0;
		for (org.camunda.bpm.engine.runtime.ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processDefinitionKey(RawEngine.KEY).processInstanceBusinessKeyLike(run + ":%").list()) {
			runtime.createMessageCorrelation(RawEngine.MESSAGE_YEAR_CLOSED).processInstanceId(instance.getId())
				.correlateWithResult();
			ended++;
		}
		long after = compactedBytes(rawJdbc);
		report.raw("storage: DB bytes per staff per completed year (after VACUUM FULL)", "bytes", false,
				(after - bytesBefore) / (double) reviews.size());
		report.note("raw run " + run + " completed: " + reviews.size() + " signed, " + ended + " ended");
	}

	private void signAll(ProcessEngine target, List<Task> reviews, Map<String, Object> sign) {
		completeAsAssignees(target, reviews, sign, 4);
	}

	/** Each task completed by its assignee (with their groups, as the engine REST would), on {@code threads} threads. */
	private void completeAsAssignees(ProcessEngine target, List<Task> tasks, Map<String, Object> variables,
			int threads) {
		Map<String, List<String>> groupsOf = new HashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (Task task : tasks) {
				futures.add(pool.submit(() -> asUser(target.getIdentityService(), task.getAssignee(),
						groups(groupsOf, task.getAssignee()), () -> {
							target.getTaskService().complete(task.getId(), variables);
							return null;
						})));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdown();
		}
	}

	/** The database's size with every table rewritten without dead rows (what the data really takes). */
	private long compactedBytes(JdbcTemplate target) {
		target.execute("vacuum full");
		return databaseBytes(target);
	}

	@Autowired
	CycleClosing closing;

	// --- (3) Tasklist queries --------------------------------------------------------------------------------

	/**
	 * Objects to a share of the open review tasks in both engines, so the population the queries run on has
	 * unclaimed candidate-group tasks (the unit heads' objection answers) next to personal ones.
	 */
	private void openObjections(RawEngine raw) {
		Map<String, Object> object = Map.of(PersonalResponsibilityProcess.VAR_DECISION, PersonalResponsibilityProcess.OBJECT,
				PersonalResponsibilityProcess.VAR_ITEM_NO, 1, PersonalResponsibilityProcess.VAR_REASON, "基准测试异议");
		int zeren = objectShare(engine, engine.getTaskService().createTaskQuery()
			.taskDefinitionKey(PersonalResponsibilityProcess.TASK_REVIEW_LIST).taskAssigneeLike("b%").list(), object);
		int rawCount = objectShare(raw.engine(), raw.engine().getTaskService().createTaskQuery().taskDefinitionKey("Review")
			.taskAssigneeLike("b%").list(), Map.of("decision", "object"));
		report.note("objected to before the queries (open group tasks): Zeren " + zeren + ", raw " + rawCount);
	}

	private int objectShare(ProcessEngine target, List<Task> reviews, Map<String, Object> object) {
		List<Task> shuffled = new ArrayList<>(reviews);
		Collections.shuffle(shuffled, new java.util.Random(11));
		List<Task> picked = shuffled.subList(0, (int) (shuffled.size() * OPEN_OBJECTIONS));
		completeAsAssignees(target, picked, object, 2);
		return picked.size();
	}

	private void queries(RawEngine raw, JdbcTemplate rawJdbc, int openTasks) {
		BulkTasks zerenBulk = new BulkTasks(jdbc, zerenDb.postgres());
		BulkTasks rawBulk = new BulkTasks(rawJdbc, raw.database().postgres());
		long zt0 = System.nanoTime();
		long zerenOpen = zerenBulk.fillTo(openTasks, "PersonalResponsibilityProcess", "TaskDeadlineProcess");
		report.note(String.format("Zeren: %d open tasks after bulk cloning (%.0f s)", zerenOpen,
				(System.nanoTime() - zt0) / 1e9));
		long rt0 = System.nanoTime();
		long rawOpen = rawBulk.fillTo(openTasks, RawEngine.KEY);
		report.note(String.format("raw: %d open tasks after bulk cloning (%.0f s)", rawOpen, (System.nanoTime() - rt0) / 1e9));
		String label = openTasks >= 1_000_000 ? (openTasks / 1_000_000) + "M" : (openTasks / 1000) + "k";
		// Rounds of samples, each with its own people: each round's percentile is one value of min/median/max.
		for (int round = 1; round <= ROUNDS; round++) {
			long seed = 7L * round;
			queryFigures("Zeren", engine, label, seed, (figure, value) -> report.zeren(figure, "ms", false, value));
			queryFigures("raw", raw.engine(), label, seed, (figure, value) -> report.raw(figure, "ms", false, value));
			restFigures(label, 13L * round);
		}
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	/**
	 * What Tasklist does, as the user, over HTTP: the engine REST API (HTTP Basic, authorization on) lists the
	 * two shared filters ("我的待办": assignee = current user, by due date; "待认领": candidate user = current
	 * user, i.e. their groups, unassigned, by due date), page of 50, and counts the second.
	 */
	private void restFigures(String label, long seed) {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		org.camunda.bpm.engine.FilterService filters = engine.getFilterService();
		String mine = filters.createFilterQuery().filterName("我的待办").singleResult().getId();
		String claimable = filters.createFilterQuery().filterName("待认领").singleResult().getId();
		List<String> staff = jdbc.queryForList("select username from zr_staff where username like 'b%' order by username",
				String.class);
		List<String> heads = jdbc.queryForList("select s.username from zr_unit u join zr_staff s on s.id = u.head_id "
				+ "where u.code like 'B%' and u.kind = 'SECTION' order by s.username", String.class);
		java.util.Random random = new java.util.Random(seed);
		Stats mineStats = new Stats();
		Stats groupStats = new Stats();
		Stats countStats = new Stats();
		for (int i = -20; i < QUERY_SAMPLES; i++) {
			String user = staff.get(random.nextInt(staff.size()));
			String head = heads.get(random.nextInt(heads.size()));
			double a = post(http, user, "/engine-rest/filter/" + mine + "/list?firstResult=0&maxResults=50");
			double b = post(http, head, "/engine-rest/filter/" + claimable + "/list?firstResult=0&maxResults=50");
			double c = post(http, head, "/engine-rest/filter/" + claimable + "/count");
			if (i >= 0) {
				mineStats.add(a);
				groupStats.add(b);
				countStats.add(c);
			}
		}
		for (double p : new double[] { 50, 95, 99 }) {
			report.zeren("REST " + label + " open: filter 我的待办 (my tasks) p" + (int) p, "ms", false, mineStats.percentile(p));
		}
		for (double p : new double[] { 50, 95, 99 }) {
			report.zeren("REST " + label + " open: filter 待认领 (my groups, unclaimed, by due, 50) p" + (int) p, "ms", false,
					groupStats.percentile(p));
		}
		for (double p : new double[] { 50, 95, 99 }) {
			report.zeren("REST " + label + " open: count of 待认领 p" + (int) p, "ms", false, countStats.percentile(p));
		}
	}

	private double post(java.net.http.HttpClient http, String user, String path) {
		String basic = java.util.Base64.getEncoder()
			.encodeToString((user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		long t0 = System.nanoTime();
		try {
			java.net.http.HttpResponse<String> response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " as " + user + ": HTTP " + response.statusCode() + " " + response.body());
			}
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
		return (System.nanoTime() - t0) / 1e6;
	}

	private void queryFigures(String who, ProcessEngine target, String label, long seed,
			java.util.function.BiConsumer<String, Double> sink) {
		IdentityService identity = target.getIdentityService();
		TaskService tasks = target.getTaskService();
		// Users and heads from the generated organisation (present in both databases' tasks).
		List<String> staff = jdbc.queryForList("select username from zr_staff where username like 'b%' order by username",
				String.class);
		List<String> heads = jdbc.queryForList("select s.username from zr_unit u join zr_staff s on s.id = u.head_id "
				+ "where u.code like 'B%' and u.kind = 'SECTION' order by s.username", String.class);
		Map<String, List<String>> groupsOf = new HashMap<>();
		java.util.Random random = new java.util.Random(seed);
		for (int warm = 0; warm < 20; warm++) {
			String user = staff.get(random.nextInt(staff.size()));
			asUser(identity, user, groups(groupsOf, user), () -> tasks.createTaskQuery().taskAssignee(user)
				.orderByDueDate().asc().listPage(0, 50));
		}
		Stats mine = new Stats();
		Stats group = new Stats();
		Stats count = new Stats();
		for (int i = 0; i < QUERY_SAMPLES; i++) {
			String user = staff.get(random.nextInt(staff.size()));
			List<String> userGroups = groups(groupsOf, user);
			timed(mine, () -> asUser(identity, user, userGroups, () -> tasks.createTaskQuery().taskAssignee(user)
				.orderByDueDate().asc().listPage(0, 50)));
			String head = heads.get(random.nextInt(heads.size()));
			List<String> headGroups = groups(groupsOf, head);
			timed(group, () -> asUser(identity, head, headGroups, () -> tasks.createTaskQuery()
				.taskCandidateGroupIn(headGroups).taskUnassigned().orderByDueDate().asc().listPage(0, 50)));
			timed(count, () -> asUser(identity, head, headGroups, () -> tasks.createTaskQuery()
				.taskCandidateGroupIn(headGroups).taskUnassigned().count()));
		}
		for (double p : new double[] { 50, 95, 99 }) {
			sink.accept("query " + label + " open: my tasks p" + (int) p, mine.percentile(p));
		}
		for (double p : new double[] { 50, 95, 99 }) {
			sink.accept("query " + label + " open: my groups unclaimed by due, page 50, p" + (int) p, group.percentile(p));
		}
		for (double p : new double[] { 50, 95 }) {
			sink.accept("query " + label + " open: count my groups unclaimed p" + (int) p, count.percentile(p));
		}
	}

	// --- (4) deadline jobs -----------------------------------------------------------------------------------

	/** Reminder jobs: Zeren's deadline jobs before the reminder (or, with the old watch process, its reminder timers). */
	private static final String ZEREN_REMINDERS = "(HANDLER_TYPE_ = 'zeren-task-deadline' and HANDLER_CFG_ like 'REMIND|%') "
			+ "or (HANDLER_TYPE_ like 'timer%' and HANDLER_CFG_ like '%TimerEvent_UntilReminder%')";

	private static final String RAW_REMINDERS = "HANDLER_TYPE_ like 'timer%' and (HANDLER_CFG_ like '%ReviewReminder%' "
			+ "or HANDLER_CFG_ like '%AnswerReminder%')";

	/**
	 * The reminder jobs of each engine, split into {@link #DRAIN_ROUNDS} equal parts: each part is made due at once by SQL
	 * and drained by the job executor (one rate per round); duplicates and incidents are counted over all rounds.
	 */
	private void drain(RawEngine raw, JdbcTemplate rawJdbc, JobExecutor zerenJobs) throws InterruptedException {
		JobExecutor rawJobs = raw.configuration().getJobExecutor();
		zerenJobs.shutdown();
		long zerenAll = jdbc.queryForObject("select count(*) from ACT_RU_JOB where " + ZEREN_REMINDERS, Long.class);
		long rawAll = rawJdbc.queryForObject("select count(*) from ACT_RU_JOB where " + RAW_REMINDERS, Long.class);
		long mailsBefore = jdbc.queryForObject("select count(*) from zr_mail_outbox where template like '%remind%'", Long.class);
		long zerenDueAll = 0;
		long rawDueAll = 0;
		String figure = "deadline drain: jobs/s (" + zerenAll + " due"
				+ (DRAIN_ROUNDS == 1 ? " at once)" : ", in " + DRAIN_ROUNDS + " rounds)");
		for (int round = 1; round <= DRAIN_ROUNDS; round++) {
			boolean last = round == DRAIN_ROUNDS;
			Drained zeren = drainRound(jdbc, zerenJobs, ZEREN_REMINDERS, last ? zerenAll : zerenAll / DRAIN_ROUNDS);
			zerenDueAll += zeren.due();
			report.zeren(figure, "1/s", true, zeren.rate());
			if (DRAIN_RAW) {
				Drained rawRound = drainRound(rawJdbc, rawJobs, RAW_REMINDERS, last ? rawAll : rawAll / DRAIN_ROUNDS);
				rawDueAll += rawRound.due();
				report.raw(figure, "1/s", true, rawRound.rate());
			}
		}
		zerenJobs.start();
		long mails = jdbc.queryForObject("select count(*) from zr_mail_outbox where template like '%remind%'", Long.class)
				- mailsBefore;
		long incidents = jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class);
		long duplicates = duplicateJobRuns(jdbc);
		long rawIncidents = rawJdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class);
		long rawDuplicates = duplicateJobRuns(rawJdbc);
		report.zeren("deadline drain: duplicate job runs", "count", false, duplicates);
		report.zeren("deadline drain: incidents", "count", false, incidents);
		if (DRAIN_RAW) {
			report.raw("deadline drain: duplicate job runs", "count", false, rawDuplicates);
			report.raw("deadline drain: incidents", "count", false, rawIncidents);
		}
		report.zeren("deadline drain: reminder mails queued ÷ reminder jobs due", "ratio", false,
				zerenDueAll == 0 ? Double.NaN : mails / (double) zerenDueAll);
		report.note("Zeren drain: " + zerenDueAll + " reminder timers, " + mails + " reminder mails queued, " + incidents
				+ " incidents, " + duplicates + " jobs run twice");
		report.note(!DRAIN_RAW ? "raw drain skipped (bench.drain-raw=false)"
				: "raw drain: " + rawDueAll + " timers, " + rawIncidents + " incidents, " + rawDuplicates + " duplicates");
	}

	record Drained(long due, double seconds) {

		double rate() {
			return due / seconds;
		}

	}

	/** One round: {@code count} reminder jobs made due at once, drained by the job executor, which is stopped again. */
	private static Drained drainRound(JdbcTemplate target, JobExecutor jobs, String reminders, long count)
			throws InterruptedException {
		long due = makeDue(target, reminders, count);
		long t0 = System.nanoTime();
		jobs.start();
		waitDrained(target);
		double seconds = (System.nanoTime() - t0) / 1e9;
		jobs.shutdown();
		return new Drained(due, seconds);
	}

	/** Makes the first {@code count} reminder jobs (by id) due a minute ago; the jobs still waiting for their time. */
	private static long makeDue(JdbcTemplate target, String reminders, long count) {
		return target.update("update ACT_RU_JOB set DUEDATE_ = ? where ID_ in (select ID_ from ACT_RU_JOB where ("
				+ reminders + ") and DUEDATE_ > ? order by ID_ fetch first " + count + " rows only)",
				new Date(System.currentTimeMillis() - 60_000), new Date());
	}

	/** A job that ran successfully more than once (history level full logs every run). */
	private static long duplicateJobRuns(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from (select JOB_ID_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2 "
				+ "group by JOB_ID_ having count(*) > 1) d", Long.class);
	}

	private static void waitDrained(JdbcTemplate jdbc) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
		while (System.nanoTime() < deadline) {
			Thread.sleep(250);
			Long due = jdbc.queryForObject("select count(*) from ACT_RU_JOB where DUEDATE_ < ? and RETRIES_ > 0 and "
					+ "SUSPENSION_STATE_ = 1", Long.class, new Date());
			if (due == 0) {
				return;
			}
		}
	}

	/**
	 * Approval, the unit tasks (started in batches on four threads, as the job executor would) and every unit
	 * head's confirmation (one after the other), each timed: what a province waits for before its kick-off.
	 */
	private void prepareYear(int year) {
		CycleDriver driver = driver();
		long t0 = System.nanoTime();
		driver.approve(year);
		long t1 = System.nanoTime();
		driver.createUnitTasks(year);
		long t2 = System.nanoTime();
		int units = driver.confirmUnits(year);
		long t3 = System.nanoTime();
		report.note(String.format(java.util.Locale.ROOT,
				"year %d: approval %.1f s; %d unit tasks started in %.1f s (%.0f/s, 4 threads); confirmed in %.1f s "
						+ "(%.0f/s, 1 thread)",
				year, (t1 - t0) / 1e9, units, (t2 - t1) / 1e9, units / ((t2 - t1) / 1e9), (t3 - t2) / 1e9,
				units / ((t3 - t2) / 1e9)));
	}

	private void leaveKickOffPending(int year, JobExecutor jobs) {
		jobs.shutdown();
		cycles.open(new Cycles.OpenCycle(year, null, "坚持政治建警", List.of()), "liuzhiqiang");
		driver().approveAndConfirmUnits(year);
		report.note("left cycle " + year + " with its kick-off job pending (job executor stopped)");
	}

	// --- (5) memory and storage ------------------------------------------------------------------------------

	private void memoryAndStorage(RawEngine raw, JdbcTemplate rawJdbc) {
		long heap = gc();
		report.zeren("heap after GC (Zeren + raw engine in one JVM), after all runs", "MB", false, heap / 1e6);
		long zerenActive = jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null", Long.class);
		long rawActive = rawJdbc.queryForObject("select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null", Long.class);
		report.note("active process instances: Zeren " + zerenActive + " (incl. deadline watches), raw " + rawActive);
		report.zeren("storage: whole DB", "MB", false, databaseBytes(jdbc) / 1e6);
		report.raw("storage: whole DB", "MB", false, databaseBytes(rawJdbc) / 1e6);
	}

	private long gc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			memory.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private long databaseBytes(JdbcTemplate target) {
		if (!zerenDb.postgres()) {
			return 0;
		}
		return target.queryForObject("select pg_database_size(current_database())", Long.class);
	}

	// --- settings --------------------------------------------------------------------------------------------

	private RawEngine.JobExecutorSettings jobSettings(JobExecutor jobs) {
		int core = 3;
		int max = 10;
		int queue = 3;
		if (jobs instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor spring
				&& spring.getTaskExecutor() instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor pool) {
			core = pool.getCorePoolSize();
			max = pool.getMaxPoolSize();
			queue = pool.getQueueCapacity();
		}
		return new RawEngine.JobExecutorSettings(core, max, queue, jobs.getMaxJobsPerAcquisition(), jobs.getMaxWait());
	}

	private void settings(ProcessEngineConfigurationImpl config, RawEngine.JobExecutorSettings jobs) {
		Runtime runtime = Runtime.getRuntime();
		settings.put("machine", runtime.availableProcessors() + " cores, " + System.getProperty("os.name") + " "
				+ System.getProperty("os.version") + ", Java " + System.getProperty("java.version") + ", max heap "
				+ runtime.maxMemory() / 1_000_000 + " MB");
		settings.put("database", zerenDb.kind() + " " + zerenDb.url() + " (raw: " + DB_NAME + "_raw)");
		if (zerenDb.postgres()) {
			settings.put("server", jdbc.queryForObject("select version()", String.class));
		}
		settings.put("staff", STAFF + " generated + demo agency; runs " + RUNS + "; completions per round "
				+ COMPLETIONS + "; threads " + THREADS + "; query levels " + QUERY_LEVELS);
		settings.put("engine", "history " + config.getHistory() + ", authorization " + config.isAuthorizationEnabled()
				+ ", authorizationCheckRevokes " + config.getAuthorizationCheckRevokes() + ", extra indexes "
				+ ENGINE_INDEXES + ", skip authorized-group scan " + SKIP_GROUP_SCAN + " (both engines), CMMN "
				+ config.isCmmnEnabled() + ", standalone tasks "
				+ config.isStandaloneTasksEnabled());
		settings.put("job executor", jobs + ", lock " + config.getJobExecutor().getLockTimeInMillis() + " ms, wait "
				+ config.getJobExecutor().getWaitTimeInMillis() + " ms, max wait " + config.getJobExecutor().getMaxWait()
				+ " ms, backoff " + config.getJobExecutor().getBackoffTimeInMillis() + " ms");
		settings.put("kick-off batch size", String.valueOf(getKickoffBatch()));
		settings.put("raw kick-off threads", String.valueOf(RAW_KICKOFF_THREADS));
		settings.put("rounds", "queries " + ROUNDS + ", drain " + DRAIN_ROUNDS + (DRAIN_RAW ? "" : " (Zeren only)"));
		settings.put("load at start", String.valueOf(BenchReport.loadAverage()));
		settings.put("git", gitHead());
	}

	@Autowired
	ResponsibilityProperties responsibilityProperties;

	private int getKickoffBatch() {
		return responsibilityProperties.kickoffBatchSize();
	}

	private static String gitHead() {
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
			return new String(git.getInputStream().readAllBytes()).trim();
		}
		catch (Exception ex) {
			return "?";
		}
	}

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	private CycleDriver driver() {
		return new CycleDriver(engine.getTaskService(), runtimeService, managementService, historyService, directory, jdbc);
	}

}
