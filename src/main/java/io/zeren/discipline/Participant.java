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

/**
 * Someone given a duty on a lead or its case, remembered for access checks: standing (registered the lead, named
 * handler, or worked a task of it) or resting on one open task that gives or offers it to them.
 */
@Entity
@Table(name = "zr_dis_participant")
class Participant {

	/** The basis of a participation that does not end with a task: registered, named, worked. */
	static final String STANDING = "-";

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_dis_participant_seq")
	@SequenceGenerator(name = "zr_dis_participant_seq", sequenceName = "zr_dis_participant_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long leadId;

	@Column(nullable = false, length = 64)
	private String username;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Duty duty;

	@Column(nullable = false)
	private Instant since;

	/** {@link #STANDING}, or the id of the open task this participation rests on. */
	@Column(nullable = false, length = 64)
	private String basis;

	protected Participant() {
	}

	Participant(long leadId, String username, Duty duty, Instant since) {
		this(leadId, username, duty, since, STANDING);
	}

	Participant(long leadId, String username, Duty duty, Instant since, String basis) {
		this.leadId = leadId;
		this.username = username;
		this.duty = duty;
		this.since = since;
		this.basis = basis;
	}

	String basis() {
		return basis;
	}

	boolean isStanding() {
		return STANDING.equals(basis);
	}

	long leadId() {
		return leadId;
	}

	String username() {
		return username;
	}

	Duty duty() {
		return duty;
	}

	Instant since() {
		return since;
	}

}
