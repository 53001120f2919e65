package io.zeren.identity;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.zeren.shared.AccessRefused;

/** Every refusal at our API goes to the security audit trail, in a transaction of its own. */
@Component
class AccessRefusedRecorder {

	private final SecurityAudit audit;

	AccessRefusedRecorder(SecurityAudit audit) {
		this.audit = audit;
	}

	@EventListener
	void on(AccessRefused refused) {
		audit.refused(refused.actor(), "API_REFUSED", refused.target(), refused.source(), refused.reason());
	}

}
