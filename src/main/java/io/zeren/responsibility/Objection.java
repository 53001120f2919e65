package io.zeren.responsibility;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A staff member's objection to an item of their list, and the unit head's answer. */
@Entity
@Table(name = "zr_resp_objection")
class Objection {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_resp_objection_seq")
	@SequenceGenerator(name = "zr_resp_objection_seq", sequenceName = "zr_resp_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long listId;

	@Column(nullable = false)
	private Long itemId;

	@Column(nullable = false, length = 1000)
	private String reason;

	@Column(nullable = false)
	private Instant raisedAt;

	@Column(length = 1000)
	private String answer;

	@Column(length = 64)
	private String answeredBy;

	private Instant answeredAt;

	protected Objection() {
	}

	Objection(Long listId, Long itemId, String reason, Instant raisedAt) {
		this.listId = listId;
		this.itemId = itemId;
		this.reason = reason;
		this.raisedAt = raisedAt;
	}

	void answer(String answer, String username, Instant at) {
		this.answer = answer;
		this.answeredBy = username;
		this.answeredAt = at;
	}

	ObjectionView view() {
		return new ObjectionView(id, itemId, reason, raisedAt, answer, answeredBy, answeredAt);
	}

	Long getItemId() {
		return itemId;
	}

	String getReason() {
		return reason;
	}

	boolean isOpen() {
		return answeredAt == null;
	}

	record ObjectionView(Long id, Long itemId, String reason, Instant raisedAt, String answer, String answeredBy,
			Instant answeredAt) {
	}

}
