package io.zeren.inspection;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/** Renders this module's messages: violations for the reader (REST or Tasklist), notices and event reasons in the product's language. */
@Component
class InspectionMessages {

	private final MessageSource messages;

	InspectionMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** Throws every problem at once; the message is rendered too, for Tasklist, which shows only that. */
	void failIfAny(List<Msg> problems) {
		if (!problems.isEmpty()) {
			throw new RuleViolationException(problems,
					String.join("；", problems.stream().map(msg -> msg.render(messages, Locales.current())).toList()));
		}
	}

	/** In the product's default language: stored texts (event reasons, notices) are not per reader. */
	String text(String code, Object... args) {
		return new Msg(code, args).render(messages, Locales.DEFAULT);
	}

}
