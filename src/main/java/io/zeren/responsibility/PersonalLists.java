package io.zeren.responsibility;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.GroupIds;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.ForbiddenException;
import io.zeren.shared.FormRows;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.TaskNames;

/** Personal lists: issue, review, sign or object, answer objections, record evidence and quarterly checks. */
@Service
@Transactional
class PersonalLists {

	static final String POLITICAL_ROLE = "POLITICAL";

	static final String LEADERSHIP_ROLE = "LEADERSHIP";

	private final PersonalListRepository lists;

	private final ItemRepository items;

	private final UnitListRepository unitLists;

	private final ObjectionRepository objections;

	private final EvidenceRepository evidence;

	private final CheckRepository checks;

	private final CycleRepository cycles;

	private final OrganisationDirectory directory;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final SystemAuthentication system;

	private final ResponsibilityProperties properties;

	private final EvidenceFiles files;

	PersonalLists(PersonalListRepository lists, ItemRepository items, UnitListRepository unitLists,
			ObjectionRepository objections, EvidenceRepository evidence, CheckRepository checks, CycleRepository cycles,
			OrganisationDirectory directory, RuntimeService runtime, RepositoryService repository,
			SystemAuthentication system, ResponsibilityProperties properties, EvidenceFiles files) {
		this.files = files;
		this.lists = lists;
		this.items = items;
		this.unitLists = unitLists;
		this.objections = objections;
		this.evidence = evidence;
		this.checks = checks;
		this.cycles = cycles;
		this.directory = directory;
		this.runtime = runtime;
		this.repository = repository;
		this.system = system;
		this.properties = properties;
	}

	/**
	 * Issues a member's list and starts their PersonalResponsibilityProcess, unless they already have one in
	 * this cycle. The unique (cycle, username) constraint turns a concurrent second issue into a failure of
	 * its transaction, never into a second list.
	 */
	boolean issue(Long cycleId, int year, StaffInfo member) {
		if (lists.existsByCycleIdAndUsername(cycleId, member.username())) {
			return false;
		}
		issue(issueRun(cycleId, year), member);
		return true;
	}

	/**
	 * What the issues of one kick-off batch share, read once instead of once per member: the source items of
	 * each unit (the unit's confirmed list, or the cycle's catalogue) and the process definition to start.
	 */
	final class IssueRun {

		private final Long cycleId;

		private final int year;

		private final Map<String, List<Source>> sources = new HashMap<>();

		private String definitionId;

		IssueRun(Long cycleId, int year) {
			this.cycleId = cycleId;
			this.year = year;
		}

		private List<Source> sourceOf(String unitCode) {
			return sources.computeIfAbsent(unitCode, code -> unitLists.findByCycleIdAndUnitCode(cycleId, code)
				.map(unit -> items.findByOwnerKindAndOwnerIdOrderBySortNo(Item.Owner.UNIT, unit.getId()))
				.orElseGet(() -> items.findByOwnerKindAndOwnerIdOrderBySortNo(Item.Owner.CYCLE, cycleId))
				.stream()
				.map(item -> new Source(item.getId(), item.spec()))
				.toList());
		}

		private String definitionId() {
			if (definitionId == null) {
				definitionId = LatestDefinition.idOf(repository, PersonalResponsibilityProcess.KEY);
			}
			return definitionId;
		}

	}

	private record Source(Long itemId, ItemSpec spec) {
	}

	IssueRun issueRun(Long cycleId, int year) {
		return new IssueRun(cycleId, year);
	}

	/**
	 * Issues the list of a member known to have none in the cycle yet (the caller read who has one); the unique
	 * (cycle, username) constraint still fails the transaction if another node issued it meanwhile.
	 */
	void issue(IssueRun run, StaffInfo member) {
		List<Source> source = run.sourceOf(member.unitCode());
		PersonalList list = lists.save(new PersonalList(run.cycleId, member.username(), member.unitCode(),
				member.category(), member.post(), EngineClock.now()));
		List<ItemSpec> derived = new ArrayList<>();
		for (Source item : source) {
			if (ListDerivation.applies(item.spec(), member)) {
				derived.add(item.spec());
				items.save(new Item(Item.Owner.PERSONAL, list.getId(), item.itemId(), derived.size(), item.spec()));
			}
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(PersonalResponsibilityProcess.VAR_LIST_ID, list.getId());
		variables.put(PersonalResponsibilityProcess.VAR_YEAR, run.year);
		variables.put(PersonalResponsibilityProcess.VAR_USERNAME, member.username());
		variables.put(PersonalResponsibilityProcess.VAR_FULL_NAME, member.fullName());
		variables.putAll(TaskNames.context(run.year, member.unitName(), member.fullName()));
		variables.put(PersonalResponsibilityProcess.VAR_REVIEWER_GROUP, reviewerGroup(member.username()));
		variables.put(PersonalResponsibilityProcess.VAR_QUARTERLY_CHECKS, properties.quarterlyChecks());
		// The list as just issued, for the first review task; the transient flag tells the task's listener it is
		// current (a later review task, after an objection was answered, reads it again).
		variables.put(PersonalResponsibilityProcess.VAR_LIST_VIEW, FormRows.json(ItemRows.view(derived)));
		variables.put(PersonalResponsibilityProcess.VAR_LIST_VIEW_CURRENT, Variables.booleanValue(true, true));
		system.run(() -> runtime.startProcessInstanceById(run.definitionId(),
				PersonalResponsibilityProcess.businessKey(run.year, member.username()), variables));
	}

	/** Head of the member's own unit; for a head, of the unit above; for the agency head, the political department. */
	private String reviewerGroup(String username) {
		List<StaffInfo> chain = directory.cachedSupervisorChain(username);
		return chain.isEmpty() ? GroupIds.role(POLITICAL_ROLE) : GroupIds.head(chain.get(0).unitCode());
	}

	@Transactional(readOnly = true)
	List<Map<String, Object>> listView(Long listId) {
		return ItemRows.view(itemsOf(list(listId)).stream().map(Item::spec).toList());
	}

	/**
	 * The staff member signs the responsibility letter, or objects to item {@code itemNo} (1-based, as shown)
	 * with a reason. Returns the objection as the unit head will read it, or null when signed.
	 */
	String decide(Long listId, String decision, Number itemNo, String reason) {
		PersonalList list = list(listId);
		if (PersonalResponsibilityProcess.SIGN.equals(decision)) {
			list.sign(EngineClock.now());
			return null;
		}
		if (!PersonalResponsibilityProcess.OBJECT.equals(decision)) {
			throw new RuleViolationException(new Msg("responsibility.list.decision"));
		}
		List<Item> listItems = itemsOf(list);
		List<Msg> errors = new ArrayList<>();
		if (itemNo == null || itemNo.intValue() < 1 || itemNo.intValue() > listItems.size()) {
			errors.add(new Msg("responsibility.objection.item", itemNo, listItems.size()));
		}
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			errors.add(new Msg("responsibility.objection.reason"));
		}
		if (!errors.isEmpty()) {
			throw new RuleViolationException(errors);
		}
		Item item = listItems.get(itemNo.intValue() - 1);
		objections.save(new Objection(listId, item.getId(), reason.strip(), EngineClock.now()));
		list.objected();
		return "第 " + itemNo.intValue() + " 项「" + item.getTitle() + "」：" + reason.strip();
	}

	/**
	 * The unit head answers the open objection; {@code adjustedItem}, at most one row (rows left empty do not
	 * count), replaces the terms of the item objected to.
	 */
	void answer(Long listId, String answer, List<ItemRows.Row> adjustedItem, String username) {
		PersonalList list = list(listId);
		if (answer == null || answer.isBlank() || answer.length() > 1000) {
			throw new RuleViolationException(new Msg("responsibility.objection.answer"));
		}
		Objection open = objections.findByListIdOrderByRaisedAt(listId).stream().filter(Objection::isOpen)
			.reduce((first, second) -> second)
			.orElseThrow(() -> new RuleViolationException(new Msg("responsibility.objection.none")));
		if (adjustedItem.stream().anyMatch(row -> !ItemRows.empty(row))) {
			List<ItemSpec> specs = ItemRows.specs(adjustedItem);
			if (specs.size() != 1) {
				throw new RuleViolationException(new Msg("responsibility.objection.one-row"));
			}
			items.findById(open.getItemId()).ifPresent(item -> item.apply(specs.get(0)));
		}
		open.answer(answer.strip(), username, EngineClock.now());
		list.answered();
	}

	/** The first quarter end still ahead in the list's year, at 09:00 in the agency's zone; empty after Q4. */
	Optional<QuarterDue> nextQuarterCheck(Long listId) {
		PersonalList list = list(listId);
		int year = cycles.findById(list.getCycleId()).map(Cycle::getYear).orElseThrow();
		Instant now = EngineClock.now();
		for (int quarter = 1; quarter <= 4; quarter++) {
			LocalDate end = LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
			ZonedDateTime due = end.atTime(9, 0).atZone(properties.zone());
			if (due.toInstant().isAfter(now)) {
				return Optional.of(new QuarterDue(quarter, Date.from(due.toInstant())));
			}
		}
		return Optional.empty();
	}

	record QuarterDue(int quarter, Date at) {
	}

	void recordCheck(Long listId, int quarter, String rating, String note, String username) {
		list(listId);
		if (rating == null || !List.of("good", "fair", "poor").contains(rating)) {
			throw new RuleViolationException(new Msg("responsibility.check.rating"));
		}
		if (note != null && note.length() > 1000) {
			throw new RuleViolationException(new Msg("responsibility.text.too-long", 1, "说明", 1000));
		}
		checks.save(new QuarterlyCheck(listId, quarter, rating, note, username, EngineClock.now()));
	}

	record EvidenceRequest(LocalDate occurredOn, String kind, String note, String attachmentName,
			String attachmentType, Long attachmentSize) {
	}

	/** The owner records work done against an item of their list (平时记实), over REST: no files. */
	Evidence.EvidenceView recordEvidence(Long listId, Long itemId, EvidenceRequest request, String caller) {
		return recordEvidence(listId, itemId, request, List.of(), caller);
	}

	/**
	 * The owner records work done against an item of their list (平时记实), with files stored in the database. Every
	 * problem is reported at once; the record and its files are written in this one transaction, or nothing is.
	 */
	Evidence.EvidenceView recordEvidence(Long listId, Long itemId, EvidenceRequest request,
			List<EvidenceFiles.Upload> uploads, String caller) {
		PersonalList list = list(listId);
		if (!list.getUsername().equals(caller)) {
			throw new ForbiddenException(new Msg("responsibility.evidence.owner-only"));
		}
		Item item = item(list, itemId);
		int year = cycles.findById(list.getCycleId()).map(Cycle::getYear).orElseThrow();
		LocalDate today = LocalDate.ofInstant(EngineClock.now(), properties.zone());
		List<Msg> errors = new ArrayList<>();
		if (request.occurredOn() == null) {
			errors.add(new Msg("responsibility.evidence.date-missing", String.valueOf(year)));
		}
		else if (request.occurredOn().getYear() != year || request.occurredOn().isAfter(today)) {
			errors.add(new Msg("responsibility.evidence.date", String.valueOf(request.occurredOn()),
					String.valueOf(year)));
		}
		Evidence.Kind kind = null;
		try {
			kind = request.kind() == null ? null : Evidence.Kind.valueOf(request.kind());
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (kind == null) {
			errors.add(new Msg("responsibility.evidence.kind", String.valueOf(request.kind())));
		}
		if (request.note() != null && request.note().length() > 2000) {
			errors.add(new Msg("responsibility.text.too-long", 1, "说明", 2000));
		}
		boolean hasAttachment = request.attachmentName() != null && !request.attachmentName().isBlank();
		if (hasAttachment && request.attachmentName().length() > 255
				|| request.attachmentType() != null && request.attachmentType().length() > 100) {
			errors.add(new Msg("responsibility.evidence.attachment"));
		}
		if (request.attachmentSize() != null && (request.attachmentSize() < 0 || !hasAttachment)) {
			errors.add(new Msg("responsibility.evidence.attachment"));
		}
		errors.addAll(files.problems(uploads));
		if (!errors.isEmpty()) {
			throw new RuleViolationException(errors);
		}
		Instant now = EngineClock.now();
		Evidence saved = evidence.saveAndFlush(new Evidence(listId, item.getId(), request.occurredOn(), kind,
				request.note() == null || request.note().isBlank() ? null : request.note().strip(),
				hasAttachment ? request.attachmentName().strip() : null, hasAttachment ? request.attachmentType() : null,
				hasAttachment ? request.attachmentSize() : null, caller, now));
		return saved.view(files.store(saved.getId(), uploads, caller, now));
	}

	/** An item of the list, or 404 (an item of another list is not found here). */
	private Item item(PersonalList list, Long itemId) {
		return items.findById(itemId)
			.filter(found -> found.getOwnerKind() == Item.Owner.PERSONAL && found.getOwnerId().equals(list.getId()))
			.orElseThrow(() -> new NotFoundException(new Msg("responsibility.item.not-found", itemId)));
	}

	/**
	 * Who may read a personal list, its evidence and its files: the owner, the head of the owner's unit, the
	 * political department, leadership and admins.
	 */
	static boolean mayRead(PersonalList list, String username, java.util.Collection<String> groups) {
		return username.equals(list.getUsername()) || groups.contains(GroupIds.head(list.getUnitCode()))
				|| groups.contains(GroupIds.SYSTEM_ADMINS) || groups.contains(GroupIds.role(POLITICAL_ROLE))
				|| groups.contains(GroupIds.role(LEADERSHIP_ROLE));
	}

	/** The list, if the person may read it ({@link #mayRead}); 403 with the reason otherwise. */
	@Transactional(readOnly = true)
	PersonalList readable(Long listId, String username, java.util.Collection<String> groups) {
		PersonalList list = list(listId);
		if (!mayRead(list, username, groups)) {
			throw new ForbiddenException(new Msg("responsibility.list.forbidden"));
		}
		return list;
	}

	record ItemProgress(ItemView item, long evidenceCount, LocalDate lastEvidenceOn) {
	}

	record ListView(Long id, int year, String username, String unitCode, String category, String post,
			PersonalList.State state, Instant issuedAt, Instant signedAt, List<ItemView> items,
			List<Objection.ObjectionView> objections, List<QuarterlyCheck.CheckView> checks) {
	}

	record ListProgress(Long listId, String username, PersonalList.State state, List<ItemProgress> items) {
	}

	@Transactional(readOnly = true)
	ListView view(Long listId) {
		PersonalList list = list(listId);
		int year = cycles.findById(list.getCycleId()).map(Cycle::getYear).orElseThrow();
		return new ListView(list.getId(), year, list.getUsername(), list.getUnitCode(),
				list.getCategory() == null ? null : list.getCategory().name(), list.getPost(), list.getState(),
				list.getIssuedAt(), list.getSignedAt(), itemsOf(list).stream().map(Item::view).toList(),
				objections.findByListIdOrderByRaisedAt(listId).stream().map(Objection::view).toList(),
				checks.findByListIdOrderByQuarter(listId).stream().map(QuarterlyCheck::view).toList());
	}

	@Transactional(readOnly = true)
	List<ListView> ofUser(String username) {
		return lists.findByUsernameOrderByCycleIdDesc(username).stream().map(list -> view(list.getId())).toList();
	}

	@Transactional(readOnly = true)
	List<Evidence.EvidenceView> evidenceOf(Long listId, Long itemId) {
		list(listId);
		List<Evidence> records = evidence.findByListIdOrderByOccurredOn(listId).stream()
			.filter(record -> itemId == null || record.getItemId().equals(itemId))
			.toList();
		Map<Long, List<EvidenceFile.FileView>> byEvidence = files
			.ofEvidence(records.stream().map(Evidence::getId).toList())
			.stream()
			.collect(Collectors.groupingBy(EvidenceFile.FileView::evidenceId));
		return records.stream().map(record -> record.view(byEvidence.getOrDefault(record.getId(), List.of()))).toList();
	}

	@Transactional(readOnly = true)
	ListProgress progress(Long listId) {
		PersonalList list = list(listId);
		Map<Long, List<Evidence>> byItem = evidence.findByListIdOrderByOccurredOn(listId).stream()
			.collect(Collectors.groupingBy(Evidence::getItemId));
		List<ItemProgress> progress = itemsOf(list).stream().map(item -> {
			List<Evidence> records = byItem.getOrDefault(item.getId(), List.of());
			LocalDate last = records.isEmpty() ? null : records.get(records.size() - 1).view().occurredOn();
			return new ItemProgress(item.view(), records.size(), last);
		}).toList();
		return new ListProgress(listId, list.getUsername(), list.getState(), progress);
	}

	record CycleProgress(int year, Cycle.State state, long lists, long issued, long objected, long signed,
			long evidenceRecords) {
	}

	@Transactional(readOnly = true)
	CycleProgress cycleProgress(Cycle cycle) {
		Long id = cycle.getId();
		return new CycleProgress(cycle.getYear(), cycle.getState(), lists.countByCycleId(id),
				lists.countByCycleIdAndState(id, PersonalList.State.ISSUED),
				lists.countByCycleIdAndState(id, PersonalList.State.OBJECTED),
				lists.countByCycleIdAndState(id, PersonalList.State.SIGNED), evidence.countInCycle(id));
	}

	/** The list's owner and unit, for access checks at the edge. */
	@Transactional(readOnly = true)
	PersonalList list(Long listId) {
		return lists.findById(listId)
			.orElseThrow(() -> new NotFoundException(new Msg("responsibility.list.not-found", String.valueOf(listId))));
	}

	private List<Item> itemsOf(PersonalList list) {
		return items.findByOwnerKindAndOwnerIdOrderBySortNo(Item.Owner.PERSONAL, list.getId());
	}


}
