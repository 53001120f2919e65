package io.zeren.discipline;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sanction policy (处分期/影响期), keyed by outcome code ({@link CaseOutcome}), values ISO-8601 periods such as
 * "P6M" or "P1Y".
 *
 * @param periods how long a sanction is in force from its start; a kind without a period stays in force (开除,
 * 开除党籍). At the end SanctionTermProcess lifts it.
 * @param promotionBlocks how long a sanction bars promotion from its start, where that differs from its period;
 * without an entry the block lasts as long as the sanction is in force
 */
@ConfigurationProperties("zeren.discipline.sanctions")
public record SanctionProperties(Map<String, String> periods, Map<String, String> promotionBlocks) {

	public SanctionProperties {
		periods = checked(periods, "periods");
		promotionBlocks = checked(promotionBlocks, "promotion-blocks");
	}

	private static Map<String, String> checked(Map<String, String> map, String name) {
		Map<String, String> copy = new LinkedHashMap<>();
		if (map != null) {
			map.forEach((code, period) -> {
				if (CaseOutcome.parse(code).filter(CaseOutcome::isSanction).isEmpty()) {
					throw new IllegalArgumentException("zeren.discipline.sanctions." + name + ": " + code
							+ " is not a sanction kind (" + java.util.Arrays.toString(CaseOutcome.values()) + ")");
				}
				try {
					Sanctions.term(period);
				}
				catch (java.time.format.DateTimeParseException ex) {
					throw new IllegalArgumentException("zeren.discipline.sanctions." + name + "." + code + ": \""
							+ period + "\" is not an ISO-8601 period such as P6M or P1Y (or a duration such as PT20M)", ex);
				}
				copy.put(code, period);
			});
		}
		return Map.copyOf(copy);
	}

}
