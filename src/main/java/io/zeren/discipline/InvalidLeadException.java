package io.zeren.discipline;

import java.util.List;

import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/** A request to the lead register is malformed or incomplete: answered 400 with every problem. */
class InvalidLeadException extends RuleViolationException {

	InvalidLeadException(List<Msg> violations) {
		super(violations);
	}

}
