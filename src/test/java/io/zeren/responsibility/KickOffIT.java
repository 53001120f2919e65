package io.zeren.responsibility;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import io.zeren.organisation.OrganisationChange;
import io.zeren.organisation.OrganisationChanges;
import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.StaffRecord;
import io.zeren.organisation.UnitRole;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.organisation.OrganisationDirectory;

/**
 * The kick-off on the demo agency (66 active staff) in batches of 10: run twice, and with a batch failing
 * half-way then resumed. At the end, exactly one personal list row and one PersonalResponsibilityProcess
 * instance per active staff member.
 */
@SpringBootTest
class KickOffIT {

	@Autowired
	Cycles cycles;

	@Autowired
	KickOff kickOff;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OrganisationChanges changes;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	CycleDriver driver;

	final List<Integer> years = new ArrayList<>();

	final Instant started = Instant.now();

	@BeforeEach
	void driver() {
		driver = new CycleDriver(tasks, runtime, management, history, directory, jdbc);
	}

	@AfterEach
	void cleanUp() {
		years.forEach(year -> driver.cleanUp(year, started.minusSeconds(5)));
	}

	@Test
	void shouldIssueEveryoneOnceWhenRunTwice() {
		int year = open(2041);
		long staff = driver.activeStaff();

		KickOffStatus.View first = kickOff.run(year, 10, KickOff.BatchHook.NONE);
		KickOffStatus.View second = kickOff.run(year, 10, KickOff.BatchHook.NONE);

		assertThat(first.state()).isEqualTo(KickOffStatus.State.COMPLETED);
		assertThat(first.total()).isEqualTo(staff);
		assertThat(first.done()).isEqualTo(staff);
		assertThat(first.lastBatch()).isEqualTo((int) ((staff + 9) / 10));
		assertThat(second.done()).isEqualTo(staff);
		assertThat(second.lastBatch()).as("nothing left to batch").isZero();
		assertExactlyOnePerStaffMember(year, staff);

		// The process's own kick-off job finds nothing to do and deploys the cycle.
		driver.runKickOffJob(year);
		assertThat(cycles.view(year).state()).isEqualTo(Cycle.State.DEPLOYED);
		assertExactlyOnePerStaffMember(year, staff);
	}

	@Test
	void shouldResumeAfterABatchFailedHalfWay() {
		int year = open(2042);
		long staff = driver.activeStaff();
		List<String> lostInBatch3 = new ArrayList<>();

		KickOffStatus.View failed = kickOff.run(year, 10, (batch, usernames) -> {
			if (batch == 3) {
				lostInBatch3.addAll(usernames);
				throw new IllegalStateException("database went away");
			}
		});

		assertThat(failed.state()).isEqualTo(KickOffStatus.State.FAILED);
		assertThat(failed.failed()).isEqualTo(10);
		assertThat(failed.done()).isEqualTo(staff - 10);
		assertThat(failed.lastError()).contains("database went away");
		assertThat(kickOff.status(year)).contains(failed);
		// The failed batch left nothing behind: no list rows, no instances.
		assertThat(driver.personalLists(year)).isEqualTo(staff - 10);
		assertThat(driver.personalInstances(year)).isEqualTo(staff - 10);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(year + ":" + lostInBatch3.get(0))
			.count()).isZero();

		KickOffStatus.View resumed = kickOff.run(year);

		assertThat(resumed.state()).isEqualTo(KickOffStatus.State.COMPLETED);
		assertThat(resumed.done()).isEqualTo(staff);
		assertThat(resumed.failed()).isZero();
		assertExactlyOnePerStaffMember(year, staff);
	}

	@Test
	void shouldIssueEveryoneOnceInParallelBatchJobsEvenWhenOneFailsAndAnotherRunsTwice() throws Exception {
		int year = open(2060);
		long staff = driver.activeStaff();

		List<String> batches = kickOff.plan(year, 10);
		assertThat(batches).hasSizeGreaterThan(1);
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
		try {
			List<java.util.concurrent.Future<?>> running = new ArrayList<>();
			for (int i = 0; i < batches.size(); i++) {
				int number = i + 1;
				String units = batches.get(i);
				running.add(threads.submit(() -> kickOff.runUnits(year, number, units, (batch, usernames) -> {
					if (batch == 2) {
						throw new IllegalStateException("database went away");
					}
				})));
			}
			// A job the engine ran again (lock expired, retry after its transaction failed) issues nothing twice.
			running.add(threads.submit(() -> kickOff.runUnits(year, 1, batches.get(0))));
			for (java.util.concurrent.Future<?> future : running) {
				future.get();
			}
		}
		finally {
			threads.shutdown();
		}
		KickOffStatus.View failed = kickOff.finishJobs(year);
		int lost = batches.get(1).split(",").length;
		assertThat(failed.state()).isEqualTo(KickOffStatus.State.FAILED);
		assertThat(failed.failed()).isPositive();
		assertThat(failed.done() + failed.failed()).isEqualTo(staff);
		assertThat(failed.lastError()).contains("database went away");
		assertThat(driver.personalLists(year)).isEqualTo(staff - failed.failed());
		assertThat(driver.duplicateListOwners(year)).isEmpty();
		assertThat(lost).isPositive();

		// The retry (the political department's review task loops back to the plan) issues only the missing.
		List<String> retry = kickOff.plan(year, 10);
		for (int i = 0; i < retry.size(); i++) {
			kickOff.runUnits(year, i + 1, retry.get(i));
		}
		KickOffStatus.View resumed = kickOff.finishJobs(year);
		assertThat(resumed.state()).isEqualTo(KickOffStatus.State.COMPLETED);
		assertThat(resumed.done()).isEqualTo(staff);
		assertThat(resumed.failed()).isZero();
		assertExactlyOnePerStaffMember(year, staff);
	}

	/**
	 * The batches are processes of their own and the last to report releases the cycle: two batches reporting
	 * at the same moment count one after the other (the progress row is locked), so exactly one is the last.
	 */
	@Test
	void shouldCountTheLastBatchOnceWhenTwoReportTogether() throws Exception {
		int year = open(2046);
		List<String> batches = kickOff.plan(year, 10);
		assertThat(kickOff.startBatches(year, batches)).isEqualTo(batches.size()).isGreaterThan(2);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KickOffBatchProcess.KEY)
			.processInstanceBusinessKeyLike(year + ":%").count()).isEqualTo(batches.size());
		for (int i = 0; i < batches.size() - 2; i++) {
			assertThat(kickOff.batchReported(year)).isFalse();
		}

		boolean secondIsLast = io.zeren.support.TransactionRace.secondWaitsForFirst(transactions,
				() -> assertThat(kickOff.batchReported(year)).as("one batch still to report").isFalse(),
				() -> kickOff.batchReported(year));
		assertThat(secondIsLast).as("the last batch").isTrue();
	}

	@Test
	void shouldIssueAListToStaffWhoJoinMidYear() {
		int year = open(2044);
		kickOff.run(year, 50, KickOff.BatchHook.NONE);
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2044-06-15T02:00:00Z")));
		try {
			changes.applyAll(OrganisationChange.ofStaff(new StaffRecord("xinren2044", "辛仁", "OFF", "科员",
					StaffCategory.NON_LEADING_CADRE, UnitRole.MEMBER, true, "xinren2044@zeren.example", true)));

			assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(year + ":xinren2044").count())
				.isOne();
			assertExactlyOnePerStaffMember(year, driver.activeStaff());
		}
		finally {
			ClockUtil.reset();
			changes.applyAll(OrganisationChange.ofStaff(new StaffRecord("xinren2044", "辛仁", "OFF", "科员",
					StaffCategory.NON_LEADING_CADRE, UnitRole.MEMBER, true, "xinren2044@zeren.example", false)));
		}
	}

	private void assertExactlyOnePerStaffMember(int year, long staff) {
		assertThat(driver.personalLists(year)).isEqualTo(staff);
		assertThat(driver.personalInstances(year)).isEqualTo(staff);
		assertThat(driver.duplicateListOwners(year)).isEmpty();
	}

	private int open(int year) {
		years.add(year);
		cycles.open(new Cycles.OpenCycle(year, null, "坚持政治建警", List.of()), "liuzhiqiang");
		driver.approveAndConfirmUnits(year);
		return year;
	}

}
