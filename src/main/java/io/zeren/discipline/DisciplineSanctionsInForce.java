package io.zeren.discipline;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.zeren.assessment.SanctionsInForce;

/**
 * The real answer to the assessment's question (replaces its fallback): the strictest party or administrative
 * sanction in force, as the code Decision_GradeCap knows. 诫勉 and 组织处理 block promotion but do not cap grades.
 */
@Component
class DisciplineSanctionsInForce implements SanctionsInForce {

	private final Sanctions sanctions;

	DisciplineSanctionsInForce(Sanctions sanctions) {
		this.sanctions = sanctions;
	}

	@Override
	public Optional<String> strictest(String username, Instant at) {
		return sanctions.strictest(username, at).map(CaseOutcome::name);
	}

}
