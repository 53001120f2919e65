package io.zeren.shared;

/** The caller may not see or do what they asked: answered 403 with the reason in their language. */
public class ForbiddenException extends RuntimeException {

	private final transient Msg msg;

	public ForbiddenException(Msg msg) {
		super(msg.toString());
		this.msg = msg;
	}

	public Msg msg() {
		return msg;
	}

}
