/**
 * The mid-year inspection (年中督促检查): the inspection team inspects units and records findings (问题清单)
 * against a unit or a person; each finding opens a rectification (整改: plan, evidence by a deadline,
 * verification by the inspector); overdue and failed rectifications are published as events the discipline
 * module takes up as leads. Also the staff's progress self-reports and their unit head's review.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspection",
		allowedDependencies = { "organisation", "identity", "calendar", "notification", "shared" })
package io.zeren.inspection;
