package io.zeren.responsibility;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A unit's list for a cycle: the catalogue as its head adjusted it. Items: {@link Item.Owner#UNIT}. */
@Entity
@Table(name = "zr_unit_list")
class UnitList {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_unit_list_seq")
	@SequenceGenerator(name = "zr_unit_list_seq", sequenceName = "zr_resp_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long cycleId;

	@Column(nullable = false, length = 32)
	private String unitCode;

	@Column(length = 64)
	private String confirmedBy;

	private Instant confirmedAt;

	@Version
	private int versionNo;

	protected UnitList() {
	}

	UnitList(Long cycleId, String unitCode) {
		this.cycleId = cycleId;
		this.unitCode = unitCode;
	}

	void confirm(String username, Instant at) {
		this.confirmedBy = username;
		this.confirmedAt = at;
	}

	Long getId() {
		return id;
	}

	String getUnitCode() {
		return unitCode;
	}

	String getConfirmedBy() {
		return confirmedBy;
	}

	Instant getConfirmedAt() {
		return confirmedAt;
	}

}
