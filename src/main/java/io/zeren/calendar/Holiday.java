package io.zeren.calendar;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.type.YesNoConverter;

/** One special day as stored; see {@link SpecialDay}. */
@Entity
@Table(name = "zr_holiday")
class Holiday {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_holiday_seq")
	@SequenceGenerator(name = "zr_holiday_seq", sequenceName = "zr_holiday_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, unique = true)
	private LocalDate dayDate;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private DayKind kind;

	@Column(length = 100)
	private String name;

	@Column(nullable = false)
	private int calYear;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean sample;

	@Column(nullable = false)
	private Instant updatedAt;

	protected Holiday() {
	}

	Holiday(SpecialDay day, boolean sample, Instant updatedAt) {
		this.dayDate = day.date();
		this.kind = day.kind();
		this.name = day.name();
		this.calYear = day.date().getYear();
		this.sample = sample;
		this.updatedAt = updatedAt;
	}

	SpecialDay toDay() {
		return new SpecialDay(dayDate, kind, name);
	}

	boolean isSample() {
		return sample;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

}
