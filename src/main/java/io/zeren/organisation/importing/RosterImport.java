package io.zeren.organisation.importing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.organisation.ChangeReport;
import io.zeren.organisation.OrganisationChange;
import io.zeren.organisation.OrganisationChanges;

/**
 * Imports a roster: reads every uploaded file, refuses the upload whole if any file is malformed,
 * applies the rows as one change and keeps an audit record. Re-importing the same roster reports
 * every row unchanged and writes nothing but the audit line.
 */
@Service
public class RosterImport {

	private final OrganisationChanges changes;

	private final ImportRunRepository runs;

	RosterImport(OrganisationChanges changes, ImportRunRepository runs) {
		this.changes = changes;
		this.runs = runs;
	}

	/** A file as uploaded. */
	public record Upload(String fileName, byte[] content) {
	}

	@Transactional
	public ChangeReport importRoster(List<Upload> uploads, boolean dryRun, boolean atomic, String importedBy) {
		OrganisationChange change = read(uploads);
		ChangeReport report = changes.apply(change, dryRun, atomic);
		runs.save(new ImportRun(String.join(", ", uploads.stream().map(Upload::fileName).toList()), importedBy, report));
		return report;
	}

	/** Parses without touching the database; throws {@link MalformedRosterException} for unreadable input. */
	static OrganisationChange read(List<Upload> uploads) {
		List<Table> tables = new ArrayList<>();
		for (Upload upload : uploads) {
			tables.addAll(RosterReader.read(upload.fileName(), upload.content()));
		}
		return RosterMapper.map(tables);
	}

}
