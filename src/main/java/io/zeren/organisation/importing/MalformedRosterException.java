package io.zeren.organisation.importing;

import io.zeren.shared.Msg;

/** The file as a whole cannot be imported; nothing from it is written. */
class MalformedRosterException extends RuntimeException {

	private final Msg msg;

	MalformedRosterException(Msg msg) {
		super(msg.toString());
		this.msg = msg;
	}

	Msg msg() {
		return msg;
	}

}
