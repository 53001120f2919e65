package io.zeren.discipline;

import java.util.Arrays;
import java.util.Optional;

/**
 * The outcomes a case may be decided with (the codes Decision_DisciplineOutcome suggests). Those with a
 * {@link SanctionCategory} are recorded as a sanction. {@code strictness} orders the party and administrative
 * sanctions by their weight in the regulations (警告 &lt; 党内警告 &lt; 记过 &lt; 严重警告 &lt; 记大过 &lt; 撤销党内职务 &lt; 降级
 * &lt; 撤职 &lt; 留党察看 &lt; 开除 &lt; 开除党籍): the strictest in force is what caps an assessment grade. The weight is law,
 * not policy; periods and promotion blocks are policy (zeren.discipline.sanctions).
 */
public enum CaseOutcome {

	CRITICISM(null, 0),
	ADMONITION(SanctionCategory.OTHER, 0),
	ORGANISATIONAL_HANDLING(SanctionCategory.OTHER, 0),
	PARTY_WARNING(SanctionCategory.PARTY, 2),
	PARTY_SERIOUS_WARNING(SanctionCategory.PARTY, 4),
	PARTY_POST_REMOVAL(SanctionCategory.PARTY, 6),
	PARTY_PROBATION(SanctionCategory.PARTY, 9),
	PARTY_EXPULSION(SanctionCategory.PARTY, 11),
	WARNING(SanctionCategory.ADMINISTRATIVE, 1),
	DEMERIT(SanctionCategory.ADMINISTRATIVE, 3),
	MAJOR_DEMERIT(SanctionCategory.ADMINISTRATIVE, 5),
	DEMOTION(SanctionCategory.ADMINISTRATIVE, 7),
	REMOVAL_FROM_POST(SanctionCategory.ADMINISTRATIVE, 8),
	DISMISSAL(SanctionCategory.ADMINISTRATIVE, 10),
	EXEMPT(null, 0),
	REFER_TO_JUDICIARY(null, 0);

	private final SanctionCategory category;

	private final int strictness;

	CaseOutcome(SanctionCategory category, int strictness) {
		this.category = category;
		this.strictness = strictness;
	}

	/** The sanction category, or null if the outcome records no sanction. */
	public SanctionCategory category() {
		return category;
	}

	public boolean isSanction() {
		return category != null;
	}

	/** Party and administrative sanctions cap assessment grades (Decision_GradeCap knows these codes). */
	public boolean capsGrade() {
		return category == SanctionCategory.PARTY || category == SanctionCategory.ADMINISTRATIVE;
	}

	int strictness() {
		return strictness;
	}

	public static Optional<CaseOutcome> parse(Object code) {
		return Arrays.stream(values()).filter(outcome -> outcome.name().equals(code)).findFirst();
	}

}
