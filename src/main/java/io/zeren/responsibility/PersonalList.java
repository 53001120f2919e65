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

import io.zeren.organisation.StaffCategory;

/**
 * A staff member's personal responsibility list (个人责任清单) for a cycle; signing it is signing the
 * responsibility letter (责任书). Unique per cycle and username. Items: {@link Item.Owner#PERSONAL}.
 */
@Entity
@Table(name = "zr_pers_list")
class PersonalList {

	enum State {
		/** issued, waiting for the staff member */
		ISSUED,
		/** an item is objected to; the unit head answers */
		OBJECTED,
		/** the responsibility letter is signed */
		SIGNED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_pers_list_seq")
	@SequenceGenerator(name = "zr_pers_list_seq", sequenceName = "zr_resp_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long cycleId;

	@Column(nullable = false, length = 64)
	private String username;

	@Column(nullable = false, length = 32)
	private String unitCode;

	@Enumerated(EnumType.STRING)
	@Column(length = 32)
	private StaffCategory category;

	@Column(length = 100)
	private String post;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private State state;

	@Column(nullable = false)
	private Instant issuedAt;

	private Instant signedAt;

	@Version
	private int versionNo;

	protected PersonalList() {
	}

	PersonalList(Long cycleId, String username, String unitCode, StaffCategory category, String post, Instant issuedAt) {
		this.cycleId = cycleId;
		this.username = username;
		this.unitCode = unitCode;
		this.category = category;
		this.post = post;
		this.issuedAt = issuedAt;
		this.state = State.ISSUED;
	}

	void objected() {
		this.state = State.OBJECTED;
	}

	void answered() {
		this.state = State.ISSUED;
	}

	void sign(Instant at) {
		this.state = State.SIGNED;
		this.signedAt = at;
	}

	Long getId() {
		return id;
	}

	Long getCycleId() {
		return cycleId;
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

	StaffCategory getCategory() {
		return category;
	}

	String getPost() {
		return post;
	}

	Instant getIssuedAt() {
		return issuedAt;
	}

	Instant getSignedAt() {
		return signedAt;
	}

}
