package io.zeren.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.MessageSource;

import io.zeren.organisation.OrganisationDirectory;
import io.zeren.workflow.TaskOffered;
import io.zeren.workflow.TaskRef;

/** A task offered to a group is mailed to each person, digestible; a discipline task without anything about it. */
class TaskOfferedMailTests {

	private final Outbox outbox = mock(Outbox.class);

	private final MessageSource messages = mock(MessageSource.class);

	private final MailProperties properties = mock(MailProperties.class);

	private final TaskMailListener listener = new TaskMailListener(outbox, mock(OrganisationDirectory.class),
			properties, messages);

	@SuppressWarnings("unchecked")
	@Test
	void shouldMailEachCandidateOnceADayReaderInTheDigest() {
		when(properties.zone()).thenReturn(java.time.ZoneId.of("Asia/Shanghai"));
		TaskRef task = new TaskRef("t1", "填写科室责任清单", null, null, Instant.parse("2115-06-10T01:00:00Z"));

		listener.on(new TaskOffered(task, List.of("lina", "tangliang"), false, null));

		ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
		verify(outbox).enqueue(eq("task-offered"), eq(List.of("lina", "tangliang")), model.capture(),
				eq(List.of("填写科室责任清单")), eq("offered:t1"), eq(true));
		assertThat(model.getValue()).containsEntry("taskName", "填写科室责任清单").containsEntry("due", "2115-06-10 09:00");
	}

	@SuppressWarnings("unchecked")
	@Test
	void shouldTellNothingAboutADisciplineTask() {
		when(properties.defaultLocale()).thenReturn(Locale.SIMPLIFIED_CHINESE);
		when(messages.getMessage(eq("mail.task-offered.confidential-name"), any(), any(Locale.class)))
			.thenReturn("纪检工作待办");
		TaskRef task = new TaskRef("t2", "审查调查（纪审〔2115〕1号）", "纪律审查", "DIS-2115-1", Instant.now());

		listener.on(new TaskOffered(task, List.of("zhaolei"), true, null));

		ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
		verify(outbox).enqueue(eq("task-offered-confidential"), eq(List.of("zhaolei")), model.capture(), anyList(),
				eq("offered:t2"), eq(true));
		assertThat(model.getValue()).containsOnlyKeys("title", "taskId", "taskName")
			.containsEntry("taskName", "纪检工作待办")
			.containsEntry("taskId", "t2");
		assertThat(model.getValue().values().toString()).doesNotContain("审查调查", "2115", "纪律审查");
	}

}
