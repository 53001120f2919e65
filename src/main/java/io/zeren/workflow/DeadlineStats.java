package io.zeren.workflow;

/**
 * The responsibility signal of one person: tasks watched, how many ran past their due date, how many
 * climbed the supervisor chain. Feeds the assessment and the reports.
 */
public record DeadlineStats(String username, String unitCode, long tasks, long overdue, long escalated) {
}
