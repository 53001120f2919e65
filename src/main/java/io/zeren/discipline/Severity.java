package io.zeren.discipline;

/** How serious the violation the investigation found (input of Decision_DisciplineOutcome). */
public enum Severity {
	MINOR, SERIOUS, GRAVE, CRIMINAL
}
