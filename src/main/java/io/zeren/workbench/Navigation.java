package io.zeren.workbench;

import java.util.List;
import java.util.function.Predicate;

import io.zeren.identity.Viewer;

/**
 * The workbench's menu: sections of entries, each shown to the roles it serves (a page checks access itself; the
 * menu only leaves out what a role cannot use). Labels are message keys.
 */
final class Navigation {

	record Entry(String label, String href, Predicate<Viewer> visibleTo) {
	}

	record Section(String label, List<Entry> entries) {

		List<Entry> visibleTo(Viewer viewer) {
			return entries.stream().filter(entry -> entry.visibleTo().test(viewer)).toList();
		}

	}

	/** What a section looks like to one viewer: only the entries they may use; empty sections are left out. */
	record Shown(String label, List<Entry> entries) {
	}

	private static final Predicate<Viewer> STAFF = Viewer::isStaff;

	private static final Predicate<Viewer> HEAD = Viewer::isUnitHead;

	private static final Predicate<Viewer> POLITICAL = viewer -> viewer.hasRole("POLITICAL");

	private static Predicate<Viewer> politicalOr(Predicate<Viewer> other) {
		return POLITICAL.or(other);
	}

	private static final Predicate<Viewer> LEADERSHIP = viewer -> viewer.hasRole("LEADERSHIP");

	/** The political department runs the year; the leadership follows it. */
	private static final Predicate<Viewer> CYCLES = politicalOr(LEADERSHIP);

	private static final Predicate<Viewer> INSPECTION = politicalOr(LEADERSHIP)
		.or(viewer -> viewer.hasRole("INSPECTION") || viewer.hasRole("DISCIPLINE"));

	/** The committee runs the assessment; the leadership decides. Other political staff see only their own units. */
	private static final Predicate<Viewer> ASSESSMENT = viewer -> viewer.hasRole("ASSESSMENT_COMMITTEE")
			|| viewer.hasRole("LEADERSHIP");

	private static final Predicate<Viewer> DISCIPLINE = viewer -> viewer.hasRole("DISCIPLINE");

	/** Case review reads leads, cases and sanctions too. */
	private static final Predicate<Viewer> CASES = DISCIPLINE.or(viewer -> viewer.hasRole("CASE_REVIEW"));

	private static final Predicate<Viewer> ACCOUNTABILITY = DISCIPLINE.or(LEADERSHIP);

	private static final Predicate<Viewer> DISCIPLINE_TRAIL = DISCIPLINE.or(Viewer::isAuditAdmin);

	private static final Predicate<Viewer> SYSADMIN = Viewer::isSystemAdmin;

	private static final Predicate<Viewer> AUDIT = Viewer::isAuditAdmin;

	static final List<Section> SECTIONS = List.of(
			new Section("nav.section.mine", List.of(
					new Entry("nav.home", "/", viewer -> true),
					new Entry("nav.my-lists", "/my/lists", STAFF),
					new Entry("nav.my-work", "/my/work", STAFF),
					new Entry("nav.my-cc", "/my/cc", STAFF),
					new Entry("nav.my-assessments", "/my/assessments", STAFF),
					new Entry("nav.my-substitute", "/my/substitute", STAFF))),
			new Section("nav.section.unit", List.of(
					new Entry("nav.unit", "/unit", HEAD))),
			new Section("nav.section.political", List.of(
					new Entry("nav.cycles", "/political/cycles", CYCLES),
					new Entry("nav.inspections", "/political/inspections", INSPECTION),
					new Entry("nav.assessments", "/political/assessments", ASSESSMENT))),
			new Section("nav.section.discipline", List.of(
					new Entry("nav.discipline.leads", "/discipline/leads", CASES),
					new Entry("nav.discipline.cases", "/discipline/cases", CASES),
					new Entry("nav.discipline.accountability", "/discipline/accountability", ACCOUNTABILITY),
					new Entry("nav.discipline.sanctions", "/discipline/sanctions", CASES),
					new Entry("nav.discipline.audit", "/discipline/audit", DISCIPLINE_TRAIL))),
			new Section("nav.section.admin", List.of(
					new Entry("nav.admin.organisation", "/admin/organisation", SYSADMIN),
					new Entry("nav.admin.roster", "/admin/roster", SYSADMIN),
					new Entry("nav.admin.calendar", "/admin/calendar", SYSADMIN),
					new Entry("nav.admin.policy", "/admin/policy", SYSADMIN),
					new Entry("nav.admin.outbox", "/admin/outbox", SYSADMIN),
					new Entry("nav.admin.accounts", "/admin/accounts", SYSADMIN),
					new Entry("nav.admin.processes", "/admin/processes", SYSADMIN))),
			new Section("nav.section.audit", List.of(
					new Entry("nav.audit.security", "/audit/security", AUDIT))));

	private Navigation() {
	}

	static List<Shown> forViewer(Viewer viewer) {
		return SECTIONS.stream()
			.map(section -> new Shown(section.label(), section.visibleTo(viewer)))
			.filter(shown -> !shown.entries().isEmpty())
			.toList();
	}

}
