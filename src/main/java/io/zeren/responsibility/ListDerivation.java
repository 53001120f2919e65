package io.zeren.responsibility;

import java.util.List;

import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitRole;

/**
 * Which items of a unit's list land on a staff member's personal list (因人而异、因岗而别): an item applies
 * when the member's category and post are among those it names (none named: everyone); "answer for the
 * unit" items go to the unit's leading cadres (category 领导干部, or its head or a deputy) and to nobody else.
 */
final class ListDerivation {

	private ListDerivation() {
	}

	static List<ItemSpec> itemsFor(List<ItemSpec> unitItems, StaffInfo member) {
		return unitItems.stream().filter(item -> applies(item, member)).toList();
	}

	static boolean applies(ItemSpec item, StaffInfo member) {
		if (item.forUnit()) {
			return leadingCadre(member);
		}
		boolean category = item.categories().isEmpty() || item.categories().contains(member.category());
		boolean post = item.posts().isEmpty() || member.post() != null && item.posts().contains(member.post().trim());
		return category && post;
	}

	static boolean leadingCadre(StaffInfo member) {
		return member.category() == StaffCategory.LEADING_CADRE || member.unitRole() == UnitRole.HEAD
				|| member.unitRole() == UnitRole.DEPUTY;
	}

}
