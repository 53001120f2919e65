package io.zeren.shared;

import java.util.Map;
import java.util.Set;

/**
 * One card on a person's home page (工作台), contributed by the module that owns its content: the template and
 * fragment that render it (the fragment takes one parameter, {@code card}, this record) and the values it shows.
 * Cards are ordered by {@link #order()}, lowest first.
 */
public record HomeCard(int order, String template, String fragment, Map<String, Object> model) {

	/** Contributes cards to the home page of one person; answers none when it has nothing for them. */
	public interface Source {

		java.util.List<HomeCard> cardsFor(String username, Set<String> groups);

	}

}
