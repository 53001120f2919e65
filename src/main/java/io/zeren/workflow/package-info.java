/**
 * Camunda glue shared by every process: due dates from policy, reminders and escalation up the
 * supervisor chain, supervisors' actions on escalated tasks, and out-of-office delegation; and the unit head's page
 * of their unit's people and work (which reads the responsibility lists' state).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow",
		allowedDependencies = { "organisation", "identity", "calendar", "responsibility", "shared" })
package io.zeren.workflow;
