package io.zeren.discipline;

import java.util.List;

import io.zeren.shared.Msg;
import io.zeren.shared.InvalidRequestException;

/** A request to the lead register is malformed or incomplete: answered 400 with every problem. */
class InvalidLeadException extends InvalidRequestException {

	InvalidLeadException(List<Msg> violations) {
		super(violations);
	}

}
