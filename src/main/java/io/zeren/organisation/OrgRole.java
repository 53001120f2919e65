package io.zeren.organisation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
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
@Table(name = "zr_org_role")
class OrgRole {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_org_role_seq")
	@SequenceGenerator(name = "zr_org_role_seq", sequenceName = "zr_org_role_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true, length = 32)
	private String code;

	@Column(nullable = false, length = 100)
	private String name;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "owner_unit_id", nullable = false)
	private OrgUnit ownerUnit;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean withSubunits;

	@Version
	private int versionNo;

	@Column(nullable = false)
	private Instant updatedAt;

	protected OrgRole() {
	}

	OrgRole(String code) {
		this.code = code;
	}

	void apply(OrgModel.Role state, OrgUnit owner) {
		this.name = state.name();
		this.ownerUnit = owner;
		this.withSubunits = state.withSubunits();
		this.updatedAt = Instant.now();
	}

	OrgModel.Role toState() {
		return new OrgModel.Role(code, name, ownerUnit.getCode(), withSubunits);
	}

	RoleInfo toInfo() {
		return new RoleInfo(code, name, ownerUnit.getCode(), ownerUnit.getName(), withSubunits);
	}

	String getCode() {
		return code;
	}

}
