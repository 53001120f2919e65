/**
 * Discipline and accountability (执纪问责), confidential from the first step: leads (问题线索) and their
 * disposal, cases (立案 → 审查调查 → 陈述申辩 → 审理 → 决定 → 送达 → 申诉 → 执行), sanctions with their periods
 * (they cap assessment grades and block promotion while in force, and lift on their own), accountability of
 * the leaders answerable for a failing unit (问责), the conflict-of-interest rules (recusal), and an append-only
 * audit trail of every read and change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Discipline",
		allowedDependencies = { "organisation", "identity", "workflow", "calendar", "notification", "inspection",
				"assessment", "shared" })
package io.zeren.discipline;
