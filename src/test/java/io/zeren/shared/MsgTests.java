package io.zeren.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class MsgTests {

	@Test
	void shouldWriteYearsAndNumbersThatNameSomethingWithoutThousandsSeparators() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("year", Locale.SIMPLIFIED_CHINESE, "{0}年度：第 {1} 号，共 {2} 项");

		assertThat(new Msg("year", 2027, 999_999L, 12).render(messages, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("2027年度：第 999999 号，共 12 项");
	}

}
