package io.zeren.workflow;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeren.identity.CallerGroups;
import io.zeren.identity.GroupIds;

@RestController
@Tag(name = "Delegations", description = "Out of office (代理): tasks go to a substitute for a date range")
class DelegationController {

	record DelegationRequest(String owner, String substitute, LocalDate startsOn, LocalDate endsOn, String reason) {
	}

	private final Delegations delegations;

	DelegationController(Delegations delegations) {
		this.delegations = delegations;
	}

	@PostMapping("/api/delegations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Set a substitute; owner defaults to the caller, a unit head may set one for a member")
	Delegation.DelegationView create(@RequestBody DelegationRequest body, Principal caller) {
		String owner = body.owner() == null || body.owner().isBlank() ? caller.getName() : body.owner();
		return delegations.create(owner, body.substitute(), body.startsOn(), body.endsOn(), body.reason(),
				caller.getName());
	}

	@GetMapping("/api/delegations")
	@Operation(summary = "Delegations the caller (or, for admins, the named user) is owner or substitute of")
	List<Delegation.DelegationView> list(@RequestParam(required = false) String user, Authentication caller) {
		String who = user != null && CallerGroups.inAny(caller, GroupIds.SYSTEM_ADMINS, GroupIds.ADMINS) ? user
				: caller.getName();
		return delegations.involving(who);
	}

	@PostMapping("/api/delegations/{id}/end")
	@Operation(summary = "The owner is back: end the delegation now")
	Delegation.DelegationView end(@PathVariable Long id, Principal caller) {
		return delegations.end(id, caller.getName());
	}

}
