/**
 * Camunda glue shared by every process: due dates from policy, reminders and escalation up the
 * supervisor chain, supervisors' actions on escalated tasks, and out-of-office delegation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow",
		allowedDependencies = { "organisation", "identity", "calendar", "shared" })
package io.zeren.workflow;
