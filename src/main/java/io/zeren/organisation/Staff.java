package io.zeren.organisation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.type.YesNoConverter;

@Entity
@Table(name = "zr_staff")
class Staff {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_staff_seq")
	@SequenceGenerator(name = "zr_staff_seq", sequenceName = "zr_staff_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true, length = 64)
	private String username;

	@Column(nullable = false, length = 100)
	private String fullName;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "unit_id", nullable = false)
	private OrgUnit unit;

	@Column(length = 100)
	private String post;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 32)
	private StaffCategory category;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean partyMember;

	@Column(nullable = false, length = 254)
	private String email;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean deputy;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean active;

	@Version
	private int versionNo;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	protected Staff() {
	}

	Staff(String username) {
		this.username = username;
		this.createdAt = Instant.now();
	}

	void apply(OrgModel.Staff state, OrgUnit unit) {
		this.fullName = state.fullName();
		this.unit = unit;
		this.post = state.post();
		this.category = state.category();
		this.partyMember = state.partyMember();
		this.email = state.email();
		this.deputy = state.deputy();
		this.active = state.active();
		this.updatedAt = Instant.now();
	}

	OrgModel.Staff toState() {
		return new OrgModel.Staff(username, fullName, unit.getCode(), post, category, partyMember, email, deputy, active);
	}

	StaffInfo toInfo(boolean head) {
		UnitRole role = head ? UnitRole.HEAD : deputy ? UnitRole.DEPUTY : UnitRole.MEMBER;
		return new StaffInfo(username, fullName, unit.getCode(), unit.getName(), post, category, role, partyMember, email,
				active);
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	OrgUnit getUnit() {
		return unit;
	}

	boolean isActive() {
		return active;
	}

}
