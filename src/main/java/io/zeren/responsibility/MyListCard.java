package io.zeren.responsibility;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.zeren.identity.GroupIds;
import io.zeren.shared.HomeCard;

/**
 * The home page's card for staff: my responsibility list of the current year with its progress (items with evidence
 * of all items, items overdue without evidence), linking to 我的责任清单.
 */
@Component
class MyListCard implements HomeCard.Source {

	private final MyLists myLists;

	MyListCard(MyLists myLists) {
		this.myLists = myLists;
	}

	@Override
	public List<HomeCard> cardsFor(String username, Set<String> groups) {
		if (!groups.contains(GroupIds.ALL_STAFF)) {
			return List.of();
		}
		Map<String, Object> model = new HashMap<>();
		model.put("year", String.valueOf(myLists.currentYear()));
		myLists.currentOf(username).ifPresent(summary -> model.put("summary", summary));
		return List.of(new HomeCard(10, "responsibility/cards", "mylist", model));
	}

}
