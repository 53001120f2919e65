package io.zeren.discipline;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who needs to know whether discipline bars a person's promotion ({@code zeren.discipline.eligibility}).
 *
 * @param readerRoles every member of these organisation roles may ask (the leadership, who decide promotions)
 * @param leadingCadresOf only the head and the deputies of these units may ask (the political department and its
 *        cadre section, who prepare promotions), not their other staff
 */
@ConfigurationProperties("zeren.discipline.eligibility")
record EligibilityProperties(@DefaultValue("LEADERSHIP") List<String> readerRoles,
		@DefaultValue("POL") List<String> leadingCadresOf) {
}
