package io.zeren.organisation.importing;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import io.zeren.organisation.ChangeReport;
import io.zeren.organisation.OrganisationChange;
import io.zeren.organisation.OrganisationChanges;

/**
 * Imports a roster: reads every uploaded file, refuses the upload whole if any file is malformed,
 * applies the rows as one change and keeps an audit record. Re-importing the same roster reports
 * every row unchanged and writes nothing but the audit line. An upload with more data rows than
 * {@code zeren.organisation.import.max-rows} (all files together) is refused whole.
 */
@Service
public class RosterImport {

	private final OrganisationChanges changes;

	private final ImportRunRepository runs;

	private final int maxRows;

	RosterImport(OrganisationChanges changes, ImportRunRepository runs,
			@Value("${zeren.organisation.import.max-rows:150000}") int maxRows,
			@Value("${zeren.organisation.import.max-entry-size:200MB}") DataSize maxEntrySize) {
		this.changes = changes;
		this.runs = runs;
		this.maxRows = maxRows;
		// POI's guard is JVM-wide (a static setting): no part of any workbook POI reads may unzip to more than this.
		// The inflate-ratio check (POI's default, 1 %) stays as it is.
		ZipSecureFile.setMaxEntrySize(maxEntrySize.toBytes());
	}

	/** A file as uploaded. */
	public record Upload(String fileName, byte[] content) {
	}

	@Transactional
	public ChangeReport importRoster(List<Upload> uploads, boolean dryRun, boolean atomic, String importedBy) {
		OrganisationChange change = read(uploads, maxRows);
		ChangeReport report = changes.apply(change, dryRun, atomic);
		runs.save(new ImportRun(String.join(", ", uploads.stream().map(Upload::fileName).toList()), importedBy, report));
		return report;
	}

	/** Parses without touching the database; throws {@link MalformedRosterException} for unreadable input. */
	static OrganisationChange read(List<Upload> uploads, int maxRows) {
		List<Table> tables = new ArrayList<>();
		RosterReader.RowBudget budget = new RosterReader.RowBudget(maxRows);
		for (Upload upload : uploads) {
			tables.addAll(RosterReader.read(upload.fileName(), upload.content(), budget));
		}
		return RosterMapper.map(tables);
	}

}
