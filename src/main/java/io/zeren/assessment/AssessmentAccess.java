package io.zeren.assessment;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.zeren.identity.GroupIds;
import io.zeren.organisation.OrganisationDirectory;

/**
 * Who may open a year's assessment and who sees whose: one rule for the REST API and the workbench. Committee and
 * leadership (and admins) see all and open a year; a unit head sees their unit and the units below it. Not
 * role-political: the organisation gives it to every member of the political department's sections, who are
 * assessed themselves.
 */
@Component
class AssessmentAccess {

	static final String COMMITTEE = GroupIds.role("ASSESSMENT_COMMITTEE");

	static final String LEADERSHIP = GroupIds.role("LEADERSHIP");

	private final OrganisationDirectory directory;

	AssessmentAccess(OrganisationDirectory directory) {
		this.directory = directory;
	}

	/** Sees every assessment: the committee, the leadership, admins. */
	static boolean seesAll(Collection<String> groups) {
		return groups.contains(COMMITTEE) || groups.contains(LEADERSHIP) || groups.contains(GroupIds.SYSTEM_ADMINS);
	}

	/** Opens a year's assessment for units: the committee, the leadership, admins. */
	static boolean mayOpen(Collection<String> groups) {
		return seesAll(groups);
	}

	Assessments.Viewer viewer(String username, Collection<String> groups) {
		Set<String> headed = new LinkedHashSet<>();
		directory.membership(username)
			.map(OrganisationDirectory.Membership::headOfUnit)
			.ifPresent(unit -> headed.addAll(directory.subtree(unit)));
		return new Assessments.Viewer(username, seesAll(groups), headed);
	}

}
