package io.zeren.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.zeren.support.EngineTime;
import io.zeren.support.ApiClient;
import io.zeren.support.MutableClock;
import io.zeren.workflow.DeadlineExtended;
import io.zeren.workflow.TaskAssigned;
import io.zeren.workflow.TaskEscalated;
import io.zeren.workflow.TaskRef;
import io.zeren.workflow.TaskReminderDue;
import io.zeren.workflow.TaskUrged;

/**
 * Mail from task events to a real SMTP server (GreenMail), on the seeded demo agency. The events are
 * published in a transaction the way the engine publishes them; no process is needed. The background
 * sender is off (test profile): each test runs {@link MailDelivery#deliverDue()} itself and moves a test
 * clock instead of sleeping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailDeliveryIT {

	/**
	 * Fixed for the whole class, so that GreenMail comes back on the same port after a test stopped it, but
	 * not 3025: that is where a developer's own mail sink listens (docs/notifications.md).
	 */
	static final int SMTP_PORT = EngineTime.freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	static final Instant START = Instant.parse("2025-03-03T01:00:00Z");

	static final String LINK = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		MutableClock clock() {
			return new MutableClock(START);
		}

	}

	@Autowired
	MailDelivery delivery;

	@Autowired
	DailyDigest digest;

	@Autowired
	Notifications notifications;

	@Autowired
	Outbox outbox;

	@Autowired
	MailRenderer renderer;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void emptyOutbox() {
		jdbc.update("delete from zr_mail_part");
		jdbc.update("delete from zr_mail_outbox");
		jdbc.update("delete from zr_mail_pref");
		clock.set(START);
	}

	@Test
	void shouldMailTaskEventsWithSubjectRecipientAndTasklistLink() throws Exception {
		TaskRef task = task("填报个人年度述职报告");

		publish(new TaskAssigned(task, "lina", null),
				new TaskEscalated(task, 1, "chenjing", List.of("lina"), "逾期 1 个工作日"));

		assertThat(statuses()).containsOnly("PENDING").hasSize(2);
		assertThat(delivery.deliverDue()).isEqualTo(2);

		MimeMessage assigned = single("lina@zeren.example", task);
		assertThat(assigned.getSubject()).isEqualTo("【待办】填报个人年度述职报告");
		assertThat(assigned.getRecipients(RecipientType.TO)).extracting(Object::toString)
			.containsExactly("lina@zeren.example");
		assertThat(body(assigned)).contains("李娜，您好", "年度考核", "2025-03-14 17:00", LINK + task.taskId());
		assertThat(assigned.getMessageID())
			.isEqualTo(delivery.messageId("assigned:" + task.taskId() + ":lina|lina"))
			.endsWith("@zeren.example>");

		MimeMessage escalated = single("chenjing@zeren.example", task);
		assertThat(escalated.getSubject()).isEqualTo("【逾期升级·第 1 级】填报个人年度述职报告");
		assertThat(body(escalated)).contains("陈静，您好", "第 1 级", "李娜", "逾期 1 个工作日", LINK + task.taskId());
		assertThat(statuses()).containsOnly("SENT");
		assertThat(delivery.deliverDue()).isZero();
	}

	@Test
	void shouldQueueNothingWhenTheTaskTransactionRollsBackOrTheRecipientIsNoStaff() {
		TaskRef task = task("拟定整改方案");

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			events.publishEvent(new TaskAssigned(task, "lina", null));
			status.setRollbackOnly();
		});
		publish(new TaskAssigned(task, "admin", null), new TaskUrged(task, "chenjing", List.of("nobody"), "请尽快", START));

		assertThat(statuses()).isEmpty();
	}

	@Test
	void shouldCommitTheTaskWhileSmtpIsDownAndDeliverEveryMailExactlyOnceWhenItIsBack() throws Exception {
		TaskRef task = task("组织生活会会前征求意见");
		Object[] escalation = { new TaskAssigned(task, "lina", null),
				new TaskEscalated(task, 1, "chenjing", List.of("lina"), "逾期"),
				new TaskEscalated(task, 2, "liuzhiqiang", List.of("lina"), "逾期且一级未处理"),
				new TaskUrged(task, "chenjing", List.of("lina"), "请今天完成", START) };
		smtp.stop();

		publish(escalation);

		assertThat(statuses()).hasSize(4).containsOnly("PENDING");
		assertThat(delivery.deliverDue()).isZero();
		assertThat(statuses()).hasSize(4).containsOnly("PENDING");
		assertThat(jdbc.queryForList("select last_error from zr_mail_outbox", String.class))
			.allSatisfy(error -> assertThat(error).containsIgnoringCase("connect"));
		assertThat(jdbc.queryForList("select attempts from zr_mail_outbox", Integer.class)).containsOnly(1);

		// The job that published them runs again: nothing new is queued.
		publish(escalation);
		assertThat(statuses()).hasSize(4);

		smtp.start();
		clock.advance(Duration.ofSeconds(29));
		assertThat(delivery.deliverDue()).as("before the backoff is over").isZero();
		clock.advance(Duration.ofSeconds(1));
		assertThat(delivery.deliverDue()).isEqualTo(4);
		publish(escalation);
		clock.advance(Duration.ofHours(1));
		assertThat(delivery.deliverDue()).isZero();

		assertThat(received("lina@zeren.example", task)).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("【待办】组织生活会会前征求意见", "【催办】组织生活会会前征求意见");
		assertThat(received("chenjing@zeren.example", task)).hasSize(1);
		assertThat(received("liuzhiqiang@zeren.example", task)).extracting(MimeMessage::getSubject)
			.containsExactly("【逾期升级·第 2 级】组织生活会会前征求意见");
		assertThat(smtp.getReceivedMessages()).hasSize(4);
		assertThat(statuses()).containsOnly("SENT");
	}

	@Test
	void shouldMarkMailFailedAfterTheLastAttemptAndSendItAgainWhenAnAdminRetries() throws Exception {
		TaskRef first = task("报送季度督查情况");
		TaskRef second = task("复核处分决定");
		smtp.stop();
		publish(new TaskAssigned(first, "lina", null),
				new DeadlineExtended(second, "chenjing", List.of("lina"), START, "材料需补充"));

		for (int attempt = 1; attempt < 8; attempt++) {
			assertThat(delivery.deliverDue()).isZero();
			clock.advance(Duration.ofHours(1));
		}
		assertThat(statuses()).containsOnly("PENDING");
		assertThat(delivery.deliverDue()).isZero();
		assertThat(statuses()).containsOnly("FAILED");
		clock.advance(Duration.ofDays(1));
		assertThat(delivery.deliverDue()).as("failed mails wait for an admin").isZero();

		ApiClient admin = ApiClient.as(rest, "admin");
		ResponseEntity<Map<String, Object>> failed = admin.get("/api/notifications/outbox?status=FAILED");
		assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map<String, Object>> rows = content(failed);
		assertThat(rows).hasSize(2).allSatisfy(row -> {
			assertThat(row).containsEntry("status", "FAILED").containsEntry("attempts", 8);
			assertThat((String) row.get("lastError")).isNotBlank();
		});
		assertThat(ApiClient.as(rest, "lina").get("/api/notifications/outbox?status=FAILED").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(ApiClient.as(rest, "lina").send(HttpMethod.POST, "/api/notifications/outbox/retry-failed", null)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(ApiClient.anonymous(rest).get("/api/notifications/outbox").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		smtp.start();
		Object assignedId = rows.stream()
			.filter(row -> row.get("template").equals("task-assigned"))
			.findFirst()
			.orElseThrow()
			.get("id");
		ResponseEntity<Map<String, Object>> retried = admin.send(HttpMethod.POST,
				"/api/notifications/outbox/" + assignedId + "/retry", null);
		assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(retried.getBody()).containsEntry("status", "PENDING").containsEntry("attempts", 0);
		assertThat(delivery.deliverDue()).isEqualTo(1);
		assertThat(received("lina@zeren.example", first)).hasSize(1);

		assertThat(admin.send(HttpMethod.POST, "/api/notifications/outbox/retry-failed", null).getBody())
			.containsEntry("retried", 1);
		assertThat(delivery.deliverDue()).isEqualTo(1);
		MimeMessage extended = single("lina@zeren.example", second);
		assertThat(extended.getSubject()).isEqualTo("【期限延长】复核处分决定");
		assertThat(body(extended)).contains("陈静", "材料需补充", "2025-03-03 09:00");

		ResponseEntity<Map<String, Object>> notFailed = admin.send(HttpMethod.POST,
				"/api/notifications/outbox/" + assignedId + "/retry", null);
		assertThat(notFailed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(notFailed.getBody().get("detail").toString()).contains("FAILED");
		assertThat(admin.send(HttpMethod.POST, "/api/notifications/outbox/999999999/retry", null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	@Test
	void shouldHoldRemindersOfDigestReadersAndSendThemAsOneDailyDigest() throws Exception {
		ApiClient chenjing = ApiClient.as(rest, "chenjing");
		assertThat(chenjing.get("/api/notifications/preferences/me").getBody()).containsEntry("digest", false);
		assertThat(chenjing.send(HttpMethod.PUT, "/api/notifications/preferences/me", Map.of("digest", true))
			.getBody()).containsEntry("digest", true);
		assertThat(chenjing.get("/api/notifications/preferences/me").getBody()).containsEntry("digest", true);
		TaskRef first = task("审核科室责任清单");
		TaskRef second = task("审核个人述职报告");

		publish(new TaskReminderDue(first, List.of("chenjing", "lina")), new TaskReminderDue(second, List.of("chenjing")),
				new TaskEscalated(first, 1, "chenjing", List.of("lina"), "逾期"));

		assertThat(delivery.deliverDue()).as("lina's reminder and chenjing's escalation").isEqualTo(2);
		assertThat(received("lina@zeren.example", first)).extracting(MimeMessage::getSubject)
			.containsExactly("【即将到期】审核科室责任清单");
		assertThat(received("chenjing@zeren.example", first)).extracting(MimeMessage::getSubject)
			.containsExactly("【逾期升级·第 1 级】审核科室责任清单");
		assertThat(statuses()).containsExactlyInAnyOrder("SENT", "SENT", "HELD", "HELD");

		assertThat(digest.queueDigests()).isEqualTo(1);
		assertThat(digest.queueDigests()).isZero();
		assertThat(delivery.deliverDue()).isEqualTo(1);

		MimeMessage daily = smtp.findReceivedMessages(user -> user.getEmail().equals("chenjing@zeren.example"),
				message -> subject(message).startsWith("【每日提醒】"))
			.findFirst()
			.orElseThrow();
		assertThat(daily.getSubject()).isEqualTo("【每日提醒】2 项待办即将到期");
		assertThat(body(daily)).contains("审核科室责任清单", "审核个人述职报告", LINK + first.taskId(),
				LINK + second.taskId());
		assertThat(statuses()).containsExactlyInAnyOrder("SENT", "SENT", "DIGESTED", "DIGESTED", "SENT");

		// Switching the digest off sends what is held at once.
		TaskRef third = task("审核整改台账");
		publish(new TaskReminderDue(third, List.of("chenjing")));
		assertThat(delivery.deliverDue()).isZero();
		chenjing.send(HttpMethod.PUT, "/api/notifications/preferences/me", Map.of("digest", false));
		assertThat(delivery.deliverDue()).isEqualTo(1);
		assertThat(received("chenjing@zeren.example", third)).hasSize(1);
	}

	@Test
	void shouldMailNoticesFromOtherModulesOnce() throws Exception {
		String taskId = "task-" + UUID.randomUUID();
		Map<String, Object> model = Map.of("title", "2025年度考核结果公示", "text", "考核结果已确定。\n如有异议请于五个工作日内提出。",
				"taskId", taskId);

		for (int run = 0; run < 2; run++) {
			new TransactionTemplate(transactions).executeWithoutResult(
					status -> notifications.enqueue("notice", List.of("lina", "admin"), model, "assessment-result:2025"));
		}

		assertThat(delivery.deliverDue()).isEqualTo(1);
		MimeMessage notice = smtp.getReceivedMessages()[0];
		assertThat(notice.getAllRecipients()).extracting(Object::toString).containsExactly("lina@zeren.example");
		assertThat(notice.getSubject()).isEqualTo("【通知】2025年度考核结果公示");
		assertThat(body(notice)).contains("如有异议请于五个工作日内提出", LINK + taskId);
	}

	@Test
	void shouldWriteATransactionsMailsWhenItCommitsAndAnInnerTransactionsWithIt() {
		Map<String, Object> model = Map.of("title", "学习安排", "text", "请按时参加。");
		TransactionTemplate outer = new TransactionTemplate(transactions);
		TransactionTemplate inner = new TransactionTemplate(transactions);
		inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		outer.executeWithoutResult(status -> {
			notifications.enqueue("notice", List.of("lina"), model, "study:outer");
			notifications.enqueue("notice", List.of("lina", "chenjing"), model, "study:outer");
			// Queued, not written yet: the rows come with the commit (the same connection would see them).
			assertThat(keys()).isEmpty();
			inner.executeWithoutResult(nested -> notifications.enqueue("notice", List.of("lina"), model, "study:inner"));
			assertThat(keys()).containsExactly("study:inner|lina");
			status.setRollbackOnly();
		});
		assertThat(keys()).containsExactly("study:inner|lina");

		outer.executeWithoutResult(status -> {
			notifications.enqueue("notice", List.of("lina", "chenjing"), model, "study:outer");
			// lina has this one committed already: only chenjing's is new.
			notifications.enqueue("notice", List.of("lina", "chenjing"), model, "study:inner");
		});
		assertThat(keys()).containsExactly("study:inner|chenjing", "study:inner|lina", "study:outer|chenjing",
				"study:outer|lina");
		assertThat(delivery.deliverDue()).isEqualTo(4);
	}

	private List<String> keys() {
		return jdbc.queryForList("select dedup_key from zr_mail_outbox order by dedup_key", String.class);
	}

	@Test
	void shouldWriteMailsInEnglishForEnglishReaders() {
		Map<String, Object> model = Map.of("recipientName", "Li Na", "taskId", "t-1", "taskName", "Self-assessment",
				"processName", "Annual assessment", "due", "2025-03-14 17:00", "level", 2, "ownerNames", List.of("Li Na"));

		assertThat(outbox.subject("task-escalated", List.of("Self-assessment", 2), Locale.ENGLISH))
			.isEqualTo("[Overdue, escalated to level 2] Self-assessment");
		assertThat(renderer.render("task-escalated", model, Locale.ENGLISH)).contains("Dear Li Na,", "level 2",
				"Open in Tasklist", LINK + "t-1");
		assertThat(renderer.render("daily-digest", Map.of("recipientName", "Li Na", "count", 1, "items",
				List.of(Map.of("taskId", "t-2", "taskName", "Report"))), Locale.ENGLISH))
			.contains("This task is due soon", LINK + "t-2");
		assertThat(outbox.subject("daily-digest", List.of(3), Locale.ENGLISH)).isEqualTo("[Daily reminder] 3 tasks due soon");
	}

	@Test
	void shouldRunNoBackgroundSenderInTests() {
		assertThat(context.getBeanProvider(MailScheduler.class).getIfAvailable()).isNull();
	}

	private void publish(Object... published) {
		new TransactionTemplate(transactions)
			.executeWithoutResult(status -> Arrays.stream(published).forEach(events::publishEvent));
	}

	private List<String> statuses() {
		return jdbc.queryForList("select status from zr_mail_outbox", String.class);
	}

	private static TaskRef task(String name) {
		return new TaskRef("task-" + UUID.randomUUID(), name, "年度考核", "AC-2025-0001",
				Instant.parse("2025-03-14T09:00:00Z"));
	}

	/** Mail received by one address about one task. */
	private List<MimeMessage> received(String address, TaskRef task) {
		return smtp.findReceivedMessages(user -> user.getEmail().equals(address),
				message -> body(message).contains(task.taskId()))
			.toList();
	}

	private MimeMessage single(String address, TaskRef task) {
		List<MimeMessage> messages = received(address, task);
		assertThat(messages).as("mail to " + address).hasSize(1);
		return messages.get(0);
	}

	private static String body(MimeMessage message) {
		try {
			return message.getContent().toString();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> content(ResponseEntity<Map<String, Object>> page) {
		return (List<Map<String, Object>>) page.getBody().get("content");
	}


}
