package io.zeren.inspection;

import io.zeren.shared.LivePolicy;

import static io.zeren.inspection.ProgressSelfReportProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.GroupIds;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.organisation.UnitRole;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.TaskNames;

/**
 * Mid-year progress self-reports (年中自评): one per active staff member and year, each run by its own
 * ProgressSelfReportProcess. The kick-off starts them in batches, each batch in its own transaction, and
 * skips whoever already has one: re-running it after a crash or for staff who joined later starts only the
 * missing ones, and the unique (year, username) constraint stops a concurrent run from doubling any.
 */
@Service
public class SelfReports {

	private static final Logger log = LoggerFactory.getLogger(SelfReports.class);

	/** How the kick-off went: staff in scope, processes started now, reports that already existed. */
	record KickOff(int year, String unitCode, int staff, int started, int existing) {
	}

	private final SelfReportRepository reports;

	private final OrganisationDirectory directory;

	private final RuntimeService runtime;

	private final SystemAuthentication system;

	private final LivePolicy<InspectionProperties> properties;

	private final InspectionMessages messages;

	private final TransactionTemplate ownTransaction;

	private final TransactionTemplate transaction;

	SelfReports(SelfReportRepository reports, OrganisationDirectory directory, RuntimeService runtime,
			SystemAuthentication system, LivePolicy<InspectionProperties> properties, InspectionMessages messages,
			PlatformTransactionManager transactions) {
		this.reports = reports;
		this.directory = directory;
		this.runtime = runtime;
		this.system = system;
		this.properties = properties;
		this.messages = messages;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Starts the self-reports of every active staff member (of one unit and its sub-units, if given). */
	KickOff start(int year, String unitCode, Caller caller) {
		if (!caller.mayStartSelfReports()) {
			throw new AccessDeniedException("Only the political department starts self-reports");
		}
		List<Msg> problems = new ArrayList<>();
		if (year < 2000 || year > 2999) {
			problems.add(new Msg("inspection.year.invalid", String.valueOf(year)));
		}
		if (unitCode != null && directory.units().stream().noneMatch(unit -> unit.code().equals(unitCode))) {
			problems.add(new Msg("inspection.unit.unknown", unitCode));
		}
		messages.failIfAny(problems);

		Map<String, StaffInfo> staff = new LinkedHashMap<>();
		List<String> roots = unitCode != null ? List.of(unitCode)
				: directory.units().stream().filter(unit -> unit.parentCode() == null).map(UnitInfo::code).toList();
		roots.forEach(root -> directory.members(root, true).forEach(member -> staff.put(member.username(), member)));

		Set<String> existing = reports.usernamesOf(year);
		List<StaffInfo> missing = staff.values().stream().filter(member -> !existing.contains(member.username())).toList();
		int batchSize = Math.max(1, properties.current().selfReportBatchSize());
		int started = 0;
		for (int from = 0; from < missing.size(); from += batchSize) {
			List<StaffInfo> batch = missing.subList(from, Math.min(missing.size(), from + batchSize));
			started += ownTransaction.execute(status -> startBatch(year, batch));
			log.info("Self-reports {}: started {} of {}", year, started, missing.size());
		}
		return new KickOff(year, unitCode, staff.size(), started, staff.size() - missing.size());
	}

	private int startBatch(int year, List<StaffInfo> batch) {
		Set<String> existing = reports.usernamesOf(year);
		int started = 0;
		for (StaffInfo member : batch) {
			if (existing.contains(member.username())) {
				continue;
			}
			SelfReport report = reports.save(new SelfReport(year, member.username(), member.unitCode(), EngineClock.now()));
			Map<String, Object> variables = new HashMap<>();
			variables.put(VAR_REPORT_ID, report.getId());
			variables.put(VAR_USERNAME, member.username());
			variables.put(VAR_FULL_NAME, member.fullName());
			variables.put(VAR_YEAR, year);
			variables.putAll(TaskNames.context(year, member.unitName(), member.fullName()));
			variables.put(VAR_REVIEWER_GROUP, reviewerGroup(member));
			system.run(() -> runtime.createProcessInstanceByKey(KEY)
				.businessKey(year + ":" + member.username())
				.setVariables(variables)
				.execute());
			started++;
		}
		return started;
	}

	/** The head of the member's unit; for a head, the head of the unit above; at the top, the leadership. */
	private String reviewerGroup(StaffInfo member) {
		if (member.unitRole() != UnitRole.HEAD) {
			return GroupIds.head(member.unitCode());
		}
		String parent = directory.unit(member.unitCode()).parentCode();
		return parent == null ? GroupIds.role("LEADERSHIP") : GroupIds.head(parent);
	}

	// --- steps of ProgressSelfReportProcess ---------------------------------------------------------------

	void submit(Long reportId, String text) {
		transaction.executeWithoutResult(status -> {
			List<Msg> problems = new ArrayList<>();
			if (Inspections.isBlank(text)) {
				problems.add(new Msg("inspection.self-report.text-required"));
			}
			else if (text.length() > 4000) {
				problems.add(new Msg("inspection.finding.too-long", 4000));
			}
			messages.failIfAny(problems);
			find(reportId).submit(text.trim(), EngineClock.now());
		});
	}

	void review(Long reportId, String outcome, String comment, String by) {
		transaction.executeWithoutResult(status -> {
			List<Msg> problems = new ArrayList<>();
			if (!OUTCOME_ACCEPT.equals(outcome) && !OUTCOME_RETURN.equals(outcome)) {
				problems.add(new Msg("inspection.self-report.outcome-required"));
			}
			else if (OUTCOME_RETURN.equals(outcome) && Inspections.isBlank(comment)) {
				problems.add(new Msg("inspection.self-report.comment-required"));
			}
			messages.failIfAny(problems);
			find(reportId).review(OUTCOME_ACCEPT.equals(outcome) ? SelfReport.Outcome.ACCEPTED : SelfReport.Outcome.RETURNED,
					Inspections.isBlank(comment) ? null : comment.trim(), by, EngineClock.now());
		});
	}

	// --- reading ------------------------------------------------------------------------------------------

	List<SelfReport.SelfReportView> visible(int year, Caller caller, Set<String> headedUnits) {
		boolean all = caller.isAdmin() || caller.groups().contains(Caller.POLITICAL);
		return transaction.execute(status -> reports.findVisible(year, all, caller.username(), headedUnits)
			.stream()
			.map(SelfReport::toView)
			.toList());
	}

	private SelfReport find(Long id) {
		return reports.findById(id)
			.orElseThrow(() -> new NotFoundException(new Msg("inspection.self-report.not-found", id)));
	}

}
