package io.zeren.inspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A staff member's mid-year progress self-report (年中自评) for one year: each submission and its review. */
@Entity
@Table(name = "zr_self_report")
class SelfReport {

	enum State {

		/** Waiting for the staff member's text (first time, or after a return). */
		OPEN,
		/** Submitted, waiting for the unit head's review. */
		SUBMITTED,
		/** Accepted by the unit head. */
		ACCEPTED

	}

	enum Outcome {

		ACCEPTED, RETURNED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_self_report_seq")
	@SequenceGenerator(name = "zr_self_report_seq", sequenceName = "zr_self_report_seq", allocationSize = 50)
	private Long id;

	@Column(name = "cycle_year", nullable = false)
	private int year;

	@Column(nullable = false, length = 64)
	private String username;

	@Column(nullable = false, length = 32)
	private String unitCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private State state;

	@Column(nullable = false)
	private Instant createdAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "report_id", nullable = false, updatable = false)
	@OrderBy("roundNo")
	private List<Round> rounds = new ArrayList<>();

	@Version
	private int versionNo;

	protected SelfReport() {
	}

	SelfReport(int year, String username, String unitCode, Instant createdAt) {
		this.year = year;
		this.username = username;
		this.unitCode = unitCode;
		this.createdAt = createdAt;
		this.state = State.OPEN;
	}

	void submit(String text, Instant at) {
		rounds.add(new Round(rounds.size() + 1, text, at));
		state = State.SUBMITTED;
	}

	void review(Outcome outcome, String note, String by, Instant at) {
		Round current = rounds.get(rounds.size() - 1);
		current.outcome = outcome;
		current.reviewNote = note;
		current.reviewedBy = by;
		current.reviewedAt = at;
		state = outcome == Outcome.ACCEPTED ? State.ACCEPTED : State.OPEN;
	}

	Long getId() {
		return id;
	}

	int getYear() {
		return year;
	}

	String getUsername() {
		return username;
	}

	String getUnitCode() {
		return unitCode;
	}

	State getState() {
		return state;
	}

	SelfReportView toView() {
		return new SelfReportView(id, year, username, unitCode, state, createdAt,
				rounds.stream()
					.map(round -> new RoundView(round.roundNo, round.progressText, round.submittedAt, round.outcome,
							round.reviewNote, round.reviewedBy, round.reviewedAt))
					.toList());
	}

	record SelfReportView(Long id, int year, String username, String unitCode, State state, Instant createdAt,
			List<RoundView> rounds) {
	}

	record RoundView(int roundNo, String text, Instant submittedAt, Outcome outcome, String reviewNote,
			String reviewedBy, Instant reviewedAt) {
	}

	@Entity
	@Table(name = "zr_self_round")
	static class Round {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_self_round_seq")
		@SequenceGenerator(name = "zr_self_round_seq", sequenceName = "zr_self_round_seq", allocationSize = 50)
		private Long id;

		@Column(nullable = false)
		private int roundNo;

		@Column(nullable = false, length = 4000)
		private String progressText;

		@Column(nullable = false)
		private Instant submittedAt;

		@Enumerated(EnumType.STRING)
		@Column(length = 16)
		private Outcome outcome;

		@Column(length = 1000)
		private String reviewNote;

		@Column(length = 64)
		private String reviewedBy;

		private Instant reviewedAt;

		protected Round() {
		}

		Round(int roundNo, String progressText, Instant submittedAt) {
			this.roundNo = roundNo;
			this.progressText = progressText;
			this.submittedAt = submittedAt;
		}

	}

}
