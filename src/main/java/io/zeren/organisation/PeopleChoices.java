package io.zeren.organisation;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import io.zeren.shared.FormRows.Choice;

/**
 * People offered in a form's select, chosen by name instead of typed as logins: each option reads
 * 姓名（单位·岗位） and submits the login. Use cases put the options into a task (a Json variable, see
 * {@link io.zeren.shared.FormRows#json}) and check the submitted login against the same eligible set: the options
 * are a convenience, never the rule.
 */
@Component
public class PeopleChoices {

	private final OrganisationDirectory directory;

	PeopleChoices(OrganisationDirectory directory) {
		this.directory = directory;
	}

	/** Active members of the unit (and of the units below it), by unit then name. */
	public List<Choice> inUnit(String unitCode, boolean includeSubunits) {
		return of(directory.members(unitCode, includeSubunits));
	}

	/** Every active staff member of the agency. */
	public List<Choice> everyone() {
		return of(directory.activeStaff());
	}

	/** The options for these people, by unit then name; inactive people left out. */
	public static List<Choice> of(Collection<StaffInfo> people) {
		return people.stream()
			.filter(StaffInfo::active)
			.sorted(Comparator.comparing(StaffInfo::unitName, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(StaffInfo::fullName))
			.map(PeopleChoices::choice)
			.toList();
	}

	/** One person's option: 李娜（组织干部科·科员）. */
	public static Choice choice(StaffInfo person) {
		String where = person.post() == null || person.post().isBlank() ? person.unitName()
				: person.unitName() + "·" + person.post();
		return new Choice(person.fullName() + "（" + where + "）", person.username());
	}

	/** Whether {@code username} is one of the offered people. */
	public static boolean offered(List<Choice> choices, String username) {
		return username != null && choices.stream().anyMatch(choice -> choice.value().equals(username));
	}

}
