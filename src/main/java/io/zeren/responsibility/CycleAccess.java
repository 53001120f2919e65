package io.zeren.responsibility;

import java.util.Collection;

import io.zeren.identity.GroupIds;

/**
 * Who may run a year's cycle (open it, run or resume the kick-off, close it) and who may follow it on the
 * workbench: one rule for the REST API and the pages. Running it is for role POLITICAL (which the organisation gives
 * every member of the political department and its sections) and admins; leadership reads along.
 */
final class CycleAccess {

	private CycleAccess() {
	}

	/** Open, kick off, close: the political department or an admin. */
	static boolean mayRun(Collection<String> groups) {
		return groups.contains(GroupIds.SYSTEM_ADMINS) || groups.contains(GroupIds.role(PersonalLists.POLITICAL_ROLE));
	}

	/** The political department's pages of the cycle: those who run it, and leadership. */
	static boolean mayFollow(Collection<String> groups) {
		return mayRun(groups) || groups.contains(GroupIds.role(ResponsibilityController.LEADERSHIP_ROLE));
	}

}
