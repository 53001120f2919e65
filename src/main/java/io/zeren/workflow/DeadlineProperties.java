package io.zeren.workflow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Switches around the deadline policy. The numbers themselves (due in, remind before, escalate every,
 * cap) are in the DMN table Decision_TaskDeadlinePolicy that admins edit.
 *
 * @param enabled watch user tasks at all
 * @param policySet first input of the policy table: "standard", or "accelerated" for demonstrations
 * @param urgeMinInterval a supervisor may urge the same task at most once per this interval
 * @param zone the agency's time zone, for dates typed in forms
 * @param policyCacheTtl how long a policy table answer is reused (0: ask the table for every task)
 * @param delegationCacheTtl how long a node trusts its set of people with a delegation not ended
 * @param workdayEnd the end of the working day (HH:mm in the agency's zone): an extension to a date ends then;
 * a policy setting on /admin/policy
 */
@ConfigurationProperties("zeren.deadline")
record DeadlineProperties(@DefaultValue("true") boolean enabled, @DefaultValue("standard") String policySet,
		@DefaultValue("PT4H") Duration urgeMinInterval, @DefaultValue("Asia/Shanghai") String zone,
		@DefaultValue("PT5M") Duration policyCacheTtl, @DefaultValue("PT30S") Duration delegationCacheTtl,
		@DefaultValue("18:00") String workdayEnd) {
}
