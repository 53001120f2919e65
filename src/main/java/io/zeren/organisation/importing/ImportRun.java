package io.zeren.organisation.importing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.type.YesNoConverter;

import io.zeren.organisation.ChangeReport;

/** Audit of one roster upload: who, when, which files, and what came of it. */
@Entity
@Table(name = "zr_import_run")
class ImportRun {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_import_run_seq")
	@SequenceGenerator(name = "zr_import_run_seq", sequenceName = "zr_import_run_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, length = 1000)
	private String fileNames;

	@Column(nullable = false, length = 64)
	private String importedBy;

	@Column(nullable = false)
	private Instant importedAt;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean dryRun;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean applied;

	@Column(nullable = false)
	private int createdCount;

	@Column(nullable = false)
	private int updatedCount;

	@Column(nullable = false)
	private int unchangedCount;

	@Column(nullable = false)
	private int rejectedCount;

	@Column(length = 4000)
	private String rejectedSummary;

	protected ImportRun() {
	}

	ImportRun(String fileNames, String importedBy, ChangeReport report) {
		this.fileNames = truncate(fileNames, 1000);
		this.importedBy = importedBy;
		this.importedAt = Instant.now();
		this.dryRun = report.dryRun();
		this.applied = report.applied();
		this.createdCount = report.created();
		this.updatedCount = report.updated();
		this.unchangedCount = report.unchanged();
		this.rejectedCount = report.rejected();
		StringBuilder summary = new StringBuilder();
		report.rows()
			.stream()
			.filter(row -> row.outcome() == ChangeReport.Outcome.REJECTED)
			.forEach(row -> summary.append(row.sheet()).append(':').append(row.line()).append(' ')
				.append(String.join("; ", row.messages())).append('\n'));
		this.rejectedSummary = summary.isEmpty() ? null : truncate(summary.toString(), 4000);
	}

	ImportRunView toView() {
		return new ImportRunView(id, fileNames, importedBy, importedAt, dryRun, applied, createdCount, updatedCount,
				unchangedCount, rejectedCount, rejectedSummary);
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	record ImportRunView(Long id, String fileNames, String importedBy, Instant importedAt, boolean dryRun,
			boolean applied, int created, int updated, int unchanged, int rejected, String rejectedSummary) {
	}

}
