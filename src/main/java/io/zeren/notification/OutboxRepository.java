package io.zeren.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The outbox. Every change of state after a mail was queued is one conditional UPDATE whose WHERE clause
 * says from which state it may happen: the database, not a read-then-write in Java, decides which node
 * wins, so two nodes never both send a mail and a node that lost its claim cannot overwrite the winner.
 */
interface OutboxRepository extends Repository<OutboxMail, Long> {

	OutboxMail save(OutboxMail mail);

	Optional<OutboxMail> findById(Long id);

	/** Which of these keys committed mails have (at most 1,000 keys: Oracle's limit for an IN list). */
	@Query("select m.dedupKey from OutboxMail m where m.dedupKey in :dedupKeys")
	List<String> findDedupKeysAmong(Collection<String> dedupKeys);

	void flush();

	Page<OutboxMail> findByStatus(MailStatus status, Pageable page);

	long countByStatus(MailStatus status);

	Page<OutboxMail> findAll(Pageable page);

	/** Mails a sender may claim now: pending and due, or claimed by a node whose lease ran out. */
	@Query("""
			select m.id from OutboxMail m
			where (m.status = io.zeren.notification.MailStatus.PENDING and m.nextAttemptAt <= :now)
			   or (m.status = io.zeren.notification.MailStatus.SENDING and m.lockedUntil < :now)
			order by m.nextAttemptAt, m.id
			""")
	List<Long> findClaimable(Instant now, Pageable page);

	/** Claims one mail for {@code node}; 1 if this node got it, 0 if it was not (or no longer) claimable. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("""
			update OutboxMail m
			set m.status = io.zeren.notification.MailStatus.SENDING, m.lockedBy = :node, m.lockedUntil = :until,
			    m.attempts = m.attempts + 1
			where m.id = :id
			  and ((m.status = io.zeren.notification.MailStatus.PENDING and m.nextAttemptAt <= :now)
			    or (m.status = io.zeren.notification.MailStatus.SENDING and m.lockedUntil < :now))
			""")
	int claim(Long id, String node, Instant now, Instant until);

	/** Records a delivery, if {@code node} still holds the claim. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("""
			update OutboxMail m
			set m.status = io.zeren.notification.MailStatus.SENT, m.sentAt = :now, m.lastError = null,
			    m.lockedBy = null, m.lockedUntil = null
			where m.id = :id and m.lockedBy = :node and m.status = io.zeren.notification.MailStatus.SENDING
			""")
	int markSent(Long id, String node, Instant now);

	/** Records a failed attempt (back to PENDING with a later due time, or FAILED), if {@code node} holds the claim. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("""
			update OutboxMail m
			set m.status = :status, m.nextAttemptAt = :nextAttemptAt, m.lastError = :error,
			    m.lockedBy = null, m.lockedUntil = null
			where m.id = :id and m.lockedBy = :node and m.status = io.zeren.notification.MailStatus.SENDING
			""")
	int markFailed(Long id, String node, MailStatus status, Instant nextAttemptAt, String error);

	/** An admin's retry: a failed mail gets a fresh round of attempts, due now. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("""
			update OutboxMail m
			set m.status = io.zeren.notification.MailStatus.PENDING, m.attempts = 0, m.nextAttemptAt = :now
			where m.id = :id and m.status = io.zeren.notification.MailStatus.FAILED
			""")
	int retry(Long id, Instant now);

	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("""
			update OutboxMail m
			set m.status = io.zeren.notification.MailStatus.PENDING, m.attempts = 0, m.nextAttemptAt = :now
			where m.status = io.zeren.notification.MailStatus.FAILED
			""")
	int retryAllFailed(Instant now);

	@Query("select distinct m.recipient from OutboxMail m where m.status = io.zeren.notification.MailStatus.HELD")
	List<String> findRecipientsWithHeldMail();

	@Query("""
			select m from OutboxMail m
			where m.recipient = :recipient and m.status = io.zeren.notification.MailStatus.HELD
			order by m.createdAt, m.id
			""")
	List<OutboxMail> findHeld(String recipient);

	/** Takes held reminders into a digest; returns how many were still held (another node may have taken some). */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("""
			update OutboxMail m
			set m.status = io.zeren.notification.MailStatus.DIGESTED, m.sentAt = :now
			where m.id in :ids and m.status = io.zeren.notification.MailStatus.HELD
			""")
	int markDigested(Collection<Long> ids, Instant now);

	/** Sends a recipient's held reminders one by one after all (they switched the digest off). */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("""
			update OutboxMail m
			set m.status = io.zeren.notification.MailStatus.PENDING, m.nextAttemptAt = :now
			where m.recipient = :recipient and m.status = io.zeren.notification.MailStatus.HELD
			""")
	int releaseHeld(String recipient, Instant now);

}
