package io.zeren.organisation;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeren.organisation.ChangeReport.Outcome;
import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;

/** The organisation over REST: read by any signed-in user, changed by admins (see the security rules). */
@RestController
@RequestMapping("/api")
@Tag(name = "Organisation", description = "Units, staff, heads, supervisor chains and functional roles")
class OrganisationController {

	private final OrganisationDirectory directory;

	private final OrganisationChanges changes;

	OrganisationController(OrganisationDirectory directory, OrganisationChanges changes) {
		this.directory = directory;
		this.changes = changes;
	}

	@GetMapping("/units")
	@Operation(summary = "All units, parents before children within each level's sort order")
	List<UnitInfo> units() {
		return directory.units();
	}

	@GetMapping("/units/{code}")
	UnitInfo unit(@PathVariable String code) {
		return directory.unit(code);
	}

	@PutMapping("/units/{code}")
	@Operation(summary = "Create or update a unit; 422 with every violated rule if the result would be invalid")
	ResponseEntity<UnitInfo> putUnit(@PathVariable String code, @RequestBody UnitRecord body) {
		UnitRecord unit = new UnitRecord(code, body.name(), body.nameEn(), body.kind(), body.parentCode(), body.sortNo(),
				body.active());
		Outcome outcome = changes.applyAll(OrganisationChange.ofUnit(unit)).get(0);
		return ResponseEntity.status(status(outcome)).body(directory.unit(code));
	}

	@GetMapping("/units/{code}/members")
	@Operation(summary = "Active members of a unit, optionally including all units below it")
	List<StaffInfo> members(@PathVariable String code,
			@RequestParam(defaultValue = "false") boolean includeSubunits) {
		return directory.members(code, includeSubunits);
	}

	@GetMapping("/units/{code}/head")
	StaffInfo head(@PathVariable String code) {
		return directory.head(code).orElseThrow(() -> new NotFoundException(new Msg("org.unit.no-head", code)));
	}

	@GetMapping("/staff")
	@Operation(summary = "Search staff by unit and by name or username")
	Page<StaffInfo> staff(@RequestParam(required = false) String unit, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean includeInactive,
			@PageableDefault(size = 50, sort = "username") Pageable page) {
		return directory.searchStaff(unit, q, includeInactive, page);
	}

	@GetMapping("/staff/{username}")
	StaffInfo staffMember(@PathVariable String username) {
		return directory.staff(username);
	}

	@PutMapping("/staff/{username}")
	@Operation(summary = "Create or update a staff member; unitRole HEAD makes them head of their unit")
	ResponseEntity<StaffInfo> putStaff(@PathVariable String username, @RequestBody StaffRecord body) {
		StaffRecord record = new StaffRecord(username, body.fullName(), body.unitCode(), body.post(), body.category(),
				body.unitRole(), body.partyMember(), body.email(), body.active());
		Outcome outcome = changes.applyAll(OrganisationChange.ofStaff(record)).get(0);
		return ResponseEntity.status(status(outcome)).body(directory.staff(username));
	}

	@DeleteMapping("/staff/{username}")
	@Operation(summary = "Deactivate a staff member (they leave the agency); history is kept")
	StaffInfo deactivate(@PathVariable String username) {
		StaffInfo current = directory.staff(username);
		changes.applyAll(OrganisationChange.ofStaff(new StaffRecord(username, current.fullName(), current.unitCode(),
				current.post(), current.category(), UnitRole.MEMBER, current.partyMember(), current.email(), false)));
		return directory.staff(username);
	}

	@GetMapping("/staff/{username}/supervisors")
	@Operation(summary = "Supervisor chain, nearest first, up to the agency head")
	List<StaffInfo> supervisors(@PathVariable String username) {
		return directory.supervisorChain(username);
	}

	@GetMapping("/staff/{username}/supervisors/{levels}")
	@Operation(summary = "The supervisor N levels up (1 = direct supervisor)")
	StaffInfo supervisor(@PathVariable String username, @PathVariable int levels) {
		if (levels < 1) {
			throw new NotFoundException(new Msg("org.supervisor.none", username, levels));
		}
		return directory.supervisor(username, levels)
			.orElseThrow(() -> new NotFoundException(new Msg("org.supervisor.none", username, levels)));
	}

	@GetMapping("/roles")
	List<RoleInfo> roles() {
		return directory.roles();
	}

	@GetMapping("/roles/{code}")
	RoleInfo role(@PathVariable String code) {
		return directory.role(code);
	}

	@PutMapping("/roles/{code}")
	ResponseEntity<RoleInfo> putRole(@PathVariable String code, @RequestBody RoleRecord body) {
		Outcome outcome = changes
			.applyAll(OrganisationChange.ofRole(new RoleRecord(code, body.name(), body.ownerUnitCode(), body.withSubunits())))
			.get(0);
		return ResponseEntity.status(status(outcome)).body(directory.role(code));
	}

	@GetMapping("/roles/{code}/owner")
	@Operation(summary = "The unit that owns a functional role")
	UnitInfo roleOwner(@PathVariable String code) {
		return directory.roleOwner(code);
	}

	private static HttpStatus status(Outcome outcome) {
		return outcome == Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
	}

}
