package io.zeren.responsibility;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A file recorded with an evidence record, kept in the database (zr_evidence_file). The entity holds what lists and
 * checks need; the bytes (column content) are written and read by {@link EvidenceFiles} with JDBC streams, the same
 * way on H2 and Oracle (BLOB) and PostgreSQL (BYTEA), and are never loaded with the list.
 */
@Entity
@Table(name = "zr_evidence_file")
class EvidenceFile {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_evidence_file_seq")
	@SequenceGenerator(name = "zr_evidence_file_seq", sequenceName = "zr_resp_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long evidenceId;

	@Column(nullable = false, length = 255)
	private String fileName;

	@Column(nullable = false, length = 100)
	private String contentType;

	@Column(name = "size_bytes", nullable = false)
	private long size;

	@Column(name = "sha256", nullable = false, length = 64)
	private String sha256;

	@Column(nullable = false, length = 64)
	private String uploadedBy;

	@Column(nullable = false)
	private Instant uploadedAt;

	protected EvidenceFile() {
	}

	EvidenceFile(Long evidenceId, String fileName, String contentType, long size, String sha256, String uploadedBy,
			Instant uploadedAt) {
		this.evidenceId = evidenceId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.size = size;
		this.sha256 = sha256;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	Long getId() {
		return id;
	}

	Long getEvidenceId() {
		return evidenceId;
	}

	String getFileName() {
		return fileName;
	}

	String getContentType() {
		return contentType;
	}

	long getSize() {
		return size;
	}

	String getSha256() {
		return sha256;
	}

	FileView view() {
		return new FileView(id, evidenceId, fileName, contentType, size, sha256, uploadedBy, uploadedAt);
	}

	/** A stored evidence file as the API and the pages show it (never its bytes). */
	record FileView(Long id, Long evidenceId, String fileName, String contentType, long size, String sha256,
			String uploadedBy, Instant uploadedAt) {
	}

}
