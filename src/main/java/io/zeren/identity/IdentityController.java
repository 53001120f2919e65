package io.zeren.identity;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Identity", description = "Camunda users and groups mirrored from the organisation")
class IdentityController {

	private final CamundaIdentitySync sync;

	IdentityController(CamundaIdentitySync sync) {
		this.sync = sync;
	}

	@PostMapping("/api/identity/sync")
	@Operation(summary = "Reconcile Camunda users, groups and memberships with the organisation (admins)")
	CamundaIdentitySync.SyncResult sync() {
		return sync.syncAll();
	}

}
