package io.zeren.discipline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitInfo;

/**
 * Who answers for a unit (层级管理、逐级负责): its head, then the heads further up the supervisor chain, as many
 * levels as policy says ({@code zeren.discipline.accountability.chain-levels}). A unit without a head is answered
 * for by the nearest unit above it that has one.
 */
final class ResponsibleLeaders {

	/** A responsible leader; level 0 is the principal (the unit head), 1 their supervisor, and so on. */
	record Leader(String username, String post, String unitCode, int level) {
	}

	private ResponsibleLeaders() {
	}

	/** The principal and {@code levels} supervisors above them (fewer if the chain ends). */
	static List<Leader> walk(StaffInfo principal, List<StaffInfo> supervisorChain, int levels) {
		if (levels < 0) {
			throw new IllegalArgumentException("chain-levels must not be negative, not " + levels);
		}
		List<Leader> leaders = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		leaders.add(leader(principal, 0));
		seen.add(principal.username());
		for (StaffInfo supervisor : supervisorChain) {
			if (leaders.size() > levels) {
				break;
			}
			if (seen.add(supervisor.username())) {
				leaders.add(leader(supervisor, leaders.size()));
			}
		}
		return leaders;
	}

	/** The head of {@code unitCode} (or of the nearest unit above with a head) and {@code levels} supervisors. */
	static Optional<List<Leader>> ofUnit(OrganisationDirectory directory, String unitCode, int levels) {
		for (String code = unitCode; code != null;) {
			Optional<StaffInfo> head = directory.head(code);
			if (head.isPresent()) {
				return Optional.of(walk(head.get(), directory.supervisorChain(head.get().username()), levels));
			}
			UnitInfo unit = directory.unit(code);
			code = unit.parentCode();
		}
		return Optional.empty();
	}

	/** A named leader (an incompetent unit head) and {@code levels} supervisors. */
	static List<Leader> ofPerson(OrganisationDirectory directory, String username, int levels) {
		return walk(directory.staff(username), directory.supervisorChain(username), levels);
	}

	private static Leader leader(StaffInfo staff, int level) {
		return new Leader(staff.username(), staff.post(), staff.unitCode(), level);
	}

}
