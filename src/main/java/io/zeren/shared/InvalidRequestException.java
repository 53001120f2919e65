package io.zeren.shared;

import java.util.List;

/**
 * A request is malformed or incomplete (as opposed to well-formed but against a business rule): answered 400
 * with every problem found.
 */
public class InvalidRequestException extends RuleViolationException {

	public InvalidRequestException(List<Msg> violations) {
		super(violations);
	}

}
