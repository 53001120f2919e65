package io.zeren.responsibility;

import java.time.LocalDate;
import java.util.Set;

import io.zeren.organisation.StaffCategory;

/** An item as the API shows it. */
record ItemView(Long id, int sortNo, String title, String target, String measure, int weight, String evidenceRequired,
		LocalDate dueOn, Set<StaffCategory> categories, Set<String> posts, boolean forUnit) {
}
