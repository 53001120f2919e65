package io.zeren.discipline;

import io.zeren.shared.Msg;

/** The caller may not see or change this lead (or the register): answered 403 with the reason. */
class LeadAccessDeniedException extends RuntimeException {

	private final Msg msg;

	LeadAccessDeniedException(Msg msg) {
		super(msg.toString());
		this.msg = msg;
	}

	Msg msg() {
		return msg;
	}

}
