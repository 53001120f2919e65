/**
 * Policy settings (政策参数): the policy numbers administrators own — the 优秀 quota share, assessment windows,
 * sanction periods, case and accountability limits — edited on a page with validation and an audit trail, and applied
 * on every node without a restart. Modules read their policy through {@link io.zeren.shared.LivePolicy}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Settings",
		allowedDependencies = { "identity", "calendar", "shared" })
package io.zeren.settings;
