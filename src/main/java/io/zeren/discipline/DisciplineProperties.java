package io.zeren.discipline;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who does what in discipline work, as organisation role codes (see the roster's roles): the discipline office
 * handles leads and investigates, case review (审理) reviews, leadership approves and decides. And the number
 * patterns per series (see {@link CaseNumbers}).
 */
@ConfigurationProperties("zeren.discipline")
public record DisciplineProperties(@DefaultValue Roles roles, Map<String, String> numbering) {

	public DisciplineProperties {
		numbering = numbering == null ? Map.of() : Map.copyOf(numbering);
	}

	public record Roles(@DefaultValue("DISCIPLINE") String office, @DefaultValue("CASE_REVIEW") String review,
			@DefaultValue("LEADERSHIP") String leadership) {
	}

}
