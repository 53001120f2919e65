package io.zeren.shared;

/** The thing a request names does not exist. */
public class NotFoundException extends RuntimeException {

	private final Msg msg;

	public NotFoundException(Msg msg) {
		super(msg.toString());
		this.msg = msg;
	}

	public Msg msg() {
		return msg;
	}

}
