package io.zeren.notification;

/** Where a mail in the outbox stands. */
enum MailStatus {

	/** Waiting for the sender, due at {@code next_attempt_at}. */
	PENDING,

	/** A reminder kept back for the recipient's daily digest. */
	HELD,

	/** Claimed by one node, which is sending it until {@code locked_until}. */
	SENDING,

	SENT,

	/** Gave up after the maximum number of attempts; an admin can retry it. */
	FAILED,

	/** A held reminder that went out as part of a daily digest mail. */
	DIGESTED

}
