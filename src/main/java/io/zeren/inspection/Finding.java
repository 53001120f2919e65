package io.zeren.inspection;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One item of an inspection's problem list (问题清单), about a unit or about one person. Immutable once recorded. */
@Entity
@Table(name = "zr_finding")
class Finding {

	enum Target {

		/** The unit's principal responsibility: its head answers for the rectification. */
		UNIT,
		/** One staff member, who answers for it themself. */
		PERSON

	}

	enum Severity {

		MINOR, MAJOR, SERIOUS

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_finding_seq")
	@SequenceGenerator(name = "zr_finding_seq", sequenceName = "zr_finding_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long inspectionId;

	@Column(name = "cycle_year", nullable = false)
	private int year;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Target target;

	@Column(nullable = false, length = 32)
	private String unitCode;

	@Column(length = 64)
	private String personUsername;

	@Column(nullable = false, length = 2000)
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Severity severity;

	@Column(nullable = false, length = 2000)
	private String requirement;

	@Column(nullable = false)
	private LocalDate deadline;

	@Column(nullable = false, length = 64)
	private String recordedBy;

	@Column(nullable = false)
	private Instant recordedAt;

	protected Finding() {
	}

	Finding(Long inspectionId, int year, Target target, String unitCode, String personUsername, String description,
			Severity severity, String requirement, LocalDate deadline, String recordedBy, Instant recordedAt) {
		this.inspectionId = inspectionId;
		this.year = year;
		this.target = target;
		this.unitCode = unitCode;
		this.personUsername = personUsername;
		this.description = description;
		this.severity = severity;
		this.requirement = requirement;
		this.deadline = deadline;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	Long getId() {
		return id;
	}

	Long getInspectionId() {
		return inspectionId;
	}

	int getYear() {
		return year;
	}

	Target getTarget() {
		return target;
	}

	String getUnitCode() {
		return unitCode;
	}

	String getPersonUsername() {
		return personUsername;
	}

	String getDescription() {
		return description;
	}

	String getRequirement() {
		return requirement;
	}

	LocalDate getDeadline() {
		return deadline;
	}

	FindingView toView(Rectification rectification) {
		return new FindingView(id, inspectionId, year, target, unitCode, personUsername, description, severity,
				requirement, deadline, recordedBy, recordedAt, rectification == null ? null : rectification.getResponsible(),
				rectification == null ? null : rectification.getState());
	}

	/** A finding as the API shows it, with who answers for its rectification and where that stands. */
	record FindingView(Long id, Long inspectionId, int year, Target target, String unitCode, String personUsername,
			String description, Severity severity, String requirement, LocalDate deadline, String recordedBy,
			Instant recordedAt, String responsible, Rectification.State rectificationState) {
	}

}
