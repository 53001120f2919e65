package io.zeren.discipline;

import java.util.Optional;

/** Accountability of a party organisation or unit (对党组织的问责方式). */
public enum OrganisationMeasure {

	/** 检查: the organisation makes a written self-criticism. */
	INSPECTION("检查"),
	/** 通报: circulated criticism. */
	CIRCULATED_CRITICISM("通报"),
	/** 改组. */
	REORGANISATION("改组"),
	/** No measure against the organisation. */
	NONE("不予问责");

	private final String label;

	OrganisationMeasure(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** By code (INSPECTION) or Chinese label (检查), ignoring surrounding blanks. */
	static Optional<OrganisationMeasure> parse(Object text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.toString().strip();
		for (OrganisationMeasure measure : values()) {
			if (measure.name().equalsIgnoreCase(value) || measure.label.equals(value)) {
				return Optional.of(measure);
			}
		}
		return Optional.empty();
	}

}
