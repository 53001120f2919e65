package io.zeren.responsibility;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the files recorded as evidence (平时记实), kept in the database (zr_evidence_file).
 *
 * @param maxFileSize largest file accepted (keep it below spring.servlet.multipart.max-file-size, or the container
 * refuses larger files before Zeren can explain why)
 * @param maxFiles most files in one evidence record
 * @param allowedTypes file name extensions accepted; each is checked against the file's first bytes too (a renamed
 * program is refused). Known: pdf, jpg, jpeg, png, doc, docx, xls, xlsx, txt, ofd
 */
@ConfigurationProperties("zeren.evidence")
record EvidenceProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("5") int maxFiles,
		@DefaultValue({ "pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx", "txt", "ofd" }) List<String> allowedTypes) {
}
