package io.zeren.responsibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;

import jakarta.persistence.EntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.calendar.EngineClock;
import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.UnitInfo;
import io.zeren.shared.FormRows;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;
import io.zeren.shared.TaskNames;

/** The deploy phase of a year: open the cycle, draft and approve the catalogue, turn it into unit lists. */
@Service
@Transactional
class Cycles {

	/** What opening a cycle needs; items are optional (the political department may draft them in Tasklist). */
	record OpenCycle(Integer year, String title, String workPoints, List<ItemSpec> items) {
	}

	private final CycleRepository cycles;

	private final ItemRepository items;

	private final UnitListRepository unitLists;

	private final OrganisationDirectory directory;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final SystemAuthentication system;

	private final EntityManager entities;

	private final ResponsibilityProperties properties;

	Cycles(CycleRepository cycles, ItemRepository items, UnitListRepository unitLists, OrganisationDirectory directory,
			RuntimeService runtime, RepositoryService repository, SystemAuthentication system, EntityManager entities,
			ResponsibilityProperties properties) {
		this.cycles = cycles;
		this.items = items;
		this.unitLists = unitLists;
		this.directory = directory;
		this.runtime = runtime;
		this.repository = repository;
		this.system = system;
		this.entities = entities;
		this.properties = properties;
	}

	/** Opens the year's cycle and starts its AnnualCycleProcess (business key: the year). */
	CycleView open(OpenCycle request, String caller) {
		List<Msg> errors = new ArrayList<>();
		Integer year = request.year();
		if (year == null || year < 2000 || year > 2100) {
			errors.add(new Msg("responsibility.cycle.year", String.valueOf(year)));
		}
		String title = request.title() == null || request.title().isBlank() ? year + "年度思想政治工作责任清单"
				: request.title().strip();
		if (title.length() > 200) {
			errors.add(new Msg("responsibility.cycle.title"));
		}
		if (request.workPoints() != null && request.workPoints().length() > 4000) {
			errors.add(new Msg("responsibility.cycle.work-points"));
		}
		if (!errors.isEmpty()) {
			throw new RuleViolationException(errors);
		}
		if (cycles.existsByYear(year)) {
			throw new RuleViolationException(new Msg("responsibility.cycle.exists", String.valueOf(year)));
		}
		Cycle cycle;
		try {
			cycle = cycles.saveAndFlush(new Cycle(year, title, request.workPoints(), caller, EngineClock.now()));
		}
		catch (DataIntegrityViolationException ex) {
			// Someone opened the same year a moment ago: the unique year decides.
			throw new RuleViolationException(new Msg("responsibility.cycle.exists", String.valueOf(year)));
		}
		List<ItemSpec> catalogue = request.items() == null ? List.of() : request.items();
		replaceItems(Item.Owner.CYCLE, cycle.getId(), catalogue, List.of());
		Map<String, Object> variables = new HashMap<>();
		variables.put(AnnualCycleProcess.VAR_CYCLE_ID, cycle.getId());
		variables.put(AnnualCycleProcess.VAR_YEAR, year);
		variables.putAll(TaskNames.context(year, null, null));
		variables.put(AnnualCycleProcess.VAR_WORK_POINTS, request.workPoints());
		variables.put(AnnualCycleProcess.VAR_CATALOGUE_ROWS, FormRows.json(ItemRows.rows(catalogue)));
		system.run(() -> runtime.startProcessInstanceByKey(AnnualCycleProcess.KEY, String.valueOf(year), variables));
		return cycle.view();
	}

	/**
	 * The political department's draft: work points and catalogue rows, replacing the previous draft. Returns the
	 * saved catalogue as the leadership's read-only table.
	 */
	List<Map<String, Object>> saveDraft(Long cycleId, String workPoints, List<ItemRows.Row> catalogueRows) {
		Cycle cycle = cycle(cycleId);
		if (workPoints != null && workPoints.length() > 4000) {
			throw new RuleViolationException(new Msg("responsibility.cycle.work-points"));
		}
		List<ItemSpec> catalogue = ItemRows.specs(catalogueRows);
		replaceItems(Item.Owner.CYCLE, cycleId, catalogue, List.of());
		cycle.draft(workPoints);
		return ItemRows.view(catalogue);
	}

	/** Leadership approves the draft or sends it back; sending back needs a comment. */
	void decide(Long cycleId, String decision, String note) {
		boolean approve = AnnualCycleProcess.APPROVE.equals(decision);
		if (!approve && !"return".equals(decision)) {
			throw new RuleViolationException(new Msg("responsibility.cycle.decision"));
		}
		if (!approve && (note == null || note.isBlank())) {
			throw new RuleViolationException(new Msg("responsibility.cycle.return-note"));
		}
		if (note != null && note.length() > 1000) {
			throw new RuleViolationException(new Msg("responsibility.text.too-long", 1, "意见", 1000));
		}
		cycle(cycleId).decide(approve, note);
	}

	/**
	 * A list per active unit with a head, copied from the approved catalogue. Returns the units in batches of
	 * {@code zeren.responsibility.unit-list-batch-size} (codes joined by commas), whose UnitListProcess the
	 * cycle starts one batch per job. Refused when no active unit has a head: nobody could confirm a list.
	 */
	List<String> prepareUnitLists(Long cycleId) {
		cycle(cycleId);
		List<Item> catalogue = items.findByOwnerKindAndOwnerIdOrderBySortNo(Item.Owner.CYCLE, cycleId);
		// One read of the lists already there (a rerun), no query per unit: every query flushes first, and
		// Hibernate's flush checks every entity it manages, which made a province's 8,500 units quadratic.
		Set<String> existing = new HashSet<>(unitLists.unitCodesOf(cycleId));
		List<String> codes = new ArrayList<>();
		for (UnitInfo unit : directory.units()) {
			if (!unit.active() || unit.headUsername() == null) {
				continue;
			}
			codes.add(unit.code());
			if (existing.add(unit.code())) {
				UnitList list = unitLists.save(new UnitList(cycleId, unit.code()));
				int sort = 0;
				for (Item item : catalogue) {
					items.save(new Item(Item.Owner.UNIT, list.getId(), item.getId(), ++sort, item.spec()));
				}
			}
		}
		if (codes.isEmpty()) {
			throw new RuleViolationException(new Msg("responsibility.unit-list.no-heads"));
		}
		// Written, and no longer managed: what runs next in this transaction does not check them again.
		entities.flush();
		entities.clear();
		int size = Math.max(1, properties.unitListBatchSize());
		List<String> batches = new ArrayList<>();
		for (int from = 0; from < codes.size(); from += size) {
			batches.add(UnitBatch.of(codes.subList(from, Math.min(from + size, codes.size()))));
		}
		return batches;
	}

	/**
	 * One batch of units, in a job of its own: starts each unit's UnitListProcess (the unit head's task). The
	 * batch commits as a whole, so a retried job starts nothing twice.
	 */
	void startUnitLists(Long cycleId, int year, String batch) {
		String definitionId = LatestDefinition.idOf(repository, UnitListProcess.KEY);
		for (String unitCode : UnitBatch.codes(batch)) {
			Map<String, Object> variables = new HashMap<>();
			variables.put(UnitListProcess.VAR_CYCLE_ID, cycleId);
			variables.put(UnitListProcess.VAR_YEAR, year);
			variables.put(UnitListProcess.VAR_UNIT_CODE, unitCode);
			variables.putAll(TaskNames.context(year, directory.unit(unitCode).name(), null));
			system.run(() -> runtime.startProcessInstanceById(definitionId, UnitListProcess.businessKey(year, unitCode),
					variables));
		}
	}

	/**
	 * The unit lists of the cycle not confirmed yet. Takes the cycle's row lock first: every confirmation and the
	 * cycle's own check count under it, so of two heads confirming the last two units at the same moment, the
	 * second counts after the first committed and sees none left.
	 */
	long openUnitLists(Long cycleId) {
		cycles.findForUpdate(cycleId)
			.orElseThrow(() -> new NotFoundException(new Msg("responsibility.cycle.not-found", String.valueOf(cycleId))));
		return unitLists.countOpen(cycleId);
	}

	/**
	 * A unit list was confirmed: when it was the year's last, the cycle goes on to the kick-off. Returns whether
	 * it was the last. If the cycle is not waiting yet (its last batch of units is still joining), it counts
	 * again itself before it waits ({@link #openUnitLists}, under the same lock).
	 */
	boolean reportUnitListConfirmed(Long cycleId, int year) {
		if (openUnitLists(cycleId) > 0) {
			return false;
		}
		system.run(() -> runtime.createMessageCorrelation(AnnualCycleProcess.MESSAGE_UNIT_LISTS_CONFIRMED)
			.processInstanceBusinessKey(String.valueOf(year))
			.correlateAllWithResult());
		return true;
	}

	/** For the unit task's form; what it reads is let go again (a batch starts many unit tasks). */
	@Transactional(readOnly = true)
	List<ItemRows.Row> unitListRows(Long cycleId, String unitCode) {
		UnitList list = unitList(cycleId, unitCode);
		List<Item> listItems = items.findByOwnerKindAndOwnerIdOrderBySortNo(Item.Owner.UNIT, list.getId());
		List<ItemRows.Row> text = ItemRows.rows(listItems.stream().map(Item::spec).toList());
		entities.detach(list);
		listItems.forEach(entities::detach);
		return text;
	}

	/** The unit head's adjusted list (add, drop, adjust items), confirmed. */
	void confirmUnitList(Long cycleId, String unitCode, List<ItemRows.Row> rows, String username) {
		UnitList list = unitList(cycleId, unitCode);
		List<ItemSpec> specs = ItemRows.specs(rows);
		replaceItems(Item.Owner.UNIT, list.getId(), specs,
				items.findByOwnerKindAndOwnerIdOrderBySortNo(Item.Owner.CYCLE, cycleId));
		list.confirm(username, EngineClock.now());
	}

	/**
	 * Personal lists may be issued once every unit list is confirmed: the cycle moves to KICKOFF (and stays
	 * there, or DEPLOYED, for resumes and joiners). Otherwise a clear refusal.
	 */
	void beginKickOff(int year) {
		Cycle cycle = byYear(year);
		if (cycle.issuing()) {
			return;
		}
		List<UnitList> units = unitLists.findByCycleIdOrderByUnitCode(cycle.getId());
		boolean confirmed = !units.isEmpty() && units.stream().allMatch(unit -> unit.getConfirmedAt() != null);
		if (cycle.getState() != Cycle.State.UNIT_LISTS || !confirmed) {
			throw new RuleViolationException(
					new Msg("responsibility.kickoff.not-ready", String.valueOf(year), cycle.getState()));
		}
		cycle.kickOff();
	}

	void markDeployed(Long cycleId) {
		cycle(cycleId).deployed(EngineClock.now());
	}

	@Transactional(readOnly = true)
	List<CycleView> all() {
		return cycles.findAllByOrderByYearDesc().stream().map(Cycle::view).toList();
	}

	@Transactional(readOnly = true)
	CycleView view(int year) {
		return byYear(year).view();
	}

	@Transactional(readOnly = true)
	List<ItemView> catalogue(int year) {
		return items.findByOwnerKindAndOwnerIdOrderBySortNo(Item.Owner.CYCLE, byYear(year).getId())
			.stream()
			.map(Item::view)
			.toList();
	}

	record UnitListView(Long id, int year, String unitCode, String confirmedBy, Instant confirmedAt,
			List<ItemView> items) {
	}

	@Transactional(readOnly = true)
	List<UnitListView> unitLists(int year) {
		Cycle cycle = byYear(year);
		return unitLists.findByCycleIdOrderByUnitCode(cycle.getId()).stream().map(list -> unitListView(year, list)).toList();
	}

	@Transactional(readOnly = true)
	UnitListView unitList(int year, String unitCode) {
		return unitListView(year, unitList(byYear(year).getId(), unitCode));
	}

	/** The unit's list of the year, if the year and the list exist (no refusal: for pages that look around). */
	@Transactional(readOnly = true)
	java.util.Optional<UnitListView> findUnitList(int year, String unitCode) {
		return cycles.findByYear(year)
			.flatMap(cycle -> unitLists.findByCycleIdAndUnitCode(cycle.getId(), unitCode))
			.map(list -> unitListView(year, list));
	}

	private UnitListView unitListView(int year, UnitList list) {
		return new UnitListView(list.getId(), year, list.getUnitCode(), list.getConfirmedBy(), list.getConfirmedAt(),
				items.findByOwnerKindAndOwnerIdOrderBySortNo(Item.Owner.UNIT, list.getId()).stream().map(Item::view).toList());
	}

	Cycle byYear(int year) {
		return cycles.findByYear(year)
			.orElseThrow(() -> new NotFoundException(new Msg("responsibility.cycle.not-found", String.valueOf(year))));
	}

	private Cycle cycle(Long id) {
		return cycles.findById(id)
			.orElseThrow(() -> new NotFoundException(new Msg("responsibility.cycle.not-found", String.valueOf(id))));
	}

	private UnitList unitList(Long cycleId, String unitCode) {
		return unitLists.findByCycleIdAndUnitCode(cycleId, unitCode)
			.orElseThrow(() -> new NotFoundException(new Msg("responsibility.unit-list.not-found", unitCode)));
	}

	/** Replaces an owner's items; each new item remembers the item above with the same title, if any. */
	private void replaceItems(Item.Owner owner, Long ownerId, List<ItemSpec> specs, List<Item> above) {
		items.deleteByOwnerKindAndOwnerId(owner, ownerId);
		int sort = 0;
		for (ItemSpec spec : specs) {
			Long source = above.stream().filter(item -> item.getTitle().equals(spec.title())).map(Item::getId).findFirst()
				.orElse(null);
			items.save(new Item(owner, ownerId, source, ++sort, spec));
		}
	}

}
