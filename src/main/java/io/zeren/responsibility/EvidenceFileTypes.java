package io.zeren.responsibility;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file accepted as evidence: by the name's extension AND by the file's first bytes (magic numbers), so
 * that a program renamed to .pdf is refused. The content type stored and served is the one of the extension, never
 * what the browser claimed.
 */
final class EvidenceFileTypes {

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	/** OLE2 compound file: .doc, .xls. */
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	/** A zip archive: .docx, .xlsx, .ofd (OFD is a zip of XML documents, GB/T 33190). */
	private static final byte[] ZIP = { 'P', 'K', 0x03, 0x04 };

	private record Kind(String contentType, byte[] magic) {
	}

	private static final Map<String, Kind> KNOWN = Map.ofEntries(Map.entry("pdf", new Kind("application/pdf", PDF)),
			Map.entry("png", new Kind("image/png", PNG)), Map.entry("jpg", new Kind("image/jpeg", JPEG)),
			Map.entry("jpeg", new Kind("image/jpeg", JPEG)), Map.entry("doc", new Kind("application/msword", OLE2)),
			Map.entry("xls", new Kind("application/vnd.ms-excel", OLE2)),
			Map.entry("docx",
					new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP)),
			Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP)),
			Map.entry("ofd", new Kind("application/ofd", ZIP)), Map.entry("txt", new Kind("text/plain", null)));

	private final Set<String> allowed;

	EvidenceFileTypes(List<String> allowedExtensions) {
		this.allowed = new LinkedHashSet<>();
		for (String extension : allowedExtensions) {
			String normal = extension.strip().toLowerCase(Locale.ROOT);
			if (!KNOWN.containsKey(normal)) {
				throw new IllegalArgumentException("zeren.evidence.allowed-types: unknown file type " + extension
						+ " (known: " + KNOWN.keySet() + ")");
			}
			allowed.add(normal);
		}
	}

	/** The allowed extensions, for the form's hint and the file input's accept attribute. */
	Set<String> extensions() {
		return allowed;
	}

	/** The content type to store for an accepted file; empty when its name or its first bytes are not allowed. */
	Optional<String> contentTypeOf(String fileName, byte[] bytes) {
		String extension = extensionOf(fileName);
		if (!allowed.contains(extension)) {
			return Optional.empty();
		}
		Kind kind = KNOWN.get(extension);
		boolean matches = kind.magic() == null ? isText(bytes) : startsWith(bytes, kind.magic());
		return matches ? Optional.of(kind.contentType()) : Optional.empty();
	}

	/** Whether a stored content type is one Zeren serves as such (else downloads are application/octet-stream). */
	boolean isServable(String contentType) {
		return contentType != null && allowed.stream().map(KNOWN::get).anyMatch(kind -> kind.contentType().equals(contentType));
	}

	static String extensionOf(String fileName) {
		int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean startsWith(byte[] bytes, byte[] magic) {
		return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
	}

	/** Plain text: no NUL byte, and not a program's header (MZ, ELF) or a script's #!. */
	private static boolean isText(byte[] bytes) {
		if (startsWith(bytes, new byte[] { 'M', 'Z' }) || startsWith(bytes, new byte[] { 0x7F, 'E', 'L', 'F' })
				|| startsWith(bytes, new byte[] { '#', '!' })) {
			return false;
		}
		for (byte b : bytes) {
			if (b == 0) {
				return false;
			}
		}
		return true;
	}

}
