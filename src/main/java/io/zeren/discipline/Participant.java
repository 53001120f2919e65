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

/** Someone given a duty on a lead or its case (assigned or offered a task), remembered for access checks. */
@Entity
@Table(name = "zr_dis_participant")
class Participant {

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

	protected Participant() {
	}

	Participant(long leadId, String username, Duty duty, Instant since) {
		this.leadId = leadId;
		this.username = username;
		this.duty = duty;
		this.since = since;
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
