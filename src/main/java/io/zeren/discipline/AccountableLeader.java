package io.zeren.discipline;

import java.time.Instant;

import org.hibernate.type.YesNoConverter;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A leader answerable in an accountability matter: their place in the chain, their measure, how they took it. */
@Entity
@Table(name = "zr_dis_acct_leader")
class AccountableLeader {

	/** What the leadership made of a leader's appeal. */
	enum AppealOutcome {

		UPHOLD, CHANGE, REVOKE;

		static java.util.Optional<AppealOutcome> parse(Object text) {
			if (text == null) {
				return java.util.Optional.empty();
			}
			for (AppealOutcome outcome : values()) {
				if (outcome.name().equalsIgnoreCase(text.toString().strip())) {
					return java.util.Optional.of(outcome);
				}
			}
			return java.util.Optional.empty();
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_dis_acct_leader_seq")
	@SequenceGenerator(name = "zr_dis_acct_leader_seq", sequenceName = "zr_dis_acct_leader_seq", allocationSize = 50)
	private Long id;

	@Column(name = "acct_id", nullable = false, insertable = false, updatable = false)
	private Long accountabilityId;

	@Column(nullable = false, length = 64)
	private String username;

	@Column(nullable = false)
	private int chainLevel;

	@Column(length = 100)
	private String post;

	@Column(nullable = false, length = 32)
	private String unitCode;

	@Enumerated(EnumType.STRING)
	@Column(length = 32)
	private LeaderMeasure measure;

	@Column(length = 2000)
	private String measureReason;

	@Enumerated(EnumType.STRING)
	@Column(length = 32)
	private LeaderMeasure decidedMeasure;

	private Instant deliveredAt;

	private Instant acknowledgedAt;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean lapsed;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean appealed;

	@Column(length = 2000)
	private String appealReason;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private AppealOutcome appealOutcome;

	@Column(length = 2000)
	private String appealNote;

	@Column(length = 64)
	private String appealBy;

	private Instant appealAt;

	protected AccountableLeader() {
	}

	AccountableLeader(ResponsibleLeaders.Leader leader) {
		this.username = leader.username();
		this.chainLevel = leader.level();
		this.post = leader.post() == null || leader.post().length() <= 100 ? leader.post() : leader.post().substring(0, 100);
		this.unitCode = leader.unitCode();
	}

	void decided(LeaderMeasure measure, String reason, Instant at) {
		this.measure = measure;
		this.decidedMeasure = measure;
		this.measureReason = reason;
		this.deliveredAt = measure == LeaderMeasure.NONE ? null : at;
	}

	/** Signed for the decision, appealing or not. */
	void responded(boolean appeal, String reason, Instant at) {
		this.acknowledgedAt = at;
		this.appealed = appeal;
		this.appealReason = appeal ? reason : null;
	}

	/** The objection window ended before the leader signed for the decision. */
	boolean lapse() {
		if (deliveredAt != null && acknowledgedAt == null && !lapsed) {
			lapsed = true;
			return true;
		}
		return false;
	}

	void appealDecided(AppealOutcome outcome, LeaderMeasure newMeasure, String note, String by, Instant at) {
		this.appealOutcome = outcome;
		this.appealNote = note;
		this.appealBy = by;
		this.appealAt = at;
		this.measure = switch (outcome) {
			case UPHOLD -> measure;
			case CHANGE -> newMeasure;
			case REVOKE -> LeaderMeasure.NONE;
		};
	}

	boolean awaitsAppealDecision() {
		return appealed && appealOutcome == null;
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	int getChainLevel() {
		return chainLevel;
	}

	String getPost() {
		return post;
	}

	String getUnitCode() {
		return unitCode;
	}

	LeaderMeasure getMeasure() {
		return measure;
	}

	String getMeasureReason() {
		return measureReason;
	}

	LeaderMeasure getDecidedMeasure() {
		return decidedMeasure;
	}

	Instant getDeliveredAt() {
		return deliveredAt;
	}

	Instant getAcknowledgedAt() {
		return acknowledgedAt;
	}

	boolean isLapsed() {
		return lapsed;
	}

	boolean isAppealed() {
		return appealed;
	}

	String getAppealReason() {
		return appealReason;
	}

	AppealOutcome getAppealOutcome() {
		return appealOutcome;
	}

	String getAppealNote() {
		return appealNote;
	}

	String getAppealBy() {
		return appealBy;
	}

	Instant getAppealAt() {
		return appealAt;
	}

}
