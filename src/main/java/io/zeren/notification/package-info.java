/**
 * Mail notifications: task events from the workflow and notices from other modules go into a persisted
 * outbox inside the business transaction, and a scheduled sender delivers them afterwards with retries,
 * backoff and an admin view of what failed. Staff may have their reminders combined into a daily digest.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
		allowedDependencies = { "workflow", "organisation", "shared" })
package io.zeren.notification;
