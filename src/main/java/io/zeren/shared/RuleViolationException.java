package io.zeren.shared;

import java.util.List;

/**
 * A request broke a business rule. Carries every violation found so that a caller sees all problems
 * at once instead of fixing them one by one; the messages are rendered in the caller's language at the edge.
 */
public class RuleViolationException extends RuntimeException {

	private final List<Msg> violations;

	public RuleViolationException(List<Msg> violations) {
		super(violations.toString());
		this.violations = List.copyOf(violations);
	}

	/** With a message already rendered for the reader, for callers that show only getMessage() (Tasklist). */
	public RuleViolationException(List<Msg> violations, String renderedMessage) {
		super(renderedMessage);
		this.violations = List.copyOf(violations);
	}

	public RuleViolationException(Msg violation) {
		this(List.of(violation));
	}

	public List<Msg> violations() {
		return violations;
	}

}
