package io.zeren.inspection;

import io.zeren.shared.LivePolicy;

import static io.zeren.inspection.RectificationProcess.*;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.calendar.WorkingCalendar;
import io.zeren.identity.SystemAuthentication;
import io.zeren.notification.Notifications;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.TaskNames;

/**
 * Rectifications (整改): one per finding, run by RectificationProcess (business key = finding id). Overdue and
 * failed rectifications are published as {@link RectificationOverdue} and {@link RectificationFailed}, once each.
 */
@Service
@Transactional
public class Rectifications {

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final RectificationRepository rectifications;

	private final FindingRepository findings;

	private final InspectionRepository inspections;

	private final WorkingCalendar calendar;

	private final OrganisationDirectory directory;

	private final Notifications notifications;

	private final RuntimeService runtime;

	private final SystemAuthentication system;

	private final ApplicationEventPublisher events;

	private final LivePolicy<InspectionProperties> properties;

	private final InspectionMessages messages;

	Rectifications(RectificationRepository rectifications, FindingRepository findings, InspectionRepository inspections,
			WorkingCalendar calendar, OrganisationDirectory directory, Notifications notifications, RuntimeService runtime,
			SystemAuthentication system, ApplicationEventPublisher events, LivePolicy<InspectionProperties> properties,
			InspectionMessages messages) {
		this.rectifications = rectifications;
		this.findings = findings;
		this.inspections = inspections;
		this.calendar = calendar;
		this.directory = directory;
		this.notifications = notifications;
		this.runtime = runtime;
		this.system = system;
		this.events = events;
		this.properties = properties;
		this.messages = messages;
	}

	/**
	 * A finding was recorded: its rectification is due at the end of the deadline day (moved to the next
	 * working day if that is a day off), the responsible person gets a notice, and the process starts.
	 */
	/** How many rectifications a person answered for in a year ran overdue or failed: the assessment reads it. */
	@Transactional(readOnly = true)
	public int failedOrOverdue(String username, int year) {
		return (int) rectifications.countFailedOrOverdue(username, year);
	}

	Rectification open(Finding finding, Inspection inspection, String responsible) {
		ZoneId zone = ZoneId.of(properties.current().zone());
		Instant deadlineAt = calendar.nextWorkingMoment(Inspections.endOfDay(finding.getDeadline(), zone));
		Rectification rectification = rectifications.save(new Rectification(finding.getId(), responsible, deadlineAt));
		String unitName = directory.unit(finding.getUnitCode()).name();
		String deadlineText = DAY_TIME.format(deadlineAt.atZone(zone));

		Map<String, Object> notice = new HashMap<>();
		notice.put("title", messages.text("inspection.notice.finding.title", unitName));
		notice.put("text", messages.text("inspection.notice.finding.text", inspection.getTitle(),
				finding.getDescription(), finding.getRequirement(), deadlineText));
		notifications.enqueue("notice", List.of(responsible), notice, "finding:" + finding.getId());

		Map<String, Object> variables = new HashMap<>();
		variables.put(VAR_FINDING_ID, finding.getId());
		variables.put(VAR_RESPONSIBLE, responsible);
		variables.put(VAR_INSPECTORS, inspection.inspectorList());
		variables.put(VAR_DEADLINE_AT, Date.from(deadlineAt));
		variables.put(VAR_DEADLINE_TEXT, deadlineText);
		variables.put(VAR_UNIT_NAME, unitName);
		variables.putAll(TaskNames.context(inspection.getYear(), unitName, null));
		variables.put(VAR_DESCRIPTION, finding.getDescription());
		variables.put(VAR_REQUIREMENT, finding.getRequirement());
		variables.put(VAR_REJECTIONS, 0);
		variables.put(VAR_LAST_REJECTION, null);
		system.run(() -> runtime.createProcessInstanceByKey(KEY)
			.businessKey(String.valueOf(finding.getId()))
			.setVariables(variables)
			.execute());
		return rectification;
	}

	// --- steps of RectificationProcess ----------------------------------------------------------------

	void submitPlan(Long findingId, String plan) {
		messages.failIfAny(required(plan, "inspection.rectification.plan-required"));
		find(findingId).plan(plan.trim(), EngineClock.now());
	}

	void submitEvidence(Long findingId, String note, String by) {
		messages.failIfAny(required(note, "inspection.rectification.evidence-required"));
		find(findingId).submitEvidence(note.trim(), by, EngineClock.now());
	}

	/**
	 * The inspector's verdict: accept, reject (with a reason) or, once the rectification is overdue or failed,
	 * close it as failed (with a reason).
	 * @return accepted, rejected, failed (this rejection exceeded the limit) or closedFailed
	 */
	String verify(Long findingId, String verdict, String reason, String by) {
		Rectification rectification = find(findingId);
		List<Msg> problems = new ArrayList<>();
		if (!List.of(VERDICT_ACCEPT, VERDICT_REJECT, VERDICT_CLOSE_FAILED).contains(String.valueOf(verdict))) {
			problems.add(new Msg("inspection.verdict.required"));
		}
		else if (!VERDICT_ACCEPT.equals(verdict) && Inspections.isBlank(reason)) {
			problems.add(new Msg("inspection.verdict.reason-required"));
		}
		if (VERDICT_CLOSE_FAILED.equals(verdict) && !rectification.isOverdue() && !rectification.isFailed()) {
			problems.add(new Msg("inspection.verdict.close-failed-too-early"));
		}
		messages.failIfAny(problems);
		Instant now = EngineClock.now();
		return switch (verdict) {
			case VERDICT_ACCEPT -> {
				rectification.accept(by, now);
				yield OUTCOME_ACCEPTED;
			}
			case VERDICT_REJECT -> rectification.reject(reason.trim(), by, now, properties.current().maxRejections())
					? OUTCOME_FAILED : OUTCOME_REJECTED;
			default -> {
				rectification.closeAsFailed(reason.trim(), by, now);
				yield OUTCOME_CLOSED_FAILED;
			}
		};
	}

	/** The deadline passed before accepted evidence: publish once, however often the timer fires. */
	void recordOverdue(Long findingId) {
		Rectification rectification = find(findingId);
		if (rectification.markOverdue()) {
			Finding finding = finding(findingId);
			String reason = messages.text("inspection.event.overdue",
					DAY_TIME.format(rectification.getDeadlineAt().atZone(ZoneId.of(properties.current().zone()))));
			events.publishEvent(new RectificationOverdue(findingId, finding.getUnitCode(), rectification.getResponsible(),
					finding.getYear(), reason, EngineClock.now()));
		}
	}

	/** Rejected once too often, or closed as failed: publish once. */
	void recordFailure(Long findingId) {
		Rectification rectification = find(findingId);
		if (rectification.markFailed()) {
			Finding finding = finding(findingId);
			String reason = rectification.getState() == Rectification.State.CLOSED_FAILED
					? messages.text("inspection.event.closed-failed")
					: messages.text("inspection.event.failed", rectification.getRejections(), properties.current().maxRejections(),
							String.valueOf(rectification.lastRejectionReason()));
			events.publishEvent(new RectificationFailed(findingId, finding.getUnitCode(), rectification.getResponsible(),
					finding.getYear(), reason, EngineClock.now()));
		}
	}

	/**
	 * The rectification ended (accepted or closed as failed). The last one of an inspection whose findings
	 * are all recorded closes the inspection and lets MidYearInspectionProcess end.
	 */
	void closed(Long findingId) {
		Finding finding = finding(findingId);
		Inspection inspection = inspections.findById(finding.getInspectionId()).orElseThrow();
		if (inspection.isRectifying() && rectifications.countOpenOf(inspection.getId()) == 0) {
			inspection.close(EngineClock.now());
			system.run(() -> runtime.createMessageCorrelation(MidYearInspectionProcess.MESSAGE_ALL_RECTIFIED)
				.processInstanceBusinessKey(String.valueOf(inspection.getId()))
				.correlateAllWithResult());
		}
	}

	String lastRejectionReason(Long findingId) {
		return find(findingId).lastRejectionReason();
	}

	int rejections(Long findingId) {
		return find(findingId).getRejections();
	}

	// --- reading --------------------------------------------------------------------------------------------

	/** Their own for everyone, their unit's (and below) for unit heads, all for the inspection team. */
	List<Rectification.RectificationView> visible(Integer year, Caller caller, java.util.Set<String> headedUnits) {
		List<Rectification> found = rectifications.findVisible(year, caller.seesAll(), caller.username(), headedUnits);
		Map<Long, Finding> byId = findings.findByIdIn(found.stream().map(Rectification::getFindingId).toList())
			.stream()
			.collect(Collectors.toMap(Finding::getId, Function.identity()));
		return found.stream().map(r -> r.toView(byId.get(r.getFindingId()))).toList();
	}

	/**
	 * For a task's story (the workflow module has checked the viewer may see the task): the rectification of one
	 * finding, or those a person answers for or is named in during a year.
	 */
	Optional<Rectification.RectificationView> ofFinding(Long findingId) {
		return rectifications.findById(findingId).flatMap(r -> findings.findById(findingId).map(r::toView));
	}

	List<Rectification.RectificationView> ofPerson(String username, int year) {
		List<Rectification> found = rectifications.findVisible(year, false, username, java.util.Set.of(""));
		Map<Long, Finding> byId = findings.findByIdIn(found.stream().map(Rectification::getFindingId).toList())
			.stream()
			.collect(Collectors.toMap(Finding::getId, Function.identity()));
		return found.stream().map(r -> r.toView(byId.get(r.getFindingId()))).toList();
	}

	Rectification.RectificationView detail(Long findingId, Caller caller, java.util.Set<String> headedUnits) {
		Rectification rectification = find(findingId);
		Finding finding = finding(findingId);
		boolean visible = caller.seesAll() || caller.username().equals(rectification.getResponsible())
				|| caller.username().equals(finding.getPersonUsername()) || headedUnits.contains(finding.getUnitCode());
		if (!visible) {
			throw new AccessDeniedException("Not yours, not your unit's");
		}
		return rectification.toView(finding);
	}

	private Rectification find(Long findingId) {
		return rectifications.findById(findingId)
			.orElseThrow(() -> new NotFoundException(new Msg("inspection.rectification.not-found", findingId)));
	}

	private Finding finding(Long findingId) {
		return findings.findById(findingId)
			.orElseThrow(() -> new NotFoundException(new Msg("inspection.rectification.not-found", findingId)));
	}

	private static List<Msg> required(String text, String code) {
		return Inspections.isBlank(text) ? List.of(new Msg(code)) : List.of();
	}

}
