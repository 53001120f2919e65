package io.zeren.responsibility;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.zeren.organisation.OrganisationChanged;

/** Staff who join mid-year get their personal list once the change that added them is committed. */
@Component
class JoinerListener {

	private final KickOff kickOff;

	JoinerListener(KickOff kickOff) {
		this.kickOff = kickOff;
	}

	@TransactionalEventListener
	void on(OrganisationChanged changed) {
		if (!changed.usernames().isEmpty()) {
			kickOff.issueJoiners(changed.usernames());
		}
	}

}
