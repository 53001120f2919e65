package io.zeren.organisation;

import java.util.Set;

/**
 * Published inside the transaction that changed the organisation.
 *
 * @param usernames staff whose own record, unit, head position or role set may have changed
 * @param structureChanged units or roles changed, so group definitions may have changed too
 */
public record OrganisationChanged(Set<String> usernames, boolean structureChanged) {

	public OrganisationChanged {
		usernames = Set.copyOf(usernames);
	}

}
