package io.zeren.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.workflow.DeadlineExtended;
import io.zeren.workflow.TaskAssigned;
import io.zeren.workflow.TaskEscalated;
import io.zeren.workflow.TaskOffered;
import io.zeren.workflow.TaskReminderDue;
import io.zeren.workflow.TaskRef;
import io.zeren.workflow.TaskUrged;

/**
 * Turns the workflow's task events into queued mails. Synchronous on purpose: the events are published
 * inside the engine's transaction, and the mails must commit or roll back with it.
 */
@Component
class TaskMailListener {

	static final String ASSIGNED = "task-assigned";

	static final String REMINDER = "task-reminder";

	static final String ESCALATED = "task-escalated";

	static final String URGED = "task-urged";

	static final String EXTENDED = "deadline-extended";

	static final String OFFERED = "task-offered";

	static final String OFFERED_CONFIDENTIAL = "task-offered-confidential";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Outbox outbox;

	private final OrganisationDirectory directory;

	private final MailProperties properties;

	private final MessageSource messages;

	TaskMailListener(Outbox outbox, OrganisationDirectory directory, MailProperties properties, MessageSource messages) {
		this.outbox = outbox;
		this.directory = directory;
		this.properties = properties;
		this.messages = messages;
	}

	/**
	 * A task offered to people (a group, several candidates, a substitute covering an absent person): each gets one
	 * mail per task, held for the daily digest of those who chose it (like a reminder, it is a notice, not a task
	 * given to them alone). A confidential (discipline) task is announced without anything that tells what it is
	 * about: no name, process, reference or date, in the mail or in the digest.
	 */
	@EventListener
	void on(TaskOffered event) {
		if (event.confidential()) {
			Map<String, Object> model = new LinkedHashMap<>();
			String name = messages.getMessage("mail.task-offered.confidential-name", null, properties.defaultLocale());
			model.put("title", name);
			model.put("taskId", event.task().taskId());
			model.put("taskName", name);
			outbox.enqueue(OFFERED_CONFIDENTIAL, people(event.candidates()), model, List.of(), event.dedupKey(), true);
			return;
		}
		Map<String, Object> model = task(event.task());
		model.put("onBehalfOfName", event.onBehalfOf() == null ? null : name(event.onBehalfOf()));
		outbox.enqueue(OFFERED, people(event.candidates()), model, List.of(event.task().taskName()), event.dedupKey(),
				true);
	}

	@EventListener
	void on(TaskAssigned event) {
		Map<String, Object> model = task(event.task());
		model.put("onBehalfOfName", event.onBehalfOf() == null ? null : name(event.onBehalfOf()));
		outbox.enqueue(ASSIGNED, people(event.assignee()), model, List.of(event.task().taskName()), event.dedupKey(),
				false);
	}

	/** A reminder may wait for a daily digest (as an offered task may): it is a nudge, not a call to act now. */
	@EventListener
	void on(TaskReminderDue event) {
		outbox.enqueue(REMINDER, people(event.recipients()), task(event.task()), List.of(event.task().taskName()),
				event.dedupKey(), true);
	}

	@EventListener
	void on(TaskEscalated event) {
		Map<String, Object> model = task(event.task());
		model.put("level", event.level());
		model.put("ownerNames", people(event.owners()).stream().map(this::name).toList());
		model.put("reason", event.reason());
		outbox.enqueue(ESCALATED, people(event.supervisor()), model,
				List.of(event.task().taskName(), event.level()), event.dedupKey(), false);
	}

	@EventListener
	void on(TaskUrged event) {
		Map<String, Object> model = task(event.task());
		model.put("urgedByName", name(event.urgedBy()));
		model.put("message", event.message());
		outbox.enqueue(URGED, people(event.owners()), model, List.of(event.task().taskName()), event.dedupKey(), false);
	}

	@EventListener
	void on(DeadlineExtended event) {
		Map<String, Object> model = task(event.task());
		model.put("previousDue", format(event.previousDue()));
		model.put("extendedByName", name(event.extendedBy()));
		model.put("reason", event.reason());
		outbox.enqueue(EXTENDED, people(event.owners()), model, List.of(event.task().taskName()), event.dedupKey(), false);
	}

	private Map<String, Object> task(TaskRef task) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("title", task.taskName());
		model.put("taskId", task.taskId());
		model.put("taskName", task.taskName());
		model.put("processName", task.processName());
		model.put("businessKey", task.businessKey());
		model.put("due", format(task.dueDate()));
		return model;
	}

	/** Dates as people in the agency read them, in its time zone. */
	private String format(Instant instant) {
		return instant == null ? null : DATE_TIME.format(instant.atZone(properties.zone()));
	}

	/** Recipients as the event names them; an event without any queues nothing. */
	private static List<String> people(List<String> usernames) {
		return usernames == null ? List.of() : usernames.stream().filter(Objects::nonNull).toList();
	}

	private static List<String> people(String username) {
		return username == null ? List.of() : List.of(username);
	}

	private String name(String username) {
		return directory.findStaffInfo(username).map(StaffInfo::fullName).orElse(username);
	}

}
