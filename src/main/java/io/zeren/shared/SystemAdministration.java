package io.zeren.shared;

/**
 * Who may use the system administrator's pages (三员分立, docs/security.md): the same rule the REST API applies to
 * /api/organisation/**, /api/calendar/**, /api/notifications/outbox (the group zeren-sysadmin). Modules that may not
 * depend on identity (organisation, calendar, notification) ask this; identity answers it.
 */
public interface SystemAdministration {

	/**
	 * The login of the system administrator looking at the page.
	 * @throws ForbiddenException if the caller is not the system administrator (the security administrator and the
	 * audit administrator included)
	 */
	String requireSystemAdmin();

}
