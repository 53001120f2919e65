package io.zeren.discipline;

import io.zeren.shared.LivePolicy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.SystemAuthentication;
import io.zeren.notification.Notifications;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;

/**
 * Sanctions a decision imposes, with periods and promotion blocks from policy (zeren.discipline.sanctions). A
 * sanction with a period runs a SanctionTermProcess that lifts it at the end and tells the person and their unit
 * head; revoking or replacing it on appeal cancels that process.
 */
@Service
@Transactional
public class Sanctions {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final SanctionRepository sanctions;

	private final CaseRepository cases;

	private final LivePolicy<SanctionProperties> policy;

	private final LivePolicy<CaseProperties> caseProperties;

	private final DisciplineAudit audit;

	private final RuntimeService runtime;

	private final SystemAuthentication system;

	private final Notifications notifications;

	private final OrganisationDirectory directory;

	private final CaseMessages messages;

	private final DisciplineInstances instances;

	Sanctions(SanctionRepository sanctions, CaseRepository cases, LivePolicy<SanctionProperties> policy,
			LivePolicy<CaseProperties> caseProperties, DisciplineAudit audit, RuntimeService runtime, SystemAuthentication system,
			Notifications notifications, OrganisationDirectory directory, CaseMessages messages,
			DisciplineInstances instances) {
		this.instances = instances;
		this.sanctions = sanctions;
		this.cases = cases;
		this.policy = policy;
		this.caseProperties = caseProperties;
		this.audit = audit;
		this.runtime = runtime;
		this.system = system;
		this.notifications = notifications;
		this.directory = directory;
		this.messages = messages;
	}

	/** Records the sanction an outcome carries (none for criticism, exemption, referral). */
	Optional<Sanction> impose(DisciplineCase c, CaseOutcome outcome, Instant startsAt, String by) {
		if (outcome == null || !outcome.isSanction()) {
			return Optional.empty();
		}
		ZoneId zone = ZoneId.of(caseProperties.current().zone());
		Instant endsAt = plus(startsAt, policy.current().periods().get(outcome.name()), zone);
		Instant blockedUntil = plus(startsAt, policy.current().promotionBlocks().get(outcome.name()), zone);
		Sanction sanction = sanctions.save(new Sanction(c.getId(), c.getLeadId(), c.getSubject(), outcome, startsAt,
				endsAt, blockedUntil, EngineClock.now()));
		audit.changed(by, "SANCTION_IMPOSED", c.getLeadId(), c.getCaseNumber(),
				outcome + " from " + startsAt + (endsAt == null ? ", no period" : " until " + endsAt));
		if (endsAt != null) {
			Map<String, Object> variables = new HashMap<>();
			variables.put(DisciplineProcesses.VAR_LEAD_ID, c.getLeadId());
			variables.put(DisciplineProcesses.VAR_SUBJECT, c.getSubject());
			variables.put(DisciplineProcesses.VAR_CASE_NUMBER, c.getCaseNumber());
			variables.put(CaseProcess.VAR_SANCTION_ID, sanction.getId());
			variables.put(CaseProcess.VAR_ENDS_AT, java.util.Date.from(endsAt));
			instances.start(DisciplineProcesses.SANCTION_TERM,
					DisciplineInstance.Link.sanction(c.getLeadId(), c.getId(), sanction.getId()),
					() -> runtime.createProcessInstanceByKey(DisciplineProcesses.SANCTION_TERM)
						.businessKey(c.getCaseNumber())
						.setVariables(variables)
						.execute());
		}
		return Optional.of(sanction);
	}

	/** The period ran out (SanctionTermProcess): lifted, and the person and their unit head are told. */
	void lift(long sanctionId) {
		Sanction sanction = find(sanctionId);
		Instant now = EngineClock.now();
		if (!sanction.lift(now)) {
			return;
		}
		String caseNumber = caseNumber(sanction);
		audit.changed("system", "SANCTION_LIFTED", sanction.getLeadId(), caseNumber, sanction.getKind().name());
		List<String> recipients = new ArrayList<>();
		recipients.add(sanction.getUsername());
		directory.findStaffInfo(sanction.getUsername())
			.flatMap(person -> directory.head(person.unitCode()))
			.map(StaffInfo::username)
			.filter(head -> !head.equals(sanction.getUsername()))
			.ifPresent(recipients::add);
		String name = directory.findStaffInfo(sanction.getUsername()).map(StaffInfo::fullName)
			.orElse(sanction.getUsername());
		Map<String, Object> model = new HashMap<>();
		model.put("title", messages.text("discipline.sanction.lifted.title", name));
		model.put("text", messages.text("discipline.sanction.lifted.text", name, messages.outcome(sanction.getKind()),
				day(sanction.getStartsAt()), day(now)));
		notifications.enqueue("notice", recipients, model, "discipline-sanction-lifted:" + sanction.getId());
	}

	/** The appeal revoked the decision: its sanctions in force are revoked and their terms cancelled. */
	void revoke(DisciplineCase c, String reason, String by) {
		for (Sanction sanction : inForceOf(c)) {
			end(c, sanction, SanctionStatus.REVOKED, reason, by);
		}
	}

	/**
	 * The appeal changed the decision: the sanctions in force are replaced by the new outcome's (counted from the
	 * original start, since the person has been under sanction since then).
	 */
	void replace(DisciplineCase c, CaseOutcome newOutcome, String reason, String by) {
		Instant startsAt = c.getDecidedAt();
		for (Sanction sanction : inForceOf(c)) {
			startsAt = sanction.getStartsAt();
			end(c, sanction, SanctionStatus.REPLACED, reason, by);
		}
		impose(c, newOutcome, startsAt, by);
	}

	private void end(DisciplineCase c, Sanction sanction, SanctionStatus how, String reason, String by) {
		sanction.end(how, reason, EngineClock.now());
		audit.changed(by, "SANCTION_" + how.name(), c.getLeadId(), c.getCaseNumber(), sanction.getKind() + ": " + reason);
		// The term instance from the system's own record, not from a variable anyone could have set on it.
		instances.instancesOfSanction(sanction.getId()).forEach(instance -> system.run(() -> runtime
			.createMessageCorrelation(CaseProcess.MESSAGE_TERM_CANCELLED)
			.processInstanceId(instance)
			.correlateAllWithResult()));
	}

	private List<Sanction> inForceOf(DisciplineCase c) {
		return sanctions.findByCaseIdOrderById(c.getId())
			.stream()
			.filter(s -> s.getStatus() == SanctionStatus.IN_FORCE)
			.toList();
	}

	// --- reading ------------------------------------------------------------------------------------------

	/** The strictest party or administrative sanction in force at a moment (what caps an assessment grade). */
	@Transactional(readOnly = true)
	public Optional<CaseOutcome> strictest(String username, Instant at) {
		return sanctions.findByUsernameOrderByStartsAtDesc(username)
			.stream()
			.filter(s -> s.getKind().capsGrade() && s.inForceAt(at))
			.map(Sanction::getKind)
			.max(Comparator.comparingInt(CaseOutcome::strictness));
	}

	/**
	 * Whether promotion is barred at a moment, and until when (null = no end: a sanction without a period).
	 */
	@Transactional(readOnly = true)
	public Optional<Optional<Instant>> promotionBlockedUntil(String username, Instant at) {
		Optional<Instant> latest = sanctions.findByUsernameOrderByStartsAtDesc(username)
			.stream()
			.map(s -> s.blocksPromotionUntil(at))
			.flatMap(Optional::stream)
			.max(Comparator.naturalOrder());
		return latest.map(until -> until.equals(Instant.MAX) ? Optional.<Instant>empty() : Optional.of(until));
	}

	@Transactional(readOnly = true)
	List<Sanction.SanctionView> of(String username) {
		return sanctions.findByUsernameOrderByStartsAtDesc(username)
			.stream()
			.map(s -> s.toView(caseNumber(s)))
			.toList();
	}

	@Transactional(readOnly = true)
	List<Sanction> rowsOf(String username) {
		return sanctions.findByUsernameOrderByStartsAtDesc(username);
	}

	@Transactional(readOnly = true)
	List<Sanction.SanctionView> ofCase(long caseId) {
		return sanctions.findByCaseIdOrderById(caseId).stream().map(s -> s.toView(caseNumber(s))).toList();
	}

	String caseNumber(Sanction sanction) {
		return cases.findById(sanction.getCaseId()).map(DisciplineCase::getCaseNumber).orElse(null);
	}

	private Sanction find(long sanctionId) {
		return sanctions.findById(sanctionId)
			.orElseThrow(() -> new NotFoundException(new Msg("discipline.sanction.not-found", sanctionId)));
	}

	private String day(Instant instant) {
		return DAY.format(instant.atZone(ZoneId.of(caseProperties.current().zone())));
	}

	private static Instant plus(Instant start, String period, ZoneId zone) {
		return period == null ? null : start.atZone(zone).plus(term(period)).toInstant();
	}

	/**
	 * A configured term: an ISO-8601 period (P6M, P1Y — what the rules speak in) or, for demonstrations, an
	 * ISO-8601 duration (PT20M).
	 */
	static java.time.temporal.TemporalAmount term(String text) {
		return text.toUpperCase(java.util.Locale.ROOT).startsWith("PT") ? java.time.Duration.parse(text) : Period.parse(text);
	}

}
