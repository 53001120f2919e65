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

	@Test
	void shouldLeaveAPlaceholderWithItsOwnFormatToIt() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("share", Locale.SIMPLIFIED_CHINESE, "占 {0,number,#.#}%，{1,choice,0#无人|1#一人|1<{1} 人}，名额 {2,number}");
		messages.addMessage("nested", Locale.SIMPLIFIED_CHINESE, "原因：{0}");
		messages.addMessage("inner", Locale.SIMPLIFIED_CHINESE, "{0}年度已关闭");

		assertThat(new Msg("share", 12.5, 3, 1200).render(messages, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("占 12.5%，3 人，名额 1,200");
		assertThat(new Msg("nested", new Msg("inner", 2027)).render(messages, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("原因：2027年度已关闭");
		assertThat(new Msg("missing", 2027).render(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("missing[2027]");
	}

}
