package io.zeren.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail for other modules: decisions and notices from processes. Call it inside the business transaction;
 * the mail is queued with it and sent after it committed, never if it rolled back.
 */
@Service
public class Notifications {

	private final Outbox outbox;

	Notifications(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Queues a mail to each user.
	 *
	 * @param template a template in {@code templates/mail/}, e.g. {@code notice}; its subject is the message
	 * {@code mail.<template>.subject} with the model's {@code title} as argument {0}
	 * @param usernames recipients; users without a staff record (such as {@code admin}) are skipped
	 * @param model the template's variables: strings, numbers, booleans, lists and maps (it is stored as JSON
	 * and the mail is rendered when it is sent). A {@code taskId} becomes a {@code link} to the task in Tasklist.
	 * @param dedupKey what makes this notice unique, e.g. {@code "decision:" + caseId}: queuing the same key
	 * again for a user does nothing, so a retried job mails once
	 */
	@Transactional
	public void enqueue(String template, Collection<String> usernames, Map<String, Object> model, String dedupKey) {
		outbox.enqueue(template, usernames, model, List.of(String.valueOf(model.getOrDefault("title", ""))), dedupKey,
				false);
	}

}
