package io.zeren.responsibility;

import java.time.LocalDate;
import java.util.Set;

import io.zeren.organisation.StaffCategory;

/**
 * The terms of one responsibility item, the same at every level (catalogue, unit list, personal list).
 *
 * @param categories staff categories it applies to; empty: all
 * @param posts posts it applies to; empty: all
 * @param forUnit an "answer for the unit" item, carried by the unit's leading cadres only
 */
record ItemSpec(String title, String target, String measure, int weight, String evidenceRequired, LocalDate dueOn,
		Set<StaffCategory> categories, Set<String> posts, boolean forUnit) {

	ItemSpec {
		categories = Set.copyOf(categories);
		posts = Set.copyOf(posts);
	}

}
