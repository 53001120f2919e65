/**
 * The year-end assessment (考核评价, 年尾): self-summary, democratic evaluation by peers, the unit head's
 * proposal, a recommended grade from policy (DMN), the committee's quota review, the leadership's decision,
 * publicity with objections, notices and acknowledgements, review and appeal, and the archived results with
 * their consecutive-years follow-ups.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment",
		allowedDependencies = { "organisation", "identity", "workflow", "calendar", "notification", "inspection", "shared" })
package io.zeren.assessment;
