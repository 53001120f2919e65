package io.zeren.discipline;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.zeren.shared.Locales;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/** Renders the case messages: violations for the reader (REST or Tasklist), notices in the product's language. */
@Component
class CaseMessages {

	private final MessageSource messages;

	CaseMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** Throws every problem at once; the message is rendered too, for Tasklist, which shows only that. */
	void failIfAny(List<Msg> problems) {
		if (!problems.isEmpty()) {
			throw new RuleViolationException(problems,
					String.join("；", problems.stream().map(msg -> msg.render(messages, Locales.current())).toList()));
		}
	}

	void fail(Msg problem) {
		failIfAny(List.of(problem));
	}

	/** In the product's default language: stored texts (notices, texts addressed to the subject) are not per reader. */
	String text(String code, Object... args) {
		return new Msg(code, args).render(messages, Locales.DEFAULT);
	}

	String outcome(CaseOutcome outcome) {
		return outcome == null ? "—" : text("discipline.outcome." + outcome.name());
	}

	/** For the caller of the API, in their language. */
	String forReader(Msg msg) {
		return msg.render(messages, Locales.current());
	}

}
