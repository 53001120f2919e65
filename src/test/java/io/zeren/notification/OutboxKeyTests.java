package io.zeren.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxKeyTests {

	@Test
	void shouldMakeOneKeyPerRecipientThatFitsTheColumn() {
		assertThat(Outbox.key("assigned:t1:lina", "lina")).isEqualTo("assigned:t1:lina|lina");

		String longKey = Outbox.key("notice:" + "x".repeat(300), "lina");
		assertThat(longKey).hasSizeLessThanOrEqualTo(Outbox.MAX_KEY_LENGTH).startsWith("notice:xxx");
		assertThat(longKey).isNotEqualTo(Outbox.key("notice:" + "x".repeat(300), "chenjing"));
	}

}
