package io.zeren.workflow;

import java.time.Instant;

/**
 * One approval operation in a process instance's history ({@link TaskOperations#history}): its type (退回, 转办 ...),
 * the task it was done on, who did it, to whom or to which step, the comment, and when. Names are staff names, never
 * logins; {@code targetStep} is the name of the step returned or withdrawn to.
 *
 * @param type one of {@link TaskOperations.Op} names
 * @param label the operation in Chinese: 退回, 转办, 委派, 委派办回, 加签, 加签意见, 抄送, 撤回, 催办
 */
public record TaskOperationEntry(String type, String label, String taskId, String taskName, String actor,
		String actorName, String target, String targetName, String targetStep, String comment, Instant at) {
}
