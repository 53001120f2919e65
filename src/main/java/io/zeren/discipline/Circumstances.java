package io.zeren.discipline;

/** Mitigating or aggravating circumstances (input of Decision_DisciplineOutcome). */
public enum Circumstances {
	MITIGATING, NONE, AGGRAVATING
}
