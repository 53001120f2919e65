package io.zeren.assessment;

import io.zeren.shared.LivePolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.calendar.WorkingCalendar;
import io.zeren.identity.GroupIds;
import io.zeren.identity.SystemAuthentication;
import io.zeren.notification.Notifications;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.PeopleChoices;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;
import io.zeren.shared.FormRows;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.TaskNames;
import io.zeren.workflow.DeadlineStats;
import io.zeren.workflow.TaskDeadlines;

/**
 * The year-end assessment: what people do in each step (write, vote, propose, review, decide, object,
 * acknowledge, ask for review), the rules each step enforces, and the record of it. Process delegates and
 * listeners and the REST controller are thin glue around this service.
 */
@Service
@Transactional
public class Assessments {


	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final AssessmentRepository assessments;

	private final UnitReviewRepository units;

	private final PeerVoteRepository votes;

	private final GradeChangeRepository changes;

	private final PublicityObjectionRepository objections;

	private final ReviewRequestRepository reviews;

	private final FollowUpRepository followUps;

	private final OrganisationDirectory directory;

	private final RuntimeService runtime;

	private final DecisionService decisions;

	private final SystemAuthentication system;

	private final TaskDeadlines deadlines;

	private final WorkingCalendar calendar;

	private final Notifications notifications;

	private final RectificationRecord rectifications;

	private final SanctionsInForce sanctions;

	private final LivePolicy<AssessmentProperties> properties;

	private final MessageSource messages;



	private final ApplicationEventPublisher events;

	Assessments(AssessmentRepository assessments, UnitReviewRepository units, PeerVoteRepository votes,
			GradeChangeRepository changes, PublicityObjectionRepository objections, ReviewRequestRepository reviews,
			FollowUpRepository followUps, OrganisationDirectory directory, RuntimeService runtime,
			DecisionService decisions, SystemAuthentication system, TaskDeadlines deadlines, WorkingCalendar calendar,
			Notifications notifications, RectificationRecord rectifications, SanctionsInForce sanctions,
			LivePolicy<AssessmentProperties> properties, MessageSource messages, ApplicationEventPublisher events) {
		this.events = events;
		this.assessments = assessments;
		this.units = units;
		this.votes = votes;
		this.changes = changes;
		this.objections = objections;
		this.reviews = reviews;
		this.followUps = followUps;
		this.directory = directory;
		this.runtime = runtime;
		this.decisions = decisions;
		this.system = system;
		this.deadlines = deadlines;
		this.calendar = calendar;
		this.notifications = notifications;
		this.rectifications = rectifications;
		this.sanctions = sanctions;
		this.properties = properties;
		this.messages = messages;
	}

	// --- opening the year ----------------------------------------------------------------------------------

	/** What opening a year for some units did: assessments started now, and those that already existed. */
	public record Opened(int year, List<String> started, List<String> existing) {
	}

	/**
	 * Starts one AnnualAssessmentProcess per active member of each unit (own members only, not sub-units).
	 * Running it again starts nobody twice: the unique (year, username) row decides.
	 */
	public Opened open(int year, List<String> unitCodes) {
		if (year < 2000 || year > 2999) {
			throw new RuleViolationException(new Msg("assessment.year.invalid", year));
		}
		if (unitCodes == null || unitCodes.isEmpty()) {
			throw new RuleViolationException(new Msg("assessment.open.units-required"));
		}
		List<String> started = new ArrayList<>();
		List<String> existing = new ArrayList<>();
		for (String unitCode : unitCodes) {
			for (StaffInfo member : directory.members(unitCode, false)) {
				if (assessments.findByYearAndUsername(year, member.username()).isPresent()) {
					existing.add(member.username());
					continue;
				}
				Assessment assessment = assessments.save(new Assessment(year, member.username(), unitCode, EngineClock.now()));
				Map<String, Object> variables = new HashMap<>();
				variables.put(AnnualAssessmentProcess.VAR_ASSESSMENT_ID, assessment.getId());
				variables.put(AnnualAssessmentProcess.VAR_YEAR, year);
				variables.put(AnnualAssessmentProcess.VAR_USERNAME, member.username());
				variables.put(AnnualAssessmentProcess.VAR_UNIT, unitCode);
				variables.put(AnnualAssessmentProcess.VAR_PERSON_NAME, member.fullName() + "（" + member.unitName() + "）");
				variables.putAll(TaskNames.context(year, member.unitName(), member.fullName()));
				system.run(() -> runtime.startProcessInstanceByKey(AnnualAssessmentProcess.KEY, assessment.businessKey(),
						variables));
				started.add(member.username());
			}
		}
		return new Opened(year, started, existing);
	}

	// --- self-summary, peers, unit head --------------------------------------------------------------------

	public void submitSelfSummary(long assessmentId, String text) {
		Assessment assessment = find(assessmentId);
		requireText(text, "assessment.self-summary.required", 4000);
		assessment.summarised(text.trim(), EngineClock.now());
	}

	/** Peers, the votes needed to end the evaluation early, and who proposes the grade. */
	public record PeerPlan(List<String> peers, int requiredVotes, String proposerGroup, String selfSummary) {
	}

	public PeerPlan planPeerEvaluation(long assessmentId) {
		Assessment assessment = find(assessmentId);
		List<String> peers = peersOf(assessmentId);
		int required = quorum().required(peers.size());
		assessment.peersPlanned(peers.size(), required);
		return new PeerPlan(peers, required, proposerGroup(assessment), assessment.getSelfSummary());
	}

	/** The active members of the person's unit except the person: the multi-instance collection. */
	@Transactional(readOnly = true)
	public List<String> peersOf(long assessmentId) {
		Assessment assessment = find(assessmentId);
		return directory.members(assessment.getUnitCode(), false)
			.stream()
			.map(StaffInfo::username)
			.filter(username -> !username.equals(assessment.getUsername()))
			.toList();
	}

	/** The unit head proposes; for the head themself, the head of the unit above (or the leadership). */
	private String proposerGroup(Assessment assessment) {
		UnitInfo unit = directory.unit(assessment.getUnitCode());
		if (!assessment.getUsername().equals(unit.headUsername())) {
			return GroupIds.head(unit.code());
		}
		return unit.parentCode() == null ? GroupIds.role("LEADERSHIP") : GroupIds.head(unit.parentCode());
	}

	public void recordVote(long assessmentId, String voter, String gradeText, String remark) {
		Assessment assessment = find(assessmentId);
		Grade grade = requireGrade(gradeText, "assessment.vote.grade-required");
		if (remark != null && remark.length() > 1000) {
			throw violation(new Msg("assessment.text.too-long", 1000));
		}
		if (voter == null || voter.equals(assessment.getUsername())) {
			throw violation(new Msg("assessment.vote.not-a-peer", String.valueOf(voter)));
		}
		if (votes.existsByAssessmentIdAndVoter(assessmentId, voter)) {
			throw violation(new Msg("assessment.vote.duplicate", voter));
		}
		votes.save(new PeerVote(assessmentId, voter, grade, blankToNull(remark), EngineClock.now()));
	}

	@Transactional(readOnly = true)
	public AssessmentView.VoteSummary voteSummary(long assessmentId) {
		Assessment assessment = find(assessmentId);
		Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
		List<PeerVote> cast = votes.findByAssessmentIdOrderByVotedAt(assessmentId);
		cast.forEach(vote -> counts.merge(vote.getGrade(), 1, Integer::sum));
		return new AssessmentView.VoteSummary(assessment.getPeerCount(), assessment.getVotesRequired(), cast.size(),
				counts.getOrDefault(Grade.EXCELLENT, 0), counts.getOrDefault(Grade.COMPETENT, 0),
				counts.getOrDefault(Grade.BASICALLY_COMPETENT, 0), counts.getOrDefault(Grade.INCOMPETENT, 0));
	}

	/** The vote count as the unit head's form shows it. */
	@Transactional(readOnly = true)
	public String voteSummaryText(long assessmentId) {
		AssessmentView.VoteSummary summary = voteSummary(assessmentId);
		return render(new Msg("assessment.votes.summary", summary.cast(), summary.peers(), summary.excellent(),
				summary.competent(), summary.basicallyCompetent(), summary.incompetent()));
	}

	public void proposeGrade(long assessmentId, String by, String gradeText, String comment) {
		Assessment assessment = find(assessmentId);
		List<Msg> problems = new ArrayList<>();
		Optional<Grade> grade = Grade.parse(gradeText);
		if (grade.isEmpty()) {
			problems.add(new Msg("assessment.proposal.grade-required"));
		}
		if (comment == null || comment.isBlank()) {
			problems.add(new Msg("assessment.proposal.comment-required"));
		}
		else if (comment.length() > 2000) {
			problems.add(new Msg("assessment.text.too-long", 2000));
		}
		if (!problems.isEmpty()) {
			throw violation(problems);
		}
		assessment.proposed(grade.get(), comment.trim(), by, EngineClock.now());
		changes.save(new GradeChange(assessment.getId(), GradeChange.Stage.HEAD, null, grade.get(), by, EngineClock.now(),
				comment.trim()));
	}

	// --- recommendation (Decision_AssessmentGrade) ---------------------------------------------------------

	/** The inputs of Decision_AssessmentGrade (and of Decision_GradeCap), recorded with the assessment. */
	public Map<String, Object> gradeInputs(long assessmentId) {
		Assessment assessment = find(assessmentId);
		AssessmentView.VoteSummary summary = voteSummary(assessmentId);
		ZoneId zone = ZoneId.of(properties.current().zone());
		Instant from = LocalDate.of(assessment.getYear(), 1, 1).atStartOfDay(zone).toInstant();
		Instant to = LocalDate.of(assessment.getYear() + 1, 1, 1).atStartOfDay(zone).toInstant();
		long overdue = deadlines.stats(from, to, null, assessment.getUsername())
			.stream()
			.mapToLong(DeadlineStats::overdue)
			.sum();
		int failed = rectifications.failedOrOverdue(assessment.getUsername(), assessment.getYear());
		String sanction = sanctions.strictest(assessment.getUsername(), EngineClock.now()).orElse("NONE");
		assessment.signals(failed, (int) overdue, sanction);
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("sanction", sanction);
		inputs.put("proposedGrade", assessment.getProposedGrade() == null ? null : assessment.getProposedGrade().name());
		inputs.put("peerVotes", summary.cast());
		inputs.put("excellentVoteShare", summary.cast() == 0 ? null : (double) summary.excellent() / summary.cast());
		inputs.put("incompetentVoteShare", summary.cast() == 0 ? null : (double) summary.incompetent() / summary.cast());
		inputs.put("failedRectifications", failed);
		inputs.put("overdueTasks", (int) overdue);
		return inputs;
	}

	/** Records what the grade table recommends; starts the unit's committee review when everyone is there. */
	public void recordRecommendation(long assessmentId, String gradeName, String basis) {
		Assessment assessment = find(assessmentId);
		Grade grade = Grade.valueOf(gradeName);
		String capName = decisions.evaluateDecisionTableByKey("Decision_GradeCap", Map.of("sanction",
				assessment.getSanction() == null ? "NONE" : assessment.getSanction()))
			.getSingleResult()
			.getEntry("gradeCap");
		assessment.recommended(grade, Grade.valueOf(capName), basis);
		changes.save(new GradeChange(assessment.getId(), GradeChange.Stage.RECOMMENDATION, assessment.getProposedGrade(),
				grade, "system", EngineClock.now(), basis));
		if (properties.current().autoStartCommittee()) {
			List<Assessment> unit = assessments.findByYearAndUnitCodeOrderByUsername(assessment.getYear(),
					assessment.getUnitCode());
			boolean allThere = unit.stream().allMatch(other -> other.getStatus().atLeast(Assessment.Status.COMMITTEE));
			if (allThere && units.findByYearAndUnitCode(assessment.getYear(), assessment.getUnitCode()).isEmpty()) {
				startCommittee(assessment.getYear(), assessment.getUnitCode());
			}
		}
	}

	// --- the unit: committee, leadership, publicity --------------------------------------------------------

	/** Starts the committee review of a unit: once per unit and year, when all its people reached it. */
	public void startCommittee(int year, String unitCode) {
		directory.unit(unitCode);
		List<Assessment> members = assessments.findByYearAndUnitCodeOrderByUsername(year, unitCode);
		if (members.isEmpty()) {
			throw new NotFoundException(new Msg("assessment.unit.none", unitCode, year));
		}
		List<String> pending = members.stream()
			.filter(a -> !a.getStatus().atLeast(Assessment.Status.COMMITTEE))
			.map(Assessment::getUsername)
			.toList();
		if (!pending.isEmpty()) {
			throw violation(new Msg("assessment.committee.pending", unitCode, pending.size(), String.join("、", pending)));
		}
		if (units.findByYearAndUnitCode(year, unitCode).isPresent()) {
			throw violation(new Msg("assessment.committee.started", unitCode, year));
		}
		UnitReview review = units.save(new UnitReview(year, unitCode, members.size(), quota().allowed(members.size()),
				EngineClock.now()));
		Map<String, Object> variables = new HashMap<>();
		variables.put(AssessmentCommitteeProcess.VAR_YEAR, year);
		variables.put(AssessmentCommitteeProcess.VAR_UNIT, unitCode);
		variables.put(AssessmentCommitteeProcess.VAR_UNIT_NAME, directory.unit(unitCode).name());
		variables.putAll(TaskNames.context(year, directory.unit(unitCode).name(), null));
		variables.put(AssessmentCommitteeProcess.VAR_PUBLICITY, properties.current().publicity());
		system.run(() -> runtime.startProcessInstanceByKey(AssessmentCommitteeProcess.KEY, review.businessKey(), variables));
	}

	/** What the committee's and the leadership's forms show: each person, the quota, the grades to edit. */
	@Transactional(readOnly = true)
	public Map<String, Object> unitReviewVariables(int year, String unitCode) {
		UnitReview review = unitReview(year, unitCode);
		List<Assessment> members = assessments.findByYearAndUnitCodeOrderByUsername(year, unitCode);
		StringBuilder summary = new StringBuilder();
		List<GradeRow> grades = new ArrayList<>();
		List<StaffInfo> people = new ArrayList<>();
		for (Assessment a : members) {
			String name = directory.findStaffInfo(a.getUsername()).map(StaffInfo::fullName).orElse(a.getUsername());
			AssessmentView.VoteSummary v = voteSummary(a.getId());
			summary.append(render(new Msg("assessment.unit.line", name, a.getUsername(), v.cast(), v.peers(), v.excellent(),
					label(a.getProposedGrade()), label(a.getRecommendedGrade()), a.getRecommendationBasis(),
					label(a.getGradeCap()))))
				.append('\n');
			grades.add(new GradeRow(a.getUsername(), label(a.getRecommendedGrade()),
					a.getCommitteeGrade() == null ? null : a.getCommitteeGrade().name(), null));
			people.add(directory.findStaffInfo(a.getUsername()).orElse(new StaffInfo(a.getUsername(), a.getUsername(),
					unitCode, directory.unit(unitCode).name(), null, null, null, false, null, true)));
		}
		long excellent = members.stream().filter(a -> a.getCommitteeGrade() == Grade.EXCELLENT).count();
		Map<String, Object> variables = new HashMap<>();
		variables.put(AssessmentCommitteeProcess.VAR_UNIT_SUMMARY, summary.toString().trim());
		variables.put(AssessmentCommitteeProcess.VAR_COMMITTEE_GRADES, FormRows.json(grades));
		variables.put(AssessmentCommitteeProcess.VAR_UNIT_PEOPLE,
				FormRows.json(people.stream().map(PeopleChoices::choice).toList()));
		variables.put(AssessmentCommitteeProcess.VAR_QUOTA_TEXT, render(new Msg("assessment.quota.text", unitCode,
				review.getAssessed(), review.getQuota(), excellent)));
		return variables;
	}

	/**
	 * One row of the committee's form: the person (login, shown by name), the recommended grade (read-only label),
	 * the committee's grade (a {@link Grade} code from a select) and why it departs from the recommendation.
	 */
	public record GradeRow(String person, String recommended, String grade, String reason) {
	}

	/**
	 * The committee's grades, one row per person; a person left out keeps their grade. Refused, with every problem
	 * named by row and name, when a row names someone not assessed in the unit or has no grade, a grade departs
	 * from the recommendation without a reason (the row's or the overall note), a grade is better than a sanction
	 * allows, or the unit would exceed its 优秀 quota.
	 */
	public void reviewUnit(int year, String unitCode, String by, List<GradeRow> rows, String note) {
		UnitReview review = unitReview(year, unitCode);
		Map<String, Assessment> members = new LinkedHashMap<>();
		assessments.findByYearAndUnitCodeOrderByUsername(year, unitCode).forEach(a -> members.put(a.getUsername(), a));
		Map<String, Grade> grades = new LinkedHashMap<>();
		members.forEach((username, a) -> grades.put(username, a.getCommitteeGrade()));
		Map<String, String> reasons = new HashMap<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		List<Msg> problems = new ArrayList<>();
		int number = 0;
		for (GradeRow row : rows) {
			number++;
			String username = row.person() == null ? "" : row.person().strip();
			if (!members.containsKey(username)) {
				problems.add(new Msg("assessment.committee.row-unknown", number, directory.unit(unitCode).name()));
				continue;
			}
			if (!seen.add(username)) {
				problems.add(new Msg("assessment.committee.row-duplicate", number, personName(username)));
				continue;
			}
			Optional<Grade> grade = row.grade() == null ? Optional.empty() : Grade.parse(row.grade());
			if (grade.isEmpty()) {
				problems.add(new Msg("assessment.committee.row-grade", number, personName(username)));
				continue;
			}
			grades.put(username, grade.get());
			if (row.reason() != null && !row.reason().isBlank()) {
				reasons.put(username, row.reason().strip());
			}
		}
		boolean changed = false;
		for (Map.Entry<String, Grade> entry : grades.entrySet()) {
			Assessment a = members.get(entry.getKey());
			if (entry.getValue() != a.getRecommendedGrade()) {
				changed = true;
			}
			if (a.getGradeCap() != null && !entry.getValue().withinCap(a.getGradeCap())) {
				problems.add(new Msg("assessment.grade.over-cap", personName(entry.getKey()), entry.getValue().label(),
						a.getGradeCap().label()));
			}
		}
		boolean unexplained = grades.entrySet().stream().anyMatch(entry -> entry.getValue() != members.get(entry.getKey())
			.getRecommendedGrade() && !reasons.containsKey(entry.getKey()));
		if (changed && unexplained && (note == null || note.isBlank())) {
			problems.add(new Msg("assessment.committee.reason-required"));
		}
		long excellent = grades.values().stream().filter(g -> g == Grade.EXCELLENT).count();
		quota().check(unitCode, members.size(), excellent).ifPresent(problems::add);
		if (!problems.isEmpty()) {
			throw violation(problems);
		}
		Instant now = EngineClock.now();
		for (Map.Entry<String, Grade> entry : grades.entrySet()) {
			Assessment a = members.get(entry.getKey());
			if (entry.getValue() != a.getCommitteeGrade()) {
				changes.save(new GradeChange(a.getId(), GradeChange.Stage.COMMITTEE, a.getCommitteeGrade(), entry.getValue(),
						by, now, reasons.getOrDefault(entry.getKey(), note)));
				a.committeeGrade(entry.getValue());
			}
		}
		review.reviewed(by, blankToNull(note), now);
	}

	private String personName(String username) {
		return directory.findStaffInfo(username).map(StaffInfo::fullName).orElse(username);
	}

	/** The leadership approves the committee's grades or sends them back with a reason. */
	public void decideUnit(int year, String unitCode, String by, String decision, String note) {
		UnitReview review = unitReview(year, unitCode);
		Instant now = EngineClock.now();
		if (AssessmentCommitteeProcess.SEND_BACK.equals(decision)) {
			if (note == null || note.isBlank()) {
				throw violation(new Msg("assessment.leadership.reason-required"));
			}
			review.sentBack(by, note.trim(), now);
			return;
		}
		if (!"approve".equals(decision)) {
			throw violation(new Msg("assessment.leadership.decision-required"));
		}
		for (Assessment a : assessments.findByYearAndUnitCodeOrderByUsername(year, unitCode)) {
			a.decided();
			changes.save(new GradeChange(a.getId(), GradeChange.Stage.LEADERSHIP, a.getRecommendedGrade(),
					a.getDecidedGrade(), by, now, blankToNull(note)));
		}
		review.approved(by, blankToNull(note), now);
	}

	/** Publicity of the unit's 优秀 list begins: recorded, and the unit's members are told by mail. */
	public void startPublicity(int year, String unitCode) {
		UnitReview review = unitReview(year, unitCode);
		Instant now = EngineClock.now();
		Instant until = calendar.plus(now, properties.current().publicity());
		review.publicity(now, until);
		List<String> names = assessments.findByYearAndUnitCodeOrderByUsername(year, unitCode)
			.stream()
			.filter(a -> a.getDecidedGrade() == Grade.EXCELLENT)
			.map(a -> directory.findStaffInfo(a.getUsername()).map(StaffInfo::fullName).orElse(a.getUsername()))
			.toList();
		UnitInfo unit = directory.unit(unitCode);
		List<String> recipients = directory.members(unitCode, false).stream().map(StaffInfo::username).toList();
		Map<String, Object> model = new HashMap<>();
		model.put("title", render(new Msg("assessment.publicity.title", year, unit.name())));
		model.put("text", render(new Msg("assessment.publicity.text", year, unit.name(),
				names.isEmpty() ? "—" : String.join("、", names), day(until))));
		notifications.enqueue("notice", recipients, model, "assessment-publicity:" + review.businessKey());
	}

	/** Anyone may object to a publicised 优秀 grade while the publicity lasts; the committee resolves it. */
	public Long fileObjection(int year, String username, String by, String reason) {
		Assessment assessment = assessments.findByYearAndUsername(year, username)
			.orElseThrow(() -> new NotFoundException(new Msg("assessment.not-found", year, String.valueOf(username))));
		requireText(reason, "assessment.objection.reason-required", 2000);
		Optional<UnitReview> review = units.findByYearAndUnitCode(year, assessment.getUnitCode());
		// Names, not codes or logins, in the sentences: the page shows them next to the form.
		if (review.isEmpty() || review.get().getStatus() != UnitReview.Status.PUBLICITY) {
			throw violation(new Msg("assessment.objection.closed", directory.unit(assessment.getUnitCode()).name(), year));
		}
		if (assessment.getDecidedGrade() != Grade.EXCELLENT) {
			throw violation(new Msg("assessment.objection.not-listed",
					directory.findStaffInfo(username).map(StaffInfo::fullName).orElse(username)));
		}
		PublicityObjection objection = objections.save(new PublicityObjection(assessment.getId(), by, reason.trim(), EngineClock.now()));
		system.run(() -> runtime.createMessageCorrelation(AssessmentCommitteeProcess.MESSAGE_OBJECTION_FILED)
			.processInstanceBusinessKey(review.get().businessKey())
			.correlate());
		return objection.getId();
	}

	/** The oldest objection not yet with the committee becomes the committee's task. */
	public Map<String, Object> openNextObjection(int year, String unitCode) {
		PublicityObjection objection = objections.findInUnit(year, unitCode, PublicityObjection.Status.FILED)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No filed objection waits in " + unitCode + " " + year));
		objection.opened();
		Assessment target = find(objection.getAssessmentId());
		String name = directory.findStaffInfo(target.getUsername()).map(StaffInfo::fullName).orElse(target.getUsername());
		Map<String, Object> variables = new HashMap<>();
		variables.put(AssessmentCommitteeProcess.VAR_OBJECTION_ID, objection.getId());
		variables.put(AssessmentCommitteeProcess.VAR_OBJECTION_TEXT, objection.getReason());
		variables.put(AssessmentCommitteeProcess.VAR_OBJECTION_TARGET,
				name + "（" + target.getUsername() + "）：" + label(target.getDecidedGrade()));
		return variables;
	}

	/** The committee upholds the grade or changes it; either way with a reason. */
	public void resolveObjection(long objectionId, String by, String resolution, String gradeText, String note) {
		PublicityObjection objection = objections.findById(objectionId)
			.orElseThrow(() -> new NotFoundException(new Msg("assessment.objection.not-found", objectionId)));
		Assessment target = find(objection.getAssessmentId());
		Grade changedTo = decideChange(target, resolution, gradeText, note);
		Instant now = EngineClock.now();
		if (changedTo != null) {
			changes.save(new GradeChange(target.getId(), GradeChange.Stage.OBJECTION, target.getDecidedGrade(), changedTo, by,
					now, note.trim()));
			target.regrade(changedTo);
		}
		objection.resolved(changedTo, by, note.trim(), now);
	}

	/** Publicity is over and every objection resolved: the grades stand, and each person's process goes on. */
	public void finaliseUnit(int year, String unitCode) {
		UnitReview review = unitReview(year, unitCode);
		review.published(EngineClock.now());
		for (Assessment a : assessments.findByYearAndUnitCodeOrderByUsername(year, unitCode)) {
			system.run(() -> runtime.createMessageCorrelation(AnnualAssessmentProcess.MESSAGE_GRADE_DECIDED)
				.processInstanceBusinessKey(a.businessKey())
				.correlateAll());
		}
	}

	// --- notice, acknowledgement, review, appeal, archive --------------------------------------------------

	/** Mails the written notice and opens the review window; returns when the window closes. */
	public Date sendNotice(long assessmentId) {
		Assessment a = find(assessmentId);
		Instant now = EngineClock.now();
		Instant reviewDue = calendar.plus(now, properties.current().reviewWindow());
		a.notified(now, reviewDue);
		Map<String, Object> model = new HashMap<>();
		model.put("title", render(new Msg("assessment.notice.title", a.getYear())));
		model.put("text", render(new Msg("assessment.notice.text", a.getYear(), label(a.getFinalGrade()), day(reviewDue))));
		notifications.enqueue("notice", List.of(a.getUsername()), model, "assessment-notice:" + a.getId());
		return Date.from(reviewDue);
	}

	@Transactional(readOnly = true)
	public String gradeText(long assessmentId) {
		Assessment a = find(assessmentId);
		return render(new Msg("assessment.notice.text", a.getYear(), label(a.getFinalGrade()),
				a.getReviewDueAt() == null ? "—" : day(a.getReviewDueAt())));
	}

	/** The person signs the notice, optionally asking for a review at once. */
	public void acknowledge(long assessmentId, String by, String choice, String reviewReason) {
		Assessment a = find(assessmentId);
		if (AnnualAssessmentProcess.ACK_REVIEW.equals(choice)) {
			requireText(reviewReason, "assessment.review.reason-required", 2000);
			a.acknowledged(EngineClock.now());
			reviews.save(new ReviewRequest(a.getId(), ReviewRequest.Kind.REVIEW, by, reviewReason.trim(), EngineClock.now()));
			a.status(Assessment.Status.REVIEW);
			return;
		}
		if (!"accept".equals(choice)) {
			throw violation(new Msg("assessment.acknowledge.choice-required"));
		}
		a.acknowledged(EngineClock.now());
	}

	/** A review (复核) or appeal (申诉) asked for over REST, by the person, while the window is open. */
	public void request(int year, String username, ReviewRequest.Kind kind, String reason) {
		Assessment a = assessments.findByYearAndUsername(year, username)
			.orElseThrow(() -> new NotFoundException(new Msg("assessment.not-found", year, username)));
		requireText(reason, "assessment.review.reason-required", 2000);
		if (reviews.findByAssessmentIdAndKind(a.getId(), kind).isPresent()) {
			throw violation(new Msg("assessment.review.duplicate", kind == ReviewRequest.Kind.REVIEW ? "复核" : "申诉"));
		}
		if (kind == ReviewRequest.Kind.APPEAL && reviews.findByAssessmentIdAndKind(a.getId(), ReviewRequest.Kind.REVIEW)
			.isEmpty()) {
			throw violation(new Msg("assessment.appeal.review-first"));
		}
		String message = kind == ReviewRequest.Kind.REVIEW ? AnnualAssessmentProcess.MESSAGE_REVIEW_REQUESTED
				: AnnualAssessmentProcess.MESSAGE_APPEAL_REQUESTED;
		try {
			system.run(() -> runtime.createMessageCorrelation(message).processInstanceBusinessKey(a.businessKey()).correlate());
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw violation(new Msg(kind == ReviewRequest.Kind.REVIEW ? "assessment.review.closed" : "assessment.appeal.closed"));
		}
		reviews.save(new ReviewRequest(a.getId(), kind, username, reason.trim(), EngineClock.now()));
		a.status(kind == ReviewRequest.Kind.REVIEW ? Assessment.Status.REVIEW : Assessment.Status.APPEAL);
	}

	/** What the review or appeal form shows: the request and the grade in question. */
	@Transactional(readOnly = true)
	public String requestText(long assessmentId, ReviewRequest.Kind kind) {
		Assessment a = find(assessmentId);
		return reviews.findByAssessmentIdAndKind(a.getId(), kind).map(ReviewRequest::getReason).orElse("");
	}

	/** The committee (review) or leadership (appeal) decides; returns when the appeal window closes after a review. */
	public Date decideRequest(long assessmentId, ReviewRequest.Kind kind, String by, String outcome, String gradeText,
			String note) {
		Assessment a = find(assessmentId);
		ReviewRequest request = reviews.findByAssessmentIdAndKind(a.getId(), kind)
			.orElseThrow(() -> new IllegalStateException("No " + kind + " request for assessment " + assessmentId));
		Grade changedTo = decideChange(a, outcome, gradeText, note);
		Instant now = EngineClock.now();
		if (changedTo == Grade.EXCELLENT) {
			long excellent = assessments.findByYearAndUnitCodeOrderByUsername(a.getYear(), a.getUnitCode())
				.stream()
				.filter(other -> other.getFinalGrade() == Grade.EXCELLENT)
				.count();
			int assessed = assessments.findByYearAndUnitCodeOrderByUsername(a.getYear(), a.getUnitCode()).size();
			quota().check(a.getUnitCode(), assessed, excellent + 1).ifPresent(msg -> {
				throw violation(msg);
			});
		}
		if (changedTo != null) {
			changes.save(new GradeChange(a.getId(),
					kind == ReviewRequest.Kind.REVIEW ? GradeChange.Stage.REVIEW : GradeChange.Stage.APPEAL,
					a.getFinalGrade(), changedTo, by, now, note.trim()));
			a.regrade(changedTo);
		}
		request.decided(changedTo, by, note.trim(), now);
		return kind == ReviewRequest.Kind.REVIEW ? Date.from(calendar.plus(now, properties.current().appealWindow())) : null;
	}

	/** Archives the result and raises the consecutive-years follow-ups. */
	public List<FollowUpItem> archive(long assessmentId) {
		Assessment a = find(assessmentId);
		Instant now = EngineClock.now();
		a.archived(now);
		Map<Integer, Grade> history = new HashMap<>();
		assessments.findByUsernameOrderByYearDesc(a.getUsername())
			.stream()
			.filter(past -> past.getFinalGrade() != null)
			.forEach(past -> history.put(past.getYear(), past.getFinalGrade()));
		List<FollowUpItem> raised = new ArrayList<>();
		for (ConsecutiveYears.Due due : ConsecutiveYears.due(history, a.getYear(), properties.current().meritCitationYears(),
				properties.current().dismissalReviewYears())) {
			String code = switch (due.kind()) {
				case MERIT_CITATION -> "assessment.follow-up.merit";
				case DEMOTION -> "assessment.follow-up.demotion";
				case DISMISSAL_REVIEW -> "assessment.follow-up.dismissal";
			};
			raise(a, due.kind(), new Msg(code, due.years()), now).ifPresent(raised::add);
		}
		String headOf = directory.membership(a.getUsername()).map(m -> m.headOfUnit()).orElse(null);
		events.publishEvent(new AssessmentArchived(a.getId(), a.getUsername(), a.getUnitCode(), a.getYear(),
				a.getFinalGrade() == null ? null : a.getFinalGrade().name(), headOf, now));
		return raised;
	}

	private Optional<FollowUpItem> raise(Assessment a, FollowUp.Kind kind, Msg basis, Instant now) {
		if (followUps.existsByUsernameAndYearAndKind(a.getUsername(), a.getYear(), kind)) {
			return Optional.empty();
		}
		return Optional.of(followUps.save(new FollowUp(a.getUsername(), a.getYear(), kind, render(basis), now)).toItem());
	}

	// --- queries -------------------------------------------------------------------------------------------

	/** Who is asking, and what the organisation lets them see. */
	public record Viewer(String username, boolean seesAll, java.util.Set<String> headedUnits) {
	}

	@Transactional(readOnly = true)
	public List<AssessmentView> search(Viewer viewer, Integer year, String unit, String username) {
		String self = viewer.username();
		if (!viewer.seesAll()) {
			if (username != null && !username.equals(self)) {
				String theirUnit = directory.findStaffInfo(username).map(StaffInfo::unitCode).orElse(null);
				if (theirUnit == null || !viewer.headedUnits().contains(theirUnit)) {
					throw new org.springframework.security.access.AccessDeniedException("not your unit");
				}
			}
			if (unit != null && !viewer.headedUnits().contains(unit)) {
				throw new org.springframework.security.access.AccessDeniedException("not your unit");
			}
		}
		return assessments.search(year, unit, username)
			.stream()
			.filter(a -> viewer.seesAll() || a.getUsername().equals(self) || viewer.headedUnits().contains(a.getUnitCode()))
			.map(a -> view(a, viewer))
			.toList();
	}

	@Transactional(readOnly = true)
	public AssessmentView detail(Viewer viewer, int year, String username) {
		Assessment a = assessments.findByYearAndUsername(year, username)
			.orElseThrow(() -> new NotFoundException(new Msg("assessment.not-found", year, username)));
		if (!viewer.seesAll() && !a.getUsername().equals(viewer.username())
				&& !viewer.headedUnits().contains(a.getUnitCode())) {
			throw new org.springframework.security.access.AccessDeniedException("not your unit");
		}
		return view(a, viewer);
	}

	/** A unit's committee review as the overview shows it: its stage and its 优秀 quota. */
	public record UnitStage(String unitCode, String status, int assessed, int quota) {
	}

	/** The committee reviews of the year's units (only units whose review has started), by unit code. */
	@Transactional(readOnly = true)
	public Map<String, UnitStage> unitStages(Viewer viewer, int year) {
		if (!viewer.seesAll()) {
			throw new org.springframework.security.access.AccessDeniedException("the committee and the leadership only");
		}
		Map<String, UnitStage> stages = new java.util.TreeMap<>();
		for (UnitReview review : units.findByYearAndStatusIn(year, List.of(UnitReview.Status.values()))) {
			stages.put(review.getUnitCode(), new UnitStage(review.getUnitCode(), review.getStatus().name(),
					review.getAssessed(), review.getQuota()));
		}
		return stages;
	}

	/** How many of a unit's {@code assessed} people may be graded 优秀 (the policy's quota). */
	public int excellentQuota(int assessed) {
		return quota().allowed(assessed);
	}

	/** An entry of a publicised 优秀 list: open to every member of staff. */
	public record PublishedEntry(int year, String unitCode, String unitName, String username, String fullName, Grade grade,
			String status, Instant publicityUntil) {
	}

	@Transactional(readOnly = true)
	public List<PublishedEntry> published(int year, String unitCode) {
		List<PublishedEntry> entries = new ArrayList<>();
		for (UnitReview review : units.findByYearAndStatusIn(year,
				List.of(UnitReview.Status.PUBLICITY, UnitReview.Status.PUBLISHED))) {
			if (unitCode != null && !unitCode.equals(review.getUnitCode())) {
				continue;
			}
			String unitName = directory.unit(review.getUnitCode()).name();
			for (Assessment a : assessments.findByYearAndUnitCodeOrderByUsername(year, review.getUnitCode())) {
				if (a.getDecidedGrade() == Grade.EXCELLENT || a.getFinalGrade() == Grade.EXCELLENT) {
					entries.add(new PublishedEntry(year, review.getUnitCode(), unitName, a.getUsername(),
							directory.findStaffInfo(a.getUsername()).map(StaffInfo::fullName).orElse(a.getUsername()),
							a.getFinalGrade(), review.getStatus().name(), review.getPublicityUntil()));
				}
			}
		}
		return entries;
	}

	/** Every 优秀 list now in publicity (any year, any unit), for staff who may object while it lasts. */
	@Transactional(readOnly = true)
	public List<PublishedEntry> inPublicity() {
		List<PublishedEntry> entries = new ArrayList<>();
		for (UnitReview review : units.findByStatusOrderByYearDescUnitCodeAsc(UnitReview.Status.PUBLICITY)) {
			published(review.getYear(), review.getUnitCode()).stream()
				.filter(entry -> UnitReview.Status.PUBLICITY.name().equals(entry.status()))
				.forEach(entries::add);
		}
		return entries;
	}

	/** An objection as the person who filed it sees it: against whom, why, and what became of it. */
	public record FiledObjection(int year, String unitName, String fullName, String reason, Instant filedAt, String status,
			Grade newGrade, String resolutionNote, Instant resolvedAt) {
	}

	@Transactional(readOnly = true)
	public List<FiledObjection> objectionsFiledBy(String username) {
		List<FiledObjection> filed = new ArrayList<>();
		for (PublicityObjection objection : objections.findByFiledByOrderByFiledAtDesc(username)) {
			Assessment target = find(objection.getAssessmentId());
			AssessmentView.ObjectionView view = objection.toView(false);
			filed.add(new FiledObjection(target.getYear(), directory.unit(target.getUnitCode()).name(),
					directory.findStaffInfo(target.getUsername()).map(StaffInfo::fullName).orElse(target.getUsername()),
					view.reason(), view.filedAt(), view.status(), view.newGrade(), view.resolutionNote(), view.resolvedAt()));
		}
		return filed;
	}

	/**
	 * Whether the person's process now waits for a review (复核) or an appeal (申诉) request: exactly when
	 * {@link #request} would be taken (the window is open and nothing was asked yet).
	 */
	@Transactional(readOnly = true)
	public boolean acceptsRequest(int year, String username, ReviewRequest.Kind kind) {
		Optional<Assessment> a = assessments.findByYearAndUsername(year, username);
		if (a.isEmpty() || reviews.findByAssessmentIdAndKind(a.get().getId(), kind).isPresent()) {
			return false;
		}
		String message = kind == ReviewRequest.Kind.REVIEW ? AnnualAssessmentProcess.MESSAGE_REVIEW_REQUESTED
				: AnnualAssessmentProcess.MESSAGE_APPEAL_REQUESTED;
		return system.call(() -> runtime.createExecutionQuery()
			.processDefinitionKey(AnnualAssessmentProcess.KEY)
			.processInstanceBusinessKey(a.get().businessKey())
			.messageEventSubscriptionName(message)
			.count() > 0);
	}

	@Transactional(readOnly = true)
	public List<FollowUpItem> followUps(String username, Integer year, String kind) {
		FollowUp.Kind parsed = null;
		if (kind != null) {
			try {
				parsed = FollowUp.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw violation(new Msg("assessment.follow-up.kind", kind));
			}
		}
		return followUps.search(username, year, parsed).stream().map(FollowUp::toItem).toList();
	}

	private AssessmentView view(Assessment a, Viewer viewer) {
		boolean full = viewer.seesAll();
		String fullName = directory.findStaffInfo(a.getUsername()).map(StaffInfo::fullName).orElse(a.getUsername());
		List<AssessmentView.Vote> voteDetails = full ? votes.findByAssessmentIdOrderByVotedAt(a.getId())
			.stream()
			.map(v -> new AssessmentView.Vote(v.getVoter(), v.getGrade(), v.getRemark(), v.getVotedAt()))
			.toList() : null;
		return new AssessmentView(a.getId(), a.getYear(), a.getUsername(), fullName, a.getUnitCode(), a.getStatus().name(),
				a.getSelfSummary(), voteSummary(a.getId()), a.getHeadComment(), a.getProposedGrade(),
				a.getRecommendedGrade(), a.getRecommendationBasis(), a.getGradeCap(), a.getCommitteeGrade(),
				a.getDecidedGrade(), a.getFinalGrade(), a.getNotifiedAt(), a.getAcknowledgedAt(), a.getReviewDueAt(),
				a.getArchivedAt(), voteDetails,
				changes.findByAssessmentIdOrderByChangedAtAscIdAsc(a.getId()).stream().map(GradeChange::toView).toList(),
				objections.findByAssessmentIdOrderByFiledAt(a.getId()).stream().map(o -> o.toView(full)).toList(),
				reviews.findByAssessmentIdOrderByRequestedAt(a.getId()).stream().map(ReviewRequest::toView).toList());
	}

	// --- helpers -------------------------------------------------------------------------------------------

	/** "uphold" keeps the grade; "change" needs a new, different grade within the sanction cap. Both need a reason. */
	private Grade decideChange(Assessment a, String outcome, String gradeText, String note) {
		List<Msg> problems = new ArrayList<>();
		Grade changedTo = null;
		if ("change".equals(outcome)) {
			Optional<Grade> grade = Grade.parse(gradeText);
			if (grade.isEmpty() || grade.get() == a.getFinalGrade()) {
				problems.add(new Msg("assessment.change.grade-required"));
			}
			else if (a.getGradeCap() != null && !grade.get().withinCap(a.getGradeCap())) {
				problems.add(new Msg("assessment.grade.over-cap", a.getUsername(), grade.get().label(), a.getGradeCap().label()));
			}
			else {
				changedTo = grade.get();
			}
		}
		else if (!"uphold".equals(outcome)) {
			problems.add(new Msg("assessment.change.outcome-required"));
		}
		if (note == null || note.isBlank()) {
			problems.add(new Msg("assessment.change.reason-required"));
		}
		if (!problems.isEmpty()) {
			throw violation(problems);
		}
		return changedTo;
	}

	private Assessment find(long id) {
		return assessments.findById(id).orElseThrow(() -> new NotFoundException(new Msg("assessment.id.not-found", id)));
	}

	private UnitReview unitReview(int year, String unitCode) {
		return units.findByYearAndUnitCode(year, unitCode)
			.orElseThrow(() -> new NotFoundException(new Msg("assessment.unit.not-started", unitCode, year)));
	}

	private Grade requireGrade(String text, String code) {
		return Grade.parse(text).orElseThrow(() -> violation(new Msg(code)));
	}

	private void requireText(String text, String code, int max) {
		if (text == null || text.isBlank()) {
			throw violation(new Msg(code));
		}
		if (text.length() > max) {
			throw violation(new Msg("assessment.text.too-long", max));
		}
	}

	private RuleViolationException violation(Msg msg) {
		return violation(List.of(msg));
	}

	/** Rendered too, because Tasklist shows only the exception's message when a form is refused. */
	private RuleViolationException violation(List<Msg> problems) {
		return new RuleViolationException(problems, String.join("；", problems.stream().map(this::render).toList()));
	}

	private String render(Msg msg) {
		return msg.render(messages, Locales.current());
	}

	private String label(Grade grade) {
		return grade == null ? "—" : render(new Msg("assessment.grade." + grade.name()));
	}

	private String day(Instant instant) {
		return DAY.format(instant.atZone(ZoneId.of(properties.current().zone())));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	/** The 优秀 quota as policy says now (policy settings may change it without a restart). */
	private ExcellentQuota quota() {
		return new ExcellentQuota(properties.current().excellentQuota());
	}

	/** When democratic evaluation is complete, as policy says now. */
	private PeerQuorum quorum() {
		return PeerQuorum.parse(properties.current().peerCompletionShare());
	}

}
