package io.zeren.responsibility;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A unit head's quarterly regular check (平时考核) of a signed list. */
@Entity
@Table(name = "zr_resp_check")
class QuarterlyCheck {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_resp_check_seq")
	@SequenceGenerator(name = "zr_resp_check_seq", sequenceName = "zr_resp_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long listId;

	@Column(name = "quarter_no", nullable = false)
	private int quarter;

	@Column(nullable = false, length = 16)
	private String rating;

	@Column(length = 1000)
	private String note;

	@Column(nullable = false, length = 64)
	private String checkedBy;

	@Column(nullable = false)
	private Instant checkedAt;

	protected QuarterlyCheck() {
	}

	QuarterlyCheck(Long listId, int quarter, String rating, String note, String checkedBy, Instant checkedAt) {
		this.listId = listId;
		this.quarter = quarter;
		this.rating = rating;
		this.note = note;
		this.checkedBy = checkedBy;
		this.checkedAt = checkedAt;
	}

	CheckView view() {
		return new CheckView(quarter, rating, note, checkedBy, checkedAt);
	}

	record CheckView(int quarter, String rating, String note, String checkedBy, Instant checkedAt) {
	}

}
