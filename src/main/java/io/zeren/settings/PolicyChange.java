package io.zeren.settings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One change of a policy setting (set or reset), with the administrator who made it. Append-only. */
@Entity
@Table(name = "zr_policy_change")
class PolicyChange {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_policy_change_seq")
	@SequenceGenerator(name = "zr_policy_change_seq", sequenceName = "zr_policy_change_seq", allocationSize = 50)
	Long id;

	@Column(name = "setting_key", nullable = false, length = 200)
	String key;

	@Column(length = 200)
	String oldValue;

	@Column(length = 200)
	String newValue;

	@Column(nullable = false, length = 64)
	String changedBy;

	@Column(nullable = false)
	Instant changedAt;

	protected PolicyChange() {
	}

	PolicyChange(String key, String oldValue, String newValue, String changedBy, Instant changedAt) {
		this.key = key;
		this.oldValue = oldValue;
		this.newValue = newValue;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

}
