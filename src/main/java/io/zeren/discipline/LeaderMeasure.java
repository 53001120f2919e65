package io.zeren.discipline;

import java.util.Optional;

/** Accountability of a leading cadre (对领导干部的问责方式). */
public enum LeaderMeasure {

	/** 通报: circulated criticism. */
	CIRCULATED_CRITICISM("通报"),
	/** 诫勉. */
	ADMONITION("诫勉"),
	/** 组织调整: organisational adjustment (post change, suspension, ...). */
	ORGANISATIONAL_ADJUSTMENT("组织调整"),
	/** 纪律处分: the leader is referred to the discipline office as a lead (see {@link LeadReferred}). */
	DISCIPLINE("纪律处分"),
	/** No measure against this leader. */
	NONE("不予问责");

	private final String label;

	LeaderMeasure(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** By code (ADMONITION) or Chinese label (诫勉), ignoring surrounding blanks. */
	static Optional<LeaderMeasure> parse(Object text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.toString().strip();
		for (LeaderMeasure measure : values()) {
			if (measure.name().equalsIgnoreCase(value) || measure.label.equals(value)) {
				return Optional.of(measure);
			}
		}
		return Optional.empty();
	}

}
