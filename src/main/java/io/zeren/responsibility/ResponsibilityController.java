package io.zeren.responsibility;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeren.identity.CallerGroups;
import io.zeren.identity.GroupIds;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;

/**
 * The responsibility cycle over REST: open a year (political department or admin), read cycles, catalogue,
 * unit lists, personal lists and progress, run or resume the kick-off, and record evidence (list owner).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Responsibility", description = "Annual cycles, catalogue, unit and personal lists, kick-off, evidence")
class ResponsibilityController {

	static final String LEADERSHIP_ROLE = PersonalLists.LEADERSHIP_ROLE;

	private final Cycles cycles;

	private final PersonalLists lists;

	private final KickOff kickOff;

	private final CycleClosing closing;

	ResponsibilityController(Cycles cycles, PersonalLists lists, KickOff kickOff, CycleClosing closing) {
		this.closing = closing;
		this.cycles = cycles;
		this.lists = lists;
		this.kickOff = kickOff;
	}

	@PostMapping("/cycles")
	@Operation(summary = "Open a year's cycle and start its AnnualCycleProcess; 403 unless political department or admin, "
			+ "422 if the year already has a cycle")
	ResponseEntity<CycleView> open(@RequestBody Cycles.OpenCycle body, Authentication caller) {
		requirePolitical(caller);
		return ResponseEntity.status(HttpStatus.CREATED).body(cycles.open(body, caller.getName()));
	}

	@PostMapping("/cycles/{year}/close")
	@Operation(summary = "Close the year: the cycle becomes CLOSED and every signed personal list of the year ends; "
			+ "403 unless political department or admin, 422 unless the cycle is deployed. A rerun continues.")
	CycleClosing.Result close(@PathVariable int year, Authentication caller) {
		requirePolitical(caller);
		return closing.close(year);
	}

	@GetMapping("/cycles")
	List<CycleView> cycles() {
		return cycles.all();
	}

	@GetMapping("/cycles/{year}")
	CycleView cycle(@PathVariable int year) {
		return cycles.view(year);
	}

	@GetMapping("/cycles/{year}/catalogue")
	@Operation(summary = "The responsibility catalogue of the year")
	List<ItemView> catalogue(@PathVariable int year) {
		return cycles.catalogue(year);
	}

	@GetMapping("/cycles/{year}/unit-lists")
	List<Cycles.UnitListView> unitLists(@PathVariable int year) {
		return cycles.unitLists(year);
	}

	@GetMapping("/cycles/{year}/unit-lists/{unitCode}")
	Cycles.UnitListView unitList(@PathVariable int year, @PathVariable String unitCode) {
		return cycles.unitList(year, unitCode);
	}

	@GetMapping("/cycles/{year}/progress")
	@Operation(summary = "Personal lists issued, objected, signed, and evidence recorded in the year")
	PersonalLists.CycleProgress progress(@PathVariable int year) {
		return lists.cycleProgress(cycles.byYear(year));
	}

	@GetMapping("/cycles/{year}/kickoff")
	@Operation(summary = "Progress of the latest kick-off run: total, done, failed, last batch")
	KickOffStatus.View kickOffStatus(@PathVariable int year) {
		return kickOff.status(year)
			.orElseThrow(() -> new NotFoundException(new Msg("responsibility.kickoff.not-started", String.valueOf(year))));
	}

	@PostMapping("/cycles/{year}/kickoff")
	@Operation(summary = "Run or resume the kick-off: issues the lists still missing, skips everyone who has one")
	KickOffStatus.View resumeKickOff(@PathVariable int year, Authentication caller) {
		requirePolitical(caller);
		return kickOff.run(year);
	}

	@GetMapping("/lists")
	@Operation(summary = "Personal lists of a staff member (default: the caller), newest cycle first")
	List<PersonalLists.ListView> listsOf(@RequestParam(required = false) String username, Authentication caller) {
		String owner = username == null || username.isBlank() ? caller.getName() : username;
		List<PersonalLists.ListView> found = lists.ofUser(owner);
		found.forEach(list -> lists.readable(list.id(), caller.getName(), groupsOf(caller)));
		return found;
	}

	@GetMapping("/lists/{id}")
	PersonalLists.ListView list(@PathVariable Long id, Authentication caller) {
		lists.readable(id, caller.getName(), groupsOf(caller));
		return lists.view(id);
	}

	@GetMapping("/lists/{id}/progress")
	@Operation(summary = "Evidence recorded per item of a personal list")
	PersonalLists.ListProgress listProgress(@PathVariable Long id, Authentication caller) {
		lists.readable(id, caller.getName(), groupsOf(caller));
		return lists.progress(id);
	}

	@GetMapping("/lists/{id}/items/{itemId}/evidence")
	List<Evidence.EvidenceView> evidence(@PathVariable Long id, @PathVariable Long itemId, Authentication caller) {
		lists.readable(id, caller.getName(), groupsOf(caller));
		return lists.evidenceOf(id, itemId);
	}

	@PostMapping("/lists/{id}/items/{itemId}/evidence")
	@Operation(summary = "Record evidence against an item of one's own list: date, kind, note, attachment name/type/size")
	ResponseEntity<Evidence.EvidenceView> recordEvidence(@PathVariable Long id, @PathVariable Long itemId,
			@RequestBody PersonalLists.EvidenceRequest body, Authentication caller) {
		return ResponseEntity.status(HttpStatus.CREATED).body(lists.recordEvidence(id, itemId, body, caller.getName()));
	}

	private static void requirePolitical(Authentication caller) {
		if (!CycleAccess.mayRun(caller.getAuthorities().stream().map(authority -> authority.getAuthority()).toList())) {
			throw new AccessDeniedException("Only the political department or an admin may do this");
		}
	}

	/** The read check of lists and their evidence, the same as the pages': {@link PersonalLists#mayRead}. */
	private static java.util.Set<String> groupsOf(Authentication caller) {
		return caller.getAuthorities().stream().map(org.springframework.security.core.GrantedAuthority::getAuthority)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}


}
