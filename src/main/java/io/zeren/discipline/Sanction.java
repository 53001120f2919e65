package io.zeren.discipline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A sanction or measure a case decision imposed on a person, with its period ({@code endsAt}, null = no period)
 * and how long it bars promotion. In force from {@code startsAt} until lifted at its end, or revoked or replaced
 * on appeal (revoked and replaced sanctions never count).
 */
@Entity
@Table(name = "zr_dis_sanction")
class Sanction {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_dis_sanction_seq")
	@SequenceGenerator(name = "zr_dis_sanction_seq", sequenceName = "zr_dis_sanction_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long caseId;

	@Column(nullable = false)
	private Long leadId;

	@Column(nullable = false, length = 64)
	private String username;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 32)
	private CaseOutcome kind;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private SanctionCategory category;

	@Column(nullable = false)
	private Instant startsAt;

	private Instant endsAt;

	private Instant promotionBlockedUntil;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private SanctionStatus status;

	private Instant liftedAt;

	@Column(length = 2000)
	private String endedReason;

	@Column(nullable = false)
	private Instant createdAt;

	@Version
	@Column(name = "version_no", nullable = false)
	private int version;

	protected Sanction() {
	}

	Sanction(long caseId, long leadId, String username, CaseOutcome kind, Instant startsAt, Instant endsAt,
			Instant promotionBlockedUntil, Instant now) {
		this.caseId = caseId;
		this.leadId = leadId;
		this.username = username;
		this.kind = kind;
		this.category = kind.category();
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.promotionBlockedUntil = promotionBlockedUntil;
		this.status = SanctionStatus.IN_FORCE;
		this.createdAt = now;
	}

	/** The period ran out: lifted (once; a lifted, revoked or replaced sanction stays as it is). */
	boolean lift(Instant now) {
		if (status != SanctionStatus.IN_FORCE) {
			return false;
		}
		status = SanctionStatus.LIFTED;
		liftedAt = now;
		return true;
	}

	void end(SanctionStatus how, String reason, Instant now) {
		status = how;
		endedReason = reason;
		liftedAt = now;
	}

	/** Whether it was in force at a moment (revoked and replaced ones never were). */
	boolean inForceAt(Instant at) {
		if (at.isBefore(startsAt)) {
			return false;
		}
		return switch (status) {
			case IN_FORCE -> endsAt == null || at.isBefore(endsAt);
			case LIFTED -> at.isBefore(liftedAt);
			default -> false;
		};
	}

	/**
	 * Until when it bars promotion as seen at {@code at}: empty if it does not bar promotion then, an instant,
	 * or {@link Instant#MAX} for no end (in force without a period).
	 */
	java.util.Optional<Instant> blocksPromotionUntil(Instant at) {
		if (status == SanctionStatus.REVOKED || status == SanctionStatus.REPLACED || at.isBefore(startsAt)) {
			return java.util.Optional.empty();
		}
		Instant until = promotionBlockedUntil;
		if (until == null) {
			until = status == SanctionStatus.LIFTED ? liftedAt : endsAt == null ? Instant.MAX : endsAt;
		}
		return at.isBefore(until) ? java.util.Optional.of(until) : java.util.Optional.empty();
	}

	Long getId() {
		return id;
	}

	Long getCaseId() {
		return caseId;
	}

	Long getLeadId() {
		return leadId;
	}

	String getUsername() {
		return username;
	}

	CaseOutcome getKind() {
		return kind;
	}

	Instant getStartsAt() {
		return startsAt;
	}

	Instant getEndsAt() {
		return endsAt;
	}

	SanctionStatus getStatus() {
		return status;
	}

	SanctionView toView(String caseNumber) {
		return new SanctionView(id, caseNumber, username, kind, category, startsAt, endsAt, promotionBlockedUntil, status,
				liftedAt, endedReason);
	}

	record SanctionView(Long id, String caseNumber, String username, CaseOutcome kind, SanctionCategory category,
			Instant startsAt, Instant endsAt, Instant promotionBlockedUntil, SanctionStatus status, Instant liftedAt,
			String endedReason) {
	}

}
