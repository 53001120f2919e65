package io.zeren.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading text files that admins upload (rosters, holiday calendars), as Chinese offices produce them. */
public final class TextFiles {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private TextFiles() {
	}

	/**
	 * UTF-8 if the bytes are valid UTF-8 (a BOM is dropped), else GB18030, which is what Excel on a Chinese
	 * Windows writes. Empty if the content is binary (holds a NUL byte): the caller refuses it in its own words.
	 */
	public static Optional<String> decode(byte[] content) {
		for (byte b : content) {
			if (b == 0) {
				return Optional.empty();
			}
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			text = new String(content, GB18030);
		}
		return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
	}

}
