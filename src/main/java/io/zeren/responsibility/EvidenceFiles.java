package io.zeren.responsibility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;

/**
 * Evidence files in the database: checks an upload against the limits (zeren.evidence), stores each file's row and
 * bytes in the caller's transaction (the evidence record's), and streams a file's bytes back. Bytes go through JDBC
 * streams (setBinaryStream / getBinaryStream), which H2's and Oracle's BLOB and PostgreSQL's BYTEA all take.
 */
@Component
class EvidenceFiles {

	/**
	 * One file as uploaded: its name (without the folders some browsers send, without control characters) and its
	 * bytes.
	 */
	record Upload(String fileName, byte[] bytes) {

		Upload {
			String name = fileName == null ? "" : fileName;
			name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
			name = name.codePoints().filter(c -> !Character.isISOControl(c)).collect(StringBuilder::new,
					StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
			fileName = name.isEmpty() ? "file" : name;
		}

	}

	private final EvidenceFileRepository files;

	private final JdbcTemplate jdbc;

	private final EntityManager entities;

	private final EvidenceProperties properties;

	private final EvidenceFileTypes types;

	EvidenceFiles(EvidenceFileRepository files, JdbcTemplate jdbc, EntityManager entities, EvidenceProperties properties) {
		this.files = files;
		this.jdbc = jdbc;
		this.entities = entities;
		this.properties = properties;
		this.types = new EvidenceFileTypes(properties.allowedTypes());
	}

	EvidenceProperties limits() {
		return properties;
	}

	EvidenceFileTypes types() {
		return types;
	}

	/** Every problem of an upload (too many, empty, too big, a type not allowed), in the person's words. */
	List<Msg> problems(List<Upload> uploads) {
		List<Msg> problems = new ArrayList<>();
		if (uploads.size() > properties.maxFiles()) {
			problems.add(new Msg("responsibility.evidence.file.too-many", uploads.size(), properties.maxFiles()));
		}
		for (Upload upload : uploads) {
			String name = upload.fileName();
			if (name.length() > 255) {
				problems.add(new Msg("responsibility.evidence.file.name", name.substring(0, 40) + "…"));
			}
			else if (upload.bytes().length == 0) {
				problems.add(new Msg("responsibility.evidence.file.empty", name));
			}
			else if (upload.bytes().length > properties.maxFileSize().toBytes()) {
				problems.add(new Msg("responsibility.evidence.file.too-big", name,
						properties.maxFileSize().toMegabytes() + " MB"));
			}
			else if (types.contentTypeOf(name, upload.bytes()).isEmpty()) {
				problems.add(new Msg("responsibility.evidence.file.type", name, String.join("、", types.extensions())));
			}
		}
		return problems;
	}

	/** Stores checked uploads for an evidence record already written (and flushed) in the current transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	List<EvidenceFile.FileView> store(Long evidenceId, List<Upload> uploads, String username, Instant at) {
		List<EvidenceFile.FileView> stored = new ArrayList<>();
		for (Upload upload : uploads) {
			String contentType = types.contentTypeOf(upload.fileName(), upload.bytes()).orElseThrow();
			EvidenceFile file = files.save(new EvidenceFile(evidenceId, upload.fileName(), contentType,
					upload.bytes().length, sha256(upload.bytes()), username, at));
			entities.flush();
			int updated = jdbc.update("update zr_evidence_file set content = ? where id = ?", statement -> {
				statement.setBinaryStream(1, new ByteArrayInputStream(upload.bytes()), upload.bytes().length);
				statement.setLong(2, file.getId());
			});
			if (updated != 1) {
				throw new IllegalStateException("evidence file " + file.getId() + " was not written");
			}
			stored.add(file.view());
		}
		return stored;
	}

	@Transactional(readOnly = true)
	List<EvidenceFile.FileView> ofEvidence(Collection<Long> evidenceIds) {
		return evidenceIds.isEmpty() ? List.of()
				: files.findByEvidenceIdInOrderById(evidenceIds).stream().map(EvidenceFile::view).toList();
	}

	@Transactional(readOnly = true)
	Optional<EvidenceFile.FileView> find(Long fileId) {
		return files.findById(fileId).map(EvidenceFile::view);
	}

	/** Copies a file's bytes to {@code out}; the caller checked who may read it. */
	@Transactional(readOnly = true)
	void copy(Long fileId, OutputStream out) {
		Boolean found = jdbc.query("select content from zr_evidence_file where id = ?", rows -> {
			if (!rows.next()) {
				return false;
			}
			try (InputStream in = rows.getBinaryStream(1)) {
				if (in != null) {
					in.transferTo(out);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return true;
		}, fileId);
		if (!Boolean.TRUE.equals(found)) {
			throw new NotFoundException(new Msg("responsibility.evidence.file.not-found", String.valueOf(fileId)));
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
