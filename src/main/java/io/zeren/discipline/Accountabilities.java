package io.zeren.discipline;

import io.zeren.shared.LivePolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.calendar.WorkingCalendar;
import io.zeren.identity.SystemAuthentication;
import io.zeren.notification.Notifications;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.PeopleChoices;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.FormRows;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;

/**
 * Accountability (问责): grounds are counted per unit, kind and year and open a matter at the policy threshold
 * (at most one open matter per unit, kind and year); the responsible leaders come from the supervisor chain; the
 * steps of AccountabilityProcess record the investigation, the decision, each leader's response, the appeal
 * decisions and the closing. Every change is on the discipline audit trail (lead id null, ref = the number).
 */
@Service
@Transactional
public class Accountabilities {

	private static final Logger LOG = LoggerFactory.getLogger(Accountabilities.class);

	static final String CONCLUSION_ACCOUNTABLE = "accountable";

	static final String CONCLUSION_NONE = "none";

	static final int MAX_REPORT = 1000;

	static final int MAX_REASON = 500;

	static final String LEAD_SOURCE = "REFERRAL";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final AccountabilityMatterRepository matters;

	private final AccountabilityGroundRepository grounds;

	private final OrganisationDirectory directory;

	private final CaseNumbers numbers;

	private final DisciplineAudit audit;

	private final RuntimeService runtime;

	private final SystemAuthentication system;

	private final WorkingCalendar calendar;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final LivePolicy<AccountabilityProperties> properties;

	private final MessageSource messages;

	private final DisciplineInstances instances;

	Accountabilities(AccountabilityMatterRepository matters, AccountabilityGroundRepository grounds,
			OrganisationDirectory directory, CaseNumbers numbers, DisciplineAudit audit, RuntimeService runtime,
			SystemAuthentication system, WorkingCalendar calendar, Notifications notifications,
			ApplicationEventPublisher events, LivePolicy<AccountabilityProperties> properties, MessageSource messages,
			DisciplineInstances instances) {
		this.instances = instances;
		this.matters = matters;
		this.grounds = grounds;
		this.directory = directory;
		this.numbers = numbers;
		this.audit = audit;
		this.runtime = runtime;
		this.system = system;
		this.calendar = calendar;
		this.notifications = notifications;
		this.events = events;
		this.properties = properties;
		this.messages = messages;
	}

	// --- grounds and opening ----------------------------------------------------------------------------

	/** Records a ground once per (kind, source); false if it was recorded before. */
	public boolean recordGround(AccountabilityGround kind, String sourceRef, String unitCode, int year, String detail) {
		if (grounds.existsByGroundKindAndSourceRef(kind, sourceRef)) {
			return false;
		}
		grounds.saveAndFlush(new AccountabilityGroundEvent(kind, sourceRef, unitCode, year, detail, EngineClock.now()));
		return true;
	}

	/**
	 * Looks at the pending grounds of a kind for a unit and year: they join the open matter, open one at the
	 * threshold, or wait. {@code person} names the leader a personal ground is about (the incompetent head).
	 */
	public Optional<Long> consider(AccountabilityGround kind, String unitCode, int year, String person) {
		List<AccountabilityGroundEvent> pending = grounds.pending(kind, unitCode, year);
		Optional<AccountabilityMatter> open = matters.findByOpenKey(AccountabilityMatter.openKey(unitCode, kind, year));
		GroundPolicy.Action action = GroundPolicy.decide(pending.size(), open.isPresent(), threshold(kind));
		switch (action) {
			case JOIN -> {
				AccountabilityMatter matter = open.get();
				pending.forEach(ground -> ground.joined(matter.getId()));
				audit.changed("system", "ACCOUNTABILITY_GROUND_ADDED", null, matter.getNumber(),
						pending.stream().map(AccountabilityGroundEvent::getDetail).collect(Collectors.joining("；")));
				return Optional.of(matter.getId());
			}
			case OPEN -> {
				List<ResponsibleLeaders.Leader> leaders = person == null
						? ResponsibleLeaders.ofUnit(directory, unitCode, properties.current().chainLevels())
							.orElseThrow(() -> new RuleViolationException(new Msg("discipline.accountability.no-leader", unitCode)))
						: ResponsibleLeaders.ofPerson(directory, person, 1);
				String detail = text(new Msg("discipline.accountability.ground." + kind.name(), String.valueOf(year), pending.size()))
						+ "：" + pending.stream().map(AccountabilityGroundEvent::getDetail).collect(Collectors.joining("；"));
				AccountabilityMatter matter = open(kind, unitCode, year, detail, leaders, "system");
				pending.forEach(ground -> ground.joined(matter.getId()));
				return Optional.of(matter.getId());
			}
			default -> {
				return Optional.empty();
			}
		}
	}

	/** The discipline office opens a matter on a unit by hand, for the reasons it states. */
	public long openManual(String unitCode, Integer year, String detail, String by) {
		List<Msg> problems = new ArrayList<>();
		if (unitCode == null || unitCode.isBlank() || directory.units().stream().noneMatch(u -> u.code().equals(unitCode.strip()))) {
			problems.add(new Msg("discipline.accountability.unit-unknown", String.valueOf(unitCode)));
		}
		requireText(detail, "discipline.accountability.detail-required", MAX_REASON * 2, problems);
		failIfAny(problems);
		String unit = unitCode.strip();
		int inYear = year == null ? LocalDate.ofInstant(EngineClock.now(), ZoneId.of(properties.current().zone())).getYear() : year;
		List<ResponsibleLeaders.Leader> leaders = ResponsibleLeaders.ofUnit(directory, unit, properties.current().chainLevels())
			.orElseThrow(() -> new RuleViolationException(new Msg("discipline.accountability.no-leader", unit)));
		AccountabilityMatter matter = open(AccountabilityGround.MANUAL, unit, inYear, detail.strip(), leaders, by);
		AccountabilityGroundEvent ground = grounds.saveAndFlush(new AccountabilityGroundEvent(AccountabilityGround.MANUAL,
				"manual:" + matter.getNumber(), unit, inYear, detail.strip(), EngineClock.now()));
		ground.joined(matter.getId());
		return matter.getId();
	}

	private AccountabilityMatter open(AccountabilityGround kind, String unitCode, int year, String detail,
			List<ResponsibleLeaders.Leader> leaders, String by) {
		Instant now = EngineClock.now();
		AccountabilityMatter matter = matters.saveAndFlush(new AccountabilityMatter(numbers.next("accountability"),
				unitCode, kind, detail, year, leaders, by, now));
		audit.changed(by, "ACCOUNTABILITY_OPENED", null, matter.getNumber(), kind.name() + " " + unitCode + " " + year
				+ "; leaders " + String.join(", ", matter.leaderNames()) + "; " + detail);

		Map<String, Object> variables = new HashMap<>();
		variables.put(DisciplineProcesses.VAR_SUBJECT, matter.getPrincipal());
		variables.put(DisciplineProcesses.VAR_CASE_NUMBER, matter.getNumber());
		variables.put(AccountabilityFlow.VAR_ID, matter.getId());
		variables.put(AccountabilityFlow.VAR_UNIT_NAME, directory.unit(unitCode).name());
		variables.put(AccountabilityFlow.VAR_GROUND_TEXT, matter.getGroundDetail());
		variables.put(AccountabilityFlow.VAR_LEADERS_TEXT, leadersText(matter));
		variables.put(AccountabilityFlow.VAR_PROPOSED_MEASURES,
				FormRows.json(MeasureRows.rows(matter.leaderNames(), Map.of())));
		variables.put(AccountabilityFlow.VAR_LEADER_CHOICES, FormRows.json(leaderChoices(matter)));
		instances.start(DisciplineProcesses.ACCOUNTABILITY,
				DisciplineInstance.Link.matter(matter.getId(), matter.getPrincipal()),
				() -> runtime.createProcessInstanceByKey(DisciplineProcesses.ACCOUNTABILITY)
					.businessKey(matter.getNumber())
					.setVariables(variables)
					.execute());
		LOG.info("Accountability {} opened on {} ({} {}), leaders {}", matter.getNumber(), unitCode, kind, year,
				matter.leaderNames());
		return matter;
	}

	private int threshold(AccountabilityGround kind) {
		return switch (kind) {
			case RECTIFICATIONS -> properties.current().rectificationThreshold();
			case CASES -> properties.current().caseThreshold();
			case INCOMPETENT_HEAD, MANUAL -> 1;
		};
	}

	// --- steps of AccountabilityProcess -------------------------------------------------------------------

	/** 问责调查: report and proposed measures, or no accountability with a reason. */
	public Investigated investigate(long id, String by, Object conclusion, String report, Object proposedOrg,
			List<MeasureRows.Row> proposedRows, String noReason) {
		AccountabilityMatter matter = inStatus(id, AccountabilityMatter.Status.INVESTIGATING);
		List<Msg> problems = new ArrayList<>();
		requireText(report, "discipline.accountability.report-required", MAX_REPORT, problems);
		Instant now = EngineClock.now();
		if (CONCLUSION_NONE.equals(conclusion)) {
			requireText(noReason, "discipline.accountability.no-accountability-reason", MAX_REASON, problems);
			failIfAny(problems);
			matter.notAccountable(report.strip(), noReason.strip(), by, now);
			audit.changed(by, "ACCOUNTABILITY_NOT_ACCOUNTABLE", null, matter.getNumber(), noReason.strip());
			return new Investigated(false, null, List.of());
		}
		if (!CONCLUSION_ACCOUNTABLE.equals(conclusion)) {
			problems.add(new Msg("discipline.accountability.conclusion-required"));
		}
		Optional<OrganisationMeasure> org = OrganisationMeasure.parse(proposedOrg);
		if (org.isEmpty()) {
			problems.add(new Msg("discipline.accountability.org-measure-required"));
		}
		MeasureRows.Parsed lines = MeasureRows.check(proposedRows, matter.leaderNames(), this::personName, MAX_REASON);
		problems.addAll(lines.problems());
		failIfAny(problems);
		String canonical = MeasureRows.format(matter.leaderNames(), lines.lines());
		matter.investigated(report.strip(), org.get(), canonical, by, now);
		audit.changed(by, "ACCOUNTABILITY_INVESTIGATED", null, matter.getNumber(),
				"proposed " + org.get().name() + "; " + canonical);
		return new Investigated(true, org.get().name(), MeasureRows.rows(matter.leaderNames(), lines.lines()));
	}

	/** 问责决定: the organisation's measure and each leader's, every one with its reason. */
	public Decided decide(long id, String by, Object organisationMeasure, String organisationReason,
			List<MeasureRows.Row> leaderRows) {
		AccountabilityMatter matter = inStatus(id, AccountabilityMatter.Status.DECIDING);
		List<Msg> problems = new ArrayList<>();
		Optional<OrganisationMeasure> org = OrganisationMeasure.parse(organisationMeasure);
		if (org.isEmpty()) {
			problems.add(new Msg("discipline.accountability.org-measure-required"));
		}
		requireText(organisationReason, "discipline.accountability.org-reason-required", MAX_REASON, problems);
		if (matter.leaderNames().contains(by)) {
			problems.add(new Msg("discipline.accountability.decider-is-leader", by));
		}
		MeasureRows.Parsed lines = MeasureRows.check(leaderRows, matter.leaderNames(), this::personName, MAX_REASON);
		problems.addAll(lines.problems());
		failIfAny(problems);
		Instant now = EngineClock.now();
		Instant due = calendar.plus(now, properties.current().objectionWindow());
		matter.decided(org.get(), organisationReason.strip(), by, now, due);
		for (AccountableLeader leader : matter.getLeaders()) {
			MeasureRows.Line line = lines.lines().get(leader.getUsername());
			leader.decided(line.measure(), line.reason(), now);
		}
		audit.changed(by, "ACCOUNTABILITY_DECIDED", null, matter.getNumber(), org.get().name() + ": "
				+ organisationReason.strip() + "; " + MeasureRows.format(matter.leaderNames(), lines.lines()));
		return new Decided(Date.from(due), !recipients(matter).isEmpty());
	}

	/** Leaders the decision is delivered to: those with a measure. */
	@Transactional(readOnly = true)
	public List<String> recipients(long id) {
		return recipients(find(id));
	}

	private static List<String> recipients(AccountabilityMatter matter) {
		return matter.getLeaders().stream().filter(leader -> leader.getDeliveredAt() != null)
			.map(AccountableLeader::getUsername).toList();
	}

	@Transactional(readOnly = true)
	public String decisionTitle(long id) {
		AccountabilityMatter matter = find(id);
		return text(new Msg("discipline.accountability.decision.title", directory.unit(matter.getUnitCode()).name()));
	}

	/** What the leader reads in their own task: the grounds, the decisions, no internal report. */
	@Transactional(readOnly = true)
	public String decisionContent(long id, String username) {
		AccountabilityMatter matter = find(id);
		AccountableLeader leader = leader(matter, username);
		ZoneId zone = ZoneId.of(properties.current().zone());
		return text(new Msg("discipline.accountability.decision.content", directory.unit(matter.getUnitCode()).name(),
				matter.getGroundDetail(), matter.getOrganisationMeasure().label(), matter.getOrganisationReason(),
				leader.getMeasure().label(), leader.getMeasureReason(), DAY.format(matter.getObjectionDueAt().atZone(zone))));
	}

	/** A leader signed for the decision, appealing or not. */
	public void responded(long id, String username, Object appeal, Object appealReason) {
		AccountabilityMatter matter = find(id);
		AccountableLeader leader = leader(matter, username);
		boolean appealing = "yes".equals(appeal);
		String reason = appealReason == null ? null : appealReason.toString().strip();
		leader.responded(appealing, reason, EngineClock.now());
		audit.changed(username, appealing ? "ACCOUNTABILITY_APPEALED" : "ACCOUNTABILITY_ACKNOWLEDGED", null,
				matter.getNumber(), appealing ? reason : null);
	}

	/** The objection window ended: whoever has not signed lost the chance to appeal. */
	public void windowLapsed(long id) {
		AccountabilityMatter matter = find(id);
		List<String> lapsed = matter.getLeaders().stream().filter(AccountableLeader::lapse)
			.map(AccountableLeader::getUsername).toList();
		audit.changed("system", "ACCOUNTABILITY_WINDOW_LAPSED", null, matter.getNumber(),
				lapsed.isEmpty() ? null : "not signed: " + String.join(", ", lapsed));
	}

	/** Leaders whose appeal waits for the leadership. */
	public List<String> appellants(long id) {
		AccountabilityMatter matter = find(id);
		List<String> appellants = matter.getLeaders().stream().filter(AccountableLeader::awaitsAppealDecision)
			.map(AccountableLeader::getUsername).toList();
		if (!appellants.isEmpty()) {
			matter.appealsUnderReview();
		}
		return appellants;
	}

	@Transactional(readOnly = true)
	public String appealText(long id, String username) {
		AccountabilityMatter matter = find(id);
		AccountableLeader leader = leader(matter, username);
		String name = directory.findStaffInfo(username).map(StaffInfo::fullName).orElse(username);
		return text(new Msg("discipline.accountability.appeal.text", name, username, leader.getMeasure().label(),
				leader.getMeasureReason(), leader.getAppealReason()));
	}

	/** 问责申诉复查: uphold, change (to another measure) or revoke one leader's measure, with a reason. */
	public void reviewAppeal(long id, String username, String by, Object outcome, Object newMeasure, String reason) {
		AccountabilityMatter matter = inStatus(id, AccountabilityMatter.Status.APPEAL_REVIEW);
		AccountableLeader leader = leader(matter, username);
		List<Msg> problems = new ArrayList<>();
		Optional<AccountableLeader.AppealOutcome> decided = AccountableLeader.AppealOutcome.parse(outcome);
		Optional<LeaderMeasure> measure = LeaderMeasure.parse(newMeasure);
		if (!leader.awaitsAppealDecision()) {
			problems.add(new Msg("discipline.accountability.appeal-not-pending", username));
		}
		if (decided.isEmpty()) {
			problems.add(new Msg("discipline.accountability.appeal-outcome-required"));
		}
		else if (decided.get() == AccountableLeader.AppealOutcome.CHANGE
				&& (measure.isEmpty() || measure.get() == leader.getMeasure() || measure.get() == LeaderMeasure.NONE)) {
			problems.add(new Msg("discipline.accountability.appeal-measure-required"));
		}
		if (matter.leaderNames().contains(by)) {
			problems.add(new Msg("discipline.accountability.decider-is-leader", by));
		}
		requireText(reason, "discipline.accountability.appeal-note-required", MAX_REASON, problems);
		failIfAny(problems);
		leader.appealDecided(decided.get(), measure.orElse(null), reason.strip(), by, EngineClock.now());
		audit.changed(by, "ACCOUNTABILITY_APPEAL_DECIDED", null, matter.getNumber(),
				username + ": " + decided.get().name() + " → " + leader.getMeasure().name() + "; " + reason.strip());
	}

	/**
	 * The matter is recorded and closed: a leader measured with 纪律处分 is referred to the discipline office as a
	 * lead, and the heads of the leaders' units and the political department are told of the outcome by mail.
	 */
	public void record(long id) {
		AccountabilityMatter matter = find(id);
		if (!matter.isOpen()) {
			return;
		}
		String unitName = directory.unit(matter.getUnitCode()).name();
		for (AccountableLeader leader : matter.getLeaders()) {
			if (leader.getMeasure() == LeaderMeasure.DISCIPLINE) {
				String sourceRef = "accountability:" + matter.getId() + ":" + leader.getUsername();
				events.publishEvent(new LeadReferred(LEAD_SOURCE, sourceRef, leader.getUsername(), leader.getUnitCode(),
						text(new Msg("discipline.accountability.referral", matter.getNumber(), unitName, leader.getMeasureReason())),
						"system"));
				audit.changed("system", "ACCOUNTABILITY_REFERRED", null, matter.getNumber(), sourceRef);
			}
		}
		Set<String> recipients = new LinkedHashSet<>();
		directory.head(matter.getUnitCode()).map(StaffInfo::username).ifPresent(recipients::add);
		matter.getLeaders().forEach(leader -> directory.head(leader.getUnitCode()).map(StaffInfo::username)
			.ifPresent(recipients::add));
		directory.head(directory.roleOwner(properties.current().notifyRole()).code()).map(StaffInfo::username)
			.ifPresent(recipients::add);
		Map<String, Object> model = new HashMap<>();
		model.put("title", text(new Msg("discipline.accountability.notice.title", unitName, matter.getNumber())));
		model.put("text", outcomeText(matter, unitName));
		notifications.enqueue("notice", recipients, model, "accountability:" + matter.getNumber());
		matter.closed(EngineClock.now());
		audit.changed("system", "ACCOUNTABILITY_CLOSED", null, matter.getNumber(), "notified " + String.join(", ", recipients));
	}

	private String outcomeText(AccountabilityMatter matter, String unitName) {
		StringBuilder text = new StringBuilder(text(new Msg("discipline.accountability.notice.text", unitName,
				matter.getNumber(), matter.getGroundDetail(), matter.getOrganisationMeasure().label(),
				matter.getOrganisationReason())));
		for (AccountableLeader leader : matter.getLeaders()) {
			String name = directory.findStaffInfo(leader.getUsername()).map(StaffInfo::fullName).orElse(leader.getUsername());
			text.append('\n').append(text(new Msg("discipline.accountability.notice.leader", name,
					String.valueOf(leader.getPost()), leader.getMeasure().label(), leader.getMeasureReason())));
		}
		return text.toString();
	}

	// --- reading ------------------------------------------------------------------------------------------

	/** Matters in a year or unit (all if null), without those the reader is a responsible leader in. */
	@Transactional(readOnly = true)
	public List<Summary> list(Integer year, String unitCode, String reader) {
		return matters.search(year, blankToNull(unitCode)).stream()
			.filter(matter -> !matter.leaderNames().contains(reader))
			.map(this::summary)
			.toList();
	}

	/** One matter with its grounds, leaders, report, decision and appeals. */
	@Transactional(readOnly = true)
	public Detail detail(long id) {
		AccountabilityMatter matter = find(id);
		List<GroundView> groundViews = grounds.findByAccountabilityIdOrderByOccurredAtAscIdAsc(matter.getId()).stream()
			.map(g -> new GroundView(g.getGroundKind().name(), g.getSourceRef(), g.getDetail(), g.getOccurredAt()))
			.toList();
		List<LeaderView> leaders = matter.getLeaders().stream()
			.map(l -> new LeaderView(l.getUsername(), l.getChainLevel(), l.getPost(), l.getUnitCode(),
					name(l.getMeasure()), l.getMeasureReason(), name(l.getDecidedMeasure()), l.getDeliveredAt(),
					l.getAcknowledgedAt(), l.isLapsed(), l.isAppealed(), l.getAppealReason(),
					l.getAppealOutcome() == null ? null : l.getAppealOutcome().name(), l.getAppealNote(), l.getAppealBy(),
					l.getAppealAt()))
			.toList();
		return new Detail(summary(matter), groundViews, leaders, matter.getReport(), name(matter.getProposedOrg()),
				matter.getProposedMeasures(), matter.getNoAccountabilityReason(), matter.getInvestigatedBy(),
				matter.getInvestigatedAt(), name(matter.getOrganisationMeasure()), matter.getOrganisationReason(),
				matter.getDecidedBy(), matter.getDecidedAt(), matter.getObjectionDueAt());
	}

	/** Number and responsible leaders of a matter (for access checks and audit). */
	@Transactional(readOnly = true)
	public Optional<Parties> parties(long id) {
		return matters.findById(id).map(matter -> new Parties(matter.getNumber(), matter.leaderNames()));
	}

	private Summary summary(AccountabilityMatter m) {
		return new Summary(m.getId(), m.getNumber(), m.getUnitCode(), m.getGroundKind().name(), m.getGroundDetail(),
				m.getYear(), m.getStatus().name(), m.getPrincipal(), m.leaderNames(), m.getOpenedBy(), m.getOpenedAt(),
				m.getClosedAt());
	}

	public record Investigated(boolean accountable, String proposedOrganisationMeasure,
			List<MeasureRows.Row> proposedMeasures) {
	}

	public record Decided(Date objectionDueAt, boolean deliver) {
	}

	public record Parties(String number, List<String> leaders) {
	}

	public record Summary(long id, String number, String unitCode, String groundKind, String groundDetail, int year,
			String status, String principal, List<String> leaders, String openedBy, Instant openedAt, Instant closedAt) {
	}

	public record GroundView(String kind, String sourceRef, String detail, Instant occurredAt) {
	}

	public record LeaderView(String username, int chainLevel, String post, String unitCode, String measure,
			String measureReason, String decidedMeasure, Instant deliveredAt, Instant acknowledgedAt, boolean lapsed,
			boolean appealed, String appealReason, String appealOutcome, String appealNote, String appealBy,
			Instant appealAt) {
	}

	public record Detail(Summary matter, List<GroundView> grounds, List<LeaderView> leaders, String report,
			String proposedOrganisationMeasure, String proposedMeasures, String noAccountabilityReason,
			String investigatedBy, Instant investigatedAt, String organisationMeasure, String organisationReason,
			String decidedBy, Instant decidedAt, Instant objectionDueAt) {
	}

	// --- helpers ------------------------------------------------------------------------------------------

	private AccountabilityMatter find(long id) {
		return matters.findById(id)
			.orElseThrow(() -> new NotFoundException(new Msg("discipline.accountability.not-found", String.valueOf(id))));
	}

	private AccountabilityMatter inStatus(long id, AccountabilityMatter.Status status) {
		AccountabilityMatter matter = find(id);
		if (matter.getStatus() != status) {
			throw new RuleViolationException(new Msg("discipline.accountability.wrong-status", matter.getNumber(),
					matter.getStatus().name()));
		}
		return matter;
	}

	private static AccountableLeader leader(AccountabilityMatter matter, String username) {
		return matter.leader(username).orElseThrow(() -> new RuleViolationException(
				new Msg("discipline.accountability.line-not-leader", 0, String.valueOf(username))));
	}

	/** The responsible leaders as a form's select offers them: 姓名（单位·岗位）, submitting the login. */
	private List<FormRows.Choice> leaderChoices(AccountabilityMatter matter) {
		return matter.getLeaders().stream().map(leader -> directory.findStaffInfo(leader.getUsername())
			.map(PeopleChoices::choice)
			.orElse(new FormRows.Choice(leader.getUsername() + "（" + leader.getPost() + "）", leader.getUsername())))
			.toList();
	}

	private String personName(String username) {
		return directory.findStaffInfo(username).map(StaffInfo::fullName).orElse(username);
	}

	private String leadersText(AccountabilityMatter matter) {
		return matter.getLeaders().stream().map(leader -> {
			String name = directory.findStaffInfo(leader.getUsername()).map(StaffInfo::fullName).orElse(leader.getUsername());
			return name + "（" + leader.getPost() + "）";
		}).collect(Collectors.joining("\n"));
	}

	private static void requireText(String text, String code, int max, List<Msg> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new Msg(code));
		}
		else if (text.strip().length() > max) {
			problems.add(new Msg("discipline.accountability.too-long", String.valueOf(max)));
		}
	}

	/** Refuses with every problem, rendered for the reader so that Tasklist shows it in their language. */
	private void failIfAny(List<Msg> problems) {
		if (!problems.isEmpty()) {
			throw new RuleViolationException(problems, String.join("；",
					problems.stream().map(problem -> problem.render(messages, Locales.current())).toList()));
		}
	}

	/** Stored and mailed text: in the product's default language. */
	private String text(Msg msg) {
		return msg.render(messages, Locales.DEFAULT);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
