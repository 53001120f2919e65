package io.zeren.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One unit inspected in one year by a group of inspectors. */
@Entity
@Table(name = "zr_inspection")
class Inspection {

	/**
	 * RECORDING: findings are being recorded; RECTIFYING: waiting for rectifications; CLOSED; CANCELLED: opened by
	 * mistake and cancelled before any finding was recorded.
	 */
	enum Status {

		RECORDING, RECTIFYING, CLOSED, CANCELLED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_inspection_seq")
	@SequenceGenerator(name = "zr_inspection_seq", sequenceName = "zr_inspection_seq", allocationSize = 50)
	private Long id;

	@Column(name = "cycle_year", nullable = false)
	private int year;

	@Column(nullable = false, length = 32)
	private String unitCode;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(nullable = false)
	private LocalDate startsOn;

	@Column(nullable = false)
	private LocalDate endsOn;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Status status;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "zr_inspection_member", joinColumns = @JoinColumn(name = "inspection_id"))
	@Column(name = "username", length = 64)
	@OrderBy
	private Set<String> inspectors = new LinkedHashSet<>();

	@Column(nullable = false, length = 64)
	private String createdBy;

	@Column(nullable = false)
	private Instant createdAt;

	private Instant closedAt;

	@Column(length = 64)
	private String cancelledBy;

	@Column(length = 1000)
	private String cancelReason;

	@Version
	private int versionNo;

	protected Inspection() {
	}

	Inspection(int year, String unitCode, String title, LocalDate startsOn, LocalDate endsOn, List<String> inspectors,
			String createdBy, Instant createdAt) {
		this.year = year;
		this.unitCode = unitCode;
		this.title = title;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.inspectors.addAll(inspectors);
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.status = Status.RECORDING;
	}

	void recordingClosed(Instant at, boolean allRectified) {
		if (allRectified) {
			close(at);
		}
		else {
			status = Status.RECTIFYING;
		}
	}

	void close(Instant at) {
		status = Status.CLOSED;
		closedAt = at;
	}

	/** Opened by mistake: the inspection ends as cancelled, with who and why (its time is the closing time). */
	void cancel(String by, String reason, Instant at) {
		status = Status.CANCELLED;
		cancelledBy = by;
		cancelReason = reason;
		closedAt = at;
	}

	String getCancelledBy() {
		return cancelledBy;
	}

	String getCancelReason() {
		return cancelReason;
	}

	boolean isRecording() {
		return status == Status.RECORDING;
	}

	boolean isRectifying() {
		return status == Status.RECTIFYING;
	}

	/** The inspectors as Camunda reads candidate users: comma-separated. */
	String inspectorList() {
		return String.join(",", inspectors);
	}

	Long getId() {
		return id;
	}

	int getYear() {
		return year;
	}

	String getUnitCode() {
		return unitCode;
	}

	String getTitle() {
		return title;
	}

	Status getStatus() {
		return status;
	}

	Set<String> getInspectors() {
		return inspectors;
	}

	InspectionView toView(List<Finding.FindingView> findings) {
		return new InspectionView(id, year, unitCode, title, startsOn, endsOn, new ArrayList<>(inspectors), status,
				createdBy, createdAt, closedAt, cancelledBy, cancelReason, findings);
	}

	/** An inspection as the API shows it; findings only in the detail view. */
	record InspectionView(Long id, int year, String unitCode, String title, LocalDate startsOn, LocalDate endsOn,
			List<String> inspectors, Status status, String createdBy, Instant createdAt, Instant closedAt,
			String cancelledBy, String cancelReason, List<Finding.FindingView> findings) {
	}

}
