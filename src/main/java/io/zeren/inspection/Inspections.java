package io.zeren.inspection;

import io.zeren.shared.LivePolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.calendar.WorkingCalendar;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.PeopleChoices;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.shared.FormRows;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.TaskNames;

/**
 * Inspections and their findings: the inspection team opens an inspection of a unit, records findings (over
 * REST or in Tasklist, one at a time), and each finding starts its rectification at once.
 */
@Service
@Transactional
public class Inspections {

	/** What the inspection team sends to open an inspection. */
	record NewInspection(Integer year, String unitCode, String title, LocalDate startsOn, LocalDate endsOn,
			List<String> inspectors) {
	}

	/** One finding: target UNIT or PERSON (with username), severity MINOR, MAJOR or SERIOUS, deadline optional. */
	record NewFinding(String target, String username, String description, String severity, String requirement,
			LocalDate deadline) {
	}

	private static final String INSPECTION_ROLE = "INSPECTION";

	private final InspectionRepository inspections;

	private final FindingRepository findings;

	private final RectificationRepository rectificationRows;

	private final Rectifications rectifications;

	private final OrganisationDirectory directory;

	private final WorkingCalendar calendar;

	private final RuntimeService runtime;

	private final SystemAuthentication system;

	private final LivePolicy<InspectionProperties> properties;

	private final InspectionMessages messages;

	Inspections(InspectionRepository inspections, FindingRepository findings, RectificationRepository rectificationRows,
			Rectifications rectifications, OrganisationDirectory directory, WorkingCalendar calendar,
			RuntimeService runtime, SystemAuthentication system, LivePolicy<InspectionProperties> properties,
			InspectionMessages messages) {
		this.inspections = inspections;
		this.findings = findings;
		this.rectificationRows = rectificationRows;
		this.rectifications = rectifications;
		this.directory = directory;
		this.calendar = calendar;
		this.runtime = runtime;
		this.system = system;
		this.properties = properties;
		this.messages = messages;
	}

	// --- opening an inspection ------------------------------------------------------------------------

	Inspection.InspectionView open(NewInspection request, Caller caller) {
		requireInspector(caller);
		List<Msg> problems = new ArrayList<>();
		if (request.year() == null || request.year() < 2000 || request.year() > 2999) {
			problems.add(new Msg("inspection.year.invalid", String.valueOf(request.year())));
		}
		Optional<UnitInfo> unit = activeUnit(request.unitCode(), problems);
		if (request.startsOn() == null || request.endsOn() == null) {
			problems.add(new Msg("inspection.dates.required"));
		}
		else if (request.endsOn().isBefore(request.startsOn())) {
			problems.add(new Msg("inspection.dates.order", request.startsOn(), request.endsOn()));
		}
		List<String> inspectors = request.inspectors() == null ? new ArrayList<>()
				: new ArrayList<>(new LinkedHashSet<>(request.inspectors().stream()
					.filter(name -> name != null && !name.isBlank())
					.map(String::trim)
					.toList()));
		if (inspectors.isEmpty() && !caller.isAdmin()) {
			inspectors.add(caller.username());
		}
		if (inspectors.isEmpty()) {
			problems.add(new Msg("inspection.inspectors.required"));
		}
		for (String inspector : inspectors) {
			boolean onTeam = directory.membership(inspector)
				.filter(member -> member.staff().active())
				.map(member -> member.roleCodes().contains(INSPECTION_ROLE))
				.orElse(false);
			if (!onTeam) {
				problems.add(new Msg("inspection.inspector.not-on-team", inspector));
			}
		}
		messages.failIfAny(problems);

		String title = request.title() == null || request.title().isBlank()
				? messages.text("inspection.title.default", String.valueOf(request.year()), unit.get().name())
				: request.title().trim();
		Inspection inspection = inspections.save(new Inspection(request.year(), unit.get().code(), title,
				request.startsOn(), request.endsOn(), inspectors, caller.username(), EngineClock.now()));
		Map<String, Object> variables = new HashMap<>();
		variables.put(MidYearInspectionProcess.VAR_INSPECTION_ID, inspection.getId());
		variables.put(MidYearInspectionProcess.VAR_INSPECTORS, inspection.inspectorList());
		variables.put(MidYearInspectionProcess.VAR_UNIT_NAME, unit.get().name());
		variables.putAll(TaskNames.context(request.year(), unit.get().name(), null));
		variables.put(MidYearInspectionProcess.VAR_FINDING_COUNT, 0);
		system.run(() -> runtime.createProcessInstanceByKey(MidYearInspectionProcess.KEY)
			.businessKey(String.valueOf(inspection.getId()))
			.setVariables(variables)
			.execute());
		return inspection.toView(List.of());
	}

	// --- cancelling an inspection opened by mistake ------------------------------------------------------------

	/**
	 * Cancels an inspection opened by mistake (the inspection team, who open them): refused once a finding is
	 * recorded (each finding started a rectification someone answers for) or when recording is over. Its
	 * MidYearInspectionProcess is deleted with the reason (its open tasks go with it); the inspection stays, as
	 * CANCELLED, with who cancelled it and why.
	 */
	Inspection.InspectionView cancel(Long inspectionId, String reason, Caller caller) {
		requireInspector(caller);
		Inspection inspection = find(inspectionId);
		List<Msg> problems = new ArrayList<>();
		if (isBlank(reason)) {
			problems.add(new Msg("inspection.cancel.reason-required"));
		}
		else if (reason.strip().length() > 1000) {
			problems.add(new Msg("inspection.finding.too-long", 1000));
		}
		if (!inspection.isRecording()) {
			problems.add(new Msg("inspection.cancel.not-recording", inspection.getTitle()));
		}
		else {
			int recorded = findingCount(inspectionId);
			if (recorded > 0) {
				problems.add(new Msg("inspection.cancel.has-findings", inspection.getTitle(), recorded));
			}
		}
		messages.failIfAny(problems);
		String why = reason.strip();
		system.run(() -> runtime.createProcessInstanceQuery()
			.processDefinitionKey(MidYearInspectionProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(inspectionId))
			.list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "撤销督察检查：" + why)));
		inspection.cancel(caller.username(), why, EngineClock.now());
		return inspection.toView(List.of());
	}

	// --- findings -----------------------------------------------------------------------------------------

	/** Over REST: the inspection team only. */
	Finding.FindingView recordFinding(Long inspectionId, NewFinding request, Caller caller) {
		requireInspector(caller);
		return recordFinding(inspectionId, request, caller.username());
	}

	/**
	 * Validates and records one finding, notifies whoever answers for it and starts its rectification.
	 * Every problem is reported at once and nothing is saved then.
	 */
	Finding.FindingView recordFinding(Long inspectionId, NewFinding request, String recordedBy) {
		Inspection inspection = find(inspectionId);
		List<Msg> problems = new ArrayList<>();
		if (!inspection.isRecording()) {
			problems.add(new Msg("inspection.finding.not-recording", inspectionId, inspection.getStatus()));
		}
		Finding.Target target = parse(Finding.Target.class, request.target(), "inspection.finding.target", problems);
		Finding.Severity severity = parse(Finding.Severity.class, request.severity(), "inspection.finding.severity",
				problems);
		if (isBlank(request.description())) {
			problems.add(new Msg("inspection.finding.description"));
		}
		else if (request.description().length() > 2000) {
			problems.add(new Msg("inspection.finding.too-long", 2000));
		}
		if (isBlank(request.requirement())) {
			problems.add(new Msg("inspection.finding.requirement"));
		}
		else if (request.requirement().length() > 2000) {
			problems.add(new Msg("inspection.finding.too-long", 2000));
		}
		ZoneId zone = ZoneId.of(properties.current().zone());
		LocalDate today = LocalDate.ofInstant(EngineClock.now(), zone);
		LocalDate deadline = request.deadline() != null ? request.deadline()
				: LocalDate.ofInstant(calendar.plus(EngineClock.now(), properties.current().defaultRectificationPeriod()), zone);
		if (deadline.isBefore(today)) {
			problems.add(new Msg("inspection.finding.deadline-past", deadline));
		}
		String unitCode = inspection.getUnitCode();
		String person = null;
		String responsible = null;
		if (target == Finding.Target.UNIT) {
			responsible = directory.head(unitCode).map(StaffInfo::username).orElse(null);
			if (responsible == null) {
				problems.add(new Msg("inspection.finding.no-head", unitCode));
			}
		}
		else if (target == Finding.Target.PERSON) {
			person = request.username() == null ? null : request.username().trim();
			Optional<StaffInfo> staff = isBlank(person) ? Optional.empty()
					: directory.findStaffInfo(person).filter(StaffInfo::active);
			if (staff.isEmpty()) {
				problems.add(new Msg("inspection.finding.person-unknown", String.valueOf(person)));
			}
			else if (!directory.subtree(unitCode).contains(staff.get().unitCode())) {
				problems.add(new Msg("inspection.finding.person-elsewhere", staff.get().fullName(),
						directory.unit(unitCode).name()));
			}
			else {
				unitCode = staff.get().unitCode();
				responsible = person;
			}
		}
		messages.failIfAny(problems);

		Finding finding = findings.save(new Finding(inspection.getId(), inspection.getYear(), target, unitCode, person,
				request.description().trim(), severity, request.requirement().trim(), deadline, recordedBy,
				EngineClock.now()));
		Rectification rectification = rectifications.open(finding, inspection, responsible);
		return finding.toView(rectification);
	}

	List<Finding.FindingView> findingsOf(Long inspectionId, Caller caller) {
		Inspection inspection = find(inspectionId);
		requireVisible(inspection, caller);
		return findingViews(inspection);
	}

	// --- reading --------------------------------------------------------------------------------------------

	List<Inspection.InspectionView> visible(Integer year, Caller caller) {
		List<Inspection> found = caller.seesAll() || caller.groups().contains(Caller.POLITICAL)
				? inspections.findAllOf(year)
				: inspections.findOfUnits(year, headedUnits(caller.username()));
		return found.stream().map(inspection -> inspection.toView(null)).toList();
	}

	Inspection.InspectionView detail(Long id, Caller caller) {
		Inspection inspection = find(id);
		requireVisible(inspection, caller);
		return inspection.toView(findingViews(inspection));
	}

	/**
	 * Where one finding's rectification stands, for the overview of an inspection: due, overdue, closed (and
	 * whether late). Seen by whoever may see the inspection's findings.
	 */
	record FindingProgress(Finding.FindingView finding, Instant dueAt, boolean overdue, boolean failed, int rejections,
			Instant closedAt, boolean closedLate) {
	}

	@Transactional(readOnly = true)
	List<FindingProgress> progressOf(Long inspectionId, Caller caller) {
		Inspection inspection = find(inspectionId);
		requireVisible(inspection, caller);
		List<Finding> list = findings.findByInspectionIdOrderById(inspectionId);
		Map<Long, Rectification> byFinding = new HashMap<>();
		rectificationRows.findByFindingIdIn(list.stream().map(Finding::getId).toList())
			.forEach(r -> byFinding.put(r.getFindingId(), r));
		return list.stream().map(finding -> {
			Rectification r = byFinding.get(finding.getId());
			if (r == null) {
				return new FindingProgress(finding.toView(null), null, false, false, 0, null, false);
			}
			Instant closedAt = r.toView(finding).closedAt();
			return new FindingProgress(finding.toView(r), r.getDeadlineAt(), r.isOverdue(), r.isFailed(),
					r.getRejections(), closedAt, closedAt != null && closedAt.isAfter(r.getDeadlineAt()));
		}).toList();
	}

	/** Whether the caller may open inspections (and cancel one opened by mistake): the inspection team, admins. */
	static boolean mayOpen(Caller caller) {
		return caller.isInspector();
	}

	/** Whether the caller may see every inspection: the inspection team, leadership, discipline office, political department, admins. */
	static boolean seesEvery(Caller caller) {
		return caller.seesAll() || caller.groups().contains(Caller.POLITICAL);
	}

	// --- steps of MidYearInspectionProcess ------------------------------------------------------------

	/**
	 * The inspection team finished recording findings. Closes the inspection at once when nothing is left to
	 * rectify; otherwise the last rectification to close closes it ({@link Rectifications}).
	 * @return whether every rectification is already closed (or there were none)
	 */
	boolean closeRecording(Long inspectionId) {
		Inspection inspection = find(inspectionId);
		boolean allRectified = rectificationRows.countOpenOf(inspectionId) == 0;
		inspection.recordingClosed(EngineClock.now(), allRectified);
		return allRectified;
	}

	/**
	 * The people a finding may name as responsible, offered by name in the record-finding form: the active staff of
	 * the inspected unit and of the units below it (the rule {@link #recordFinding} checks).
	 */
	@Transactional(readOnly = true)
	List<FormRows.Choice> personChoices(Long inspectionId) {
		return PeopleChoices.of(directory.members(find(inspectionId).getUnitCode(), true));
	}

	int findingCount(Long inspectionId) {
		return findings.findByInspectionIdOrderById(inspectionId).size();
	}

	// --- helpers ----------------------------------------------------------------------------------------

	private List<Finding.FindingView> findingViews(Inspection inspection) {
		List<Finding> list = findings.findByInspectionIdOrderById(inspection.getId());
		Map<Long, Rectification> byFinding = new HashMap<>();
		rectificationRows.findByFindingIdIn(list.stream().map(Finding::getId).toList())
			.forEach(r -> byFinding.put(r.getFindingId(), r));
		return list.stream().map(finding -> finding.toView(byFinding.get(finding.getId()))).toList();
	}

	private void requireVisible(Inspection inspection, Caller caller) {
		if (caller.seesAll() || caller.groups().contains(Caller.POLITICAL)
				|| headedUnits(caller.username()).contains(inspection.getUnitCode())) {
			return;
		}
		throw new AccessDeniedException("Not an inspector, nor head of the inspected unit");
	}

	/** The units a person heads, with every unit below them; never empty (JPQL "in ()" is not portable). */
	Set<String> headedUnits(String username) {
		Set<String> units = new LinkedHashSet<>();
		directory.membership(username)
			.map(OrganisationDirectory.Membership::headOfUnit)
			.ifPresent(unit -> units.addAll(directory.subtree(unit)));
		if (units.isEmpty()) {
			units.add("");
		}
		return units;
	}

	static void requireInspector(Caller caller) {
		if (!caller.isInspector()) {
			throw new AccessDeniedException("Only the inspection team may do this");
		}
	}

	private Inspection find(Long id) {
		return inspections.findById(id)
			.orElseThrow(() -> new NotFoundException(new Msg("inspection.not-found", id)));
	}

	private Optional<UnitInfo> activeUnit(String code, List<Msg> problems) {
		if (isBlank(code)) {
			problems.add(new Msg("inspection.unit.required"));
			return Optional.empty();
		}
		Optional<UnitInfo> unit = directory.units().stream().filter(u -> u.code().equals(code.trim()) && u.active())
			.findFirst();
		if (unit.isEmpty()) {
			problems.add(new Msg("inspection.unit.unknown", code));
		}
		return unit;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String code, List<Msg> problems) {
		if (!isBlank(value)) {
			try {
				return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				// reported below
			}
		}
		problems.add(new Msg(code, String.valueOf(value)));
		return null;
	}

	static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	static Instant endOfDay(LocalDate day, ZoneId zone) {
		return day.atTime(23, 59, 59).atZone(zone).toInstant();
	}

}
