package io.zeren.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.zeren.support.EngineTime;
import io.zeren.support.MutableClock;

/**
 * End to end: a real task left alone escalates while the mail server is down. The engine's work commits
 * regardless; when SMTP is back every mail arrives exactly once, and the task is untouched.
 */
@SpringBootTest
class EscalationMailIT {

	static final int SMTP_PORT = EngineTime.freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		MutableClock clock() {
			return new MutableClock(MONDAY.toInstant());
		}

	}

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	MailDelivery delivery;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldDeliverEveryEscalationMailExactlyOnceAfterSmtpComesBack() throws Exception {
		repository.createDeployment().addClasspathResource("bpmn/deadline-fixture.bpmn").addClasspathResource("bpmn/fixture.form").deploy();
		ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
		smtp.stop();

		String instance = runtime.startProcessInstanceByKey("DeadlineFixtureProcess", Map.of("owner", "huangxin")).getId();
		Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
		EngineTime.moveTo(management, MONDAY.plusDays(4).plusMinutes(1));
		EngineTime.moveTo(management, MONDAY.plusDays(7).plusMinutes(1));
		EngineTime.moveTo(management, MONDAY.plusDays(9).plusMinutes(2));

		clock.set(MONDAY.plusDays(9).plusMinutes(3).toInstant());
		assertThat(delivery.deliverDue()).isZero();
		assertThat(outboxFor(task)).isNotEmpty().allSatisfy(status -> assertThat(status).isEqualTo("PENDING"));

		smtp.start();
		for (int round = 0; round < 5; round++) {
			clock.advance(Duration.ofMinutes(10));
			delivery.deliverDue();
		}

		assertThat(outboxFor(task)).allSatisfy(status -> assertThat(status).isEqualTo("SENT"));
		assertThat(subjectsTo("huangxin@zeren.example", task)).anyMatch(subject -> subject.contains("填写述职报告"));
		assertThat(subjectsTo("zhengyang@zeren.example", task)).hasSize(1);
		List<String> secondLevel = subjectsTo(supervisorAt(task, 2) + "@zeren.example", task);
		assertThat(secondLevel).hasSize(1);
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(EscalationMailIT::messageId).distinct().count())
			.isEqualTo(smtp.getReceivedMessages().length);

		Task intact = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(intact.getAssignee()).isEqualTo("huangxin");
		assertThat(intact.getDueDate().toInstant()).isEqualTo(MONDAY.plusDays(7).toInstant());
		runtime.deleteProcessInstance(instance, "test over");
	}

	private List<String> outboxFor(Task task) {
		return jdbc.queryForList("select status from zr_mail_outbox where dedup_key like ?", String.class,
				"%" + task.getId() + "%");
	}

	private String supervisorAt(Task task, int level) {
		return jdbc.queryForObject("select supervisor from zr_task_escalation where task_id = ? and escalation_level = ?",
				String.class, task.getId(), level);
	}

	private List<String> subjectsTo(String address, Task task) throws MessagingException {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).map(message -> {
			try {
				return message.getSubject();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}




}
