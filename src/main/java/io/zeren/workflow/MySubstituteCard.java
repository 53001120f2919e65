package io.zeren.workflow;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.zeren.identity.GroupIds;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.HomeCard;

/** The home page's card of a running out-of-office delegation: who stands in for me, or for whom I stand in. */
@Component
class MySubstituteCard implements HomeCard.Source {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final Delegations delegations;

	private final OrganisationDirectory directory;

	MySubstituteCard(Delegations delegations, OrganisationDirectory directory) {
		this.delegations = delegations;
		this.directory = directory;
	}

	/** One running delegation: the other person's name and the last day. */
	record Line(boolean mine, String otherName, String until) {
	}

	@Override
	public List<HomeCard> cardsFor(String username, Set<String> groups) {
		if (!groups.contains(GroupIds.ALL_STAFF)) {
			return List.of();
		}
		List<Line> lines = delegations.activeInvolving(username)
			.stream()
			.map(delegation -> {
				boolean mine = delegation.owner().equals(username);
				String other = mine ? delegation.substitute() : delegation.owner();
				return new Line(mine, directory.cachedStaffInfo(other).map(StaffInfo::fullName).orElse(other),
						DAY.format(delegation.endsOn()));
			})
			.toList();
		if (lines.isEmpty()) {
			return List.of();
		}
		return List.of(new HomeCard(30, "workflow/cards", "substitute", Map.of("lines", lines)));
	}

}
