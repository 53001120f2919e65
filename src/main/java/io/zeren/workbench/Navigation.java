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

	private static final Predicate<Viewer> INSPECTION = viewer -> viewer.hasRole("POLITICAL") || viewer.hasRole("INSPECTION");

	private static final Predicate<Viewer> ASSESSMENT = viewer -> viewer.hasRole("POLITICAL")
			|| viewer.hasRole("ASSESSMENT_COMMITTEE");

	private static final Predicate<Viewer> DISCIPLINE = viewer -> viewer.hasRole("DISCIPLINE");

	private static final Predicate<Viewer> SYSADMIN = Viewer::isSystemAdmin;

	private static final Predicate<Viewer> AUDIT = Viewer::isAuditAdmin;

	static final List<Section> SECTIONS = List.of(
			new Section("nav.section.mine", List.of(
					new Entry("nav.home", "/", viewer -> true),
					new Entry("nav.my-lists", "/my/lists", STAFF),
					new Entry("nav.my-work", "/my/work", STAFF),
					new Entry("nav.my-assessments", "/my/assessments", STAFF),
					new Entry("nav.my-substitute", "/my/substitute", STAFF))),
			new Section("nav.section.unit", List.of(
					new Entry("nav.unit", "/unit", HEAD))),
			new Section("nav.section.political", List.of(
					new Entry("nav.cycles", "/political/cycles", POLITICAL),
					new Entry("nav.inspections", "/political/inspections", INSPECTION),
					new Entry("nav.assessments", "/political/assessments", ASSESSMENT))),
			new Section("nav.section.discipline", List.of(
					new Entry("nav.discipline.leads", "/discipline/leads", DISCIPLINE),
					new Entry("nav.discipline.cases", "/discipline/cases", DISCIPLINE),
					new Entry("nav.discipline.accountability", "/discipline/accountability", DISCIPLINE),
					new Entry("nav.discipline.sanctions", "/discipline/sanctions", DISCIPLINE),
					new Entry("nav.discipline.audit", "/discipline/audit", DISCIPLINE))),
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
