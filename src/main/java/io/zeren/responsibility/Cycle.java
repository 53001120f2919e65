package io.zeren.responsibility;

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

/** A year's responsibility cycle; the unique year makes a second one impossible. */
@Entity
@Table(name = "zr_resp_cycle")
class Cycle {

	enum State {
		/** the political department drafts work points and catalogue */
		DRAFTING,
		/** leadership approves or sends back */
		APPROVAL,
		/** unit heads turn the catalogue into unit lists */
		UNIT_LISTS,
		/** personal lists are being issued */
		KICKOFF,
		/** every active staff member has their list */
		DEPLOYED,
		/** the year is over; personal lists are closed */
		CLOSED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_resp_cycle_seq")
	@SequenceGenerator(name = "zr_resp_cycle_seq", sequenceName = "zr_resp_seq", allocationSize = 50)
	private Long id;

	@Column(name = "cycle_year", nullable = false, unique = true)
	private int year;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(length = 4000)
	private String workPoints;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private State state;

	@Column(length = 1000)
	private String decisionNote;

	@Column(nullable = false, length = 64)
	private String openedBy;

	@Column(nullable = false)
	private Instant openedAt;

	private Instant deployedAt;

	@Version
	private int versionNo;

	protected Cycle() {
	}

	Cycle(int year, String title, String workPoints, String openedBy, Instant openedAt) {
		this.year = year;
		this.title = title;
		this.workPoints = workPoints;
		this.openedBy = openedBy;
		this.openedAt = openedAt;
		this.state = State.DRAFTING;
	}

	CycleView view() {
		return new CycleView(id, year, title, workPoints, state, decisionNote, openedBy, openedAt, deployedAt);
	}

	void draft(String workPoints) {
		this.workPoints = workPoints;
		this.state = State.APPROVAL;
	}

	void decide(boolean approved, String note) {
		this.decisionNote = note;
		this.state = approved ? State.UNIT_LISTS : State.DRAFTING;
	}

	void kickOff() {
		if (state != State.DEPLOYED) {
			this.state = State.KICKOFF;
		}
	}

	void deployed(Instant at) {
		this.state = State.DEPLOYED;
		this.deployedAt = at;
	}

	/** The year is over: only a deployed cycle can close, and only once. */
	void close() {
		if (state != State.DEPLOYED) {
			throw new io.zeren.shared.RuleViolationException(
					new io.zeren.shared.Msg("responsibility.cycle.not-closable", String.valueOf(year), state.name()));
		}
		this.state = State.CLOSED;
	}

	/** Personal lists may be issued: the catalogue is approved and unit lists are done. */
	boolean issuing() {
		return state == State.KICKOFF || state == State.DEPLOYED;
	}

	Long getId() {
		return id;
	}

	int getYear() {
		return year;
	}

	State getState() {
		return state;
	}

	String getWorkPoints() {
		return workPoints;
	}

}
