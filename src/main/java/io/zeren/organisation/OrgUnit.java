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
@Table(name = "zr_unit")
class OrgUnit {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_unit_seq")
	@SequenceGenerator(name = "zr_unit_seq", sequenceName = "zr_unit_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true, length = 32)
	private String code;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(length = 200)
	private String nameEn;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private UnitKind kind;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private OrgUnit parent;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "head_id")
	private Staff head;

	@Column(nullable = false)
	private int sortNo;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean active;

	@Version
	private int versionNo;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	protected OrgUnit() {
	}

	OrgUnit(String code) {
		this.code = code;
		this.createdAt = Instant.now();
	}

	void apply(OrgModel.Unit state, OrgUnit parent) {
		this.name = state.name();
		this.nameEn = state.nameEn();
		this.kind = state.kind();
		this.parent = parent;
		this.sortNo = state.sortNo();
		this.active = state.active();
		this.updatedAt = Instant.now();
	}

	void assignHead(Staff head) {
		this.head = head;
		this.updatedAt = Instant.now();
	}

	OrgModel.Unit toState() {
		return new OrgModel.Unit(code, name, nameEn, kind, parent == null ? null : parent.getCode(), sortNo, active);
	}

	UnitInfo toInfo() {
		return new UnitInfo(code, name, nameEn, kind, parent == null ? null : parent.getCode(), sortNo, active,
				head == null ? null : head.getUsername());
	}

	Long getId() {
		return id;
	}

	String getCode() {
		return code;
	}

	String getName() {
		return name;
	}

	OrgUnit getParent() {
		return parent;
	}

	Staff getHead() {
		return head;
	}

	boolean isActive() {
		return active;
	}

}
