package io.zeren.discipline;

/** IN_FORCE until its period ends (LIFTED), or it is revoked or replaced on appeal. */
public enum SanctionStatus {
	IN_FORCE, LIFTED, REVOKED, REPLACED
}
