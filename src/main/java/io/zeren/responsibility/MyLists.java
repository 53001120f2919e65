package io.zeren.responsibility;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.GroupIds;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.NotFoundException;

/**
 * What the pages 我的责任清单 and the home card read: a person's lists with their progress, one list's items with the
 * evidence recorded against each (and its files), and, for a unit head, their unit's list. Reads go through
 * {@link PersonalLists}' read check, the one the REST API uses.
 */
@Service
@Transactional(readOnly = true)
class MyLists {

	private final PersonalLists lists;

	private final Cycles cycles;

	private final CycleRepository cycleRows;

	private final PersonalListRepository listRows;

	private final OrganisationDirectory directory;

	private final ResponsibilityProperties properties;

	private final EvidenceRepository evidence;

	private final EvidenceFiles files;

	MyLists(PersonalLists lists, Cycles cycles, CycleRepository cycleRows, PersonalListRepository listRows,
			OrganisationDirectory directory, ResponsibilityProperties properties, EvidenceRepository evidence,
			EvidenceFiles files) {
		this.evidence = evidence;
		this.files = files;
		this.lists = lists;
		this.cycles = cycles;
		this.cycleRows = cycleRows;
		this.listRows = listRows;
		this.directory = directory;
		this.properties = properties;
	}

	/** A list in a person's overview: how many items have evidence, how many are late (due, none recorded). */
	record Summary(Long id, int year, PersonalList.State state, Instant signedAt, int items, int itemsWithEvidence,
			int late, long evidenceRecords) {

		public int percent() {
			return items == 0 ? 0 : itemsWithEvidence * 100 / items;
		}

	}

	/** One item on the list page: its terms, when it is due, its evidence (newest last) and whether it is late. */
	record ItemLine(ItemView item, LocalDate due, List<Evidence.EvidenceView> evidence, boolean late) {

		public LocalDate lastEvidenceOn() {
			return evidence.isEmpty() ? null : evidence.get(evidence.size() - 1).occurredOn();
		}

	}

	record ListPage(PersonalLists.ListView list, String ownerName, String unitName, boolean owner, Summary summary,
			List<ItemLine> items) {
	}

	/** The person's own lists, newest year first. */
	List<Summary> summariesOf(String username) {
		return listRows.findByUsernameOrderByCycleIdDesc(username).stream().map(list -> summary(list.getId())).toList();
	}

	/** The person's list of the year "now" falls in (the agency's zone), if they have one. */
	Optional<Summary> currentOf(String username) {
		int year = today().getYear();
		return cycleRows.findByYear(year)
			.flatMap(cycle -> listRows.findByCycleIdAndUsername(cycle.getId(), username))
			.map(list -> summary(list.getId()));
	}

	int currentYear() {
		return today().getYear();
	}

	/** One list as its page shows it; 403 unless the person may read it (owner, head of unit, political dept...). */
	ListPage page(Long listId, String username, Collection<String> groups) {
		lists.readable(listId, username, groups);
		return pageOf(listId, username);
	}

	/**
	 * The list a task is about (its story in Tasklist), of the person and year, for a viewer the workflow module has
	 * let see the task.
	 */
	Optional<ListPage> pageOf(int year, String person, String viewer) {
		return cycleRows.findByYear(year)
			.flatMap(cycle -> listRows.findByCycleIdAndUsername(cycle.getId(), person))
			.map(list -> pageOf(list.getId(), viewer));
	}

	private ListPage pageOf(Long listId, String username) {
		PersonalList list = listRows.findById(listId).orElseThrow();
		PersonalLists.ListView view = lists.view(listId);
		List<ItemLine> lines = lines(view);
		Optional<StaffInfo> owner = directory.cachedStaffInfo(list.getUsername());
		String unitName = owner.filter(staff -> list.getUnitCode().equals(staff.unitCode()))
			.map(StaffInfo::unitName)
			.orElseGet(() -> unitName(list.getUnitCode()));
		return new ListPage(view, owner.map(StaffInfo::fullName).orElse(list.getUsername()), unitName,
				list.getUsername().equals(username), summary(view, lines), lines);
	}

	/** One item line of a readable list; 404 if the item is not on it. */
	ItemLine item(ListPage page, Long itemId) {
		return page.items().stream().filter(line -> line.item().id().equals(itemId)).findFirst()
			.orElseThrow(() -> new NotFoundException(new io.zeren.shared.Msg("responsibility.item.not-found", itemId)));
	}

	/**
	 * A file of a list's evidence, for download: 403 unless the person may read the list, 404 unless the file belongs
	 * to it.
	 */
	EvidenceFile.FileView file(Long listId, Long fileId, String username, Collection<String> groups) {
		lists.readable(listId, username, groups);
		return files.find(fileId)
			.filter(file -> evidence.findById(file.evidenceId()).map(Evidence::getListId).filter(listId::equals).isPresent())
			.orElseThrow(() -> new NotFoundException(
					new io.zeren.shared.Msg("responsibility.evidence.file.not-found", String.valueOf(fileId))));
	}

	/** The unit lists a unit head sees with their own: their unit's, for each year they have a list in. */
	List<Cycles.UnitListView> unitListsOf(String username, String unitCode, Collection<String> groups) {
		if (unitCode == null || !groups.contains(GroupIds.head(unitCode))) {
			return List.of();
		}
		List<Cycles.UnitListView> found = new ArrayList<>();
		for (Cycle cycle : cycleRows.findAllByOrderByYearDesc()) {
			cycles.findUnitList(cycle.getYear(), unitCode).ifPresent(found::add);
		}
		return found;
	}

	/** A person's name for a page (their login only when the organisation does not know them). */
	public String fullName(String username) {
		return username == null ? "" : directory.cachedStaffInfo(username).map(StaffInfo::fullName).orElse(username);
	}

	/** A file size for people: 12.3 KB, 1.2 MB. */
	public String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	String unitName(String unitCode) {
		return directory.unit(unitCode).name();
	}

	private Summary summary(Long listId) {
		PersonalLists.ListView view = lists.view(listId);
		return summary(view, lines(view));
	}

	private Summary summary(PersonalLists.ListView view, List<ItemLine> lines) {
		int withEvidence = (int) lines.stream().filter(line -> !line.evidence().isEmpty()).count();
		int late = (int) lines.stream().filter(ItemLine::late).count();
		long records = lines.stream().mapToLong(line -> line.evidence().size()).sum();
		return new Summary(view.id(), view.year(), view.state(), view.signedAt(), lines.size(), withEvidence, late,
				records);
	}

	private List<ItemLine> lines(PersonalLists.ListView view) {
		Map<Long, List<Evidence.EvidenceView>> byItem = lists.evidenceOf(view.id(), null).stream()
			.collect(Collectors.groupingBy(Evidence.EvidenceView::itemId));
		LocalDate today = today();
		return view.items().stream().map(item -> {
			LocalDate due = item.dueOn() != null ? item.dueOn() : LocalDate.of(view.year(), 12, 31);
			List<Evidence.EvidenceView> evidence = byItem.getOrDefault(item.id(), List.of());
			return new ItemLine(item, due, evidence, evidence.isEmpty() && due.isBefore(today));
		}).toList();
	}

	/** A moment as the agency's clock shows it, for pages. */
	public LocalDateTime local(Instant at) {
		return at == null ? null : LocalDateTime.ofInstant(at, properties.zone());
	}

	java.time.ZoneId zone() {
		return properties.zone();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(EngineClock.now(), properties.zone());
	}

}
