/**
 * The annual responsibility cycle, deploy phase and daily record: the political department's work points and
 * catalogue, unit lists, personal responsibility lists signed as responsibility letters, objections, evidence
 * and quarterly checks, and the idempotent kick-off that issues every staff member's list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Responsibility",
		allowedDependencies = { "organisation", "identity", "calendar", "shared" })
package io.zeren.responsibility;
