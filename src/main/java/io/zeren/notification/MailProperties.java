package io.zeren.notification;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail delivery settings ({@code zeren.mail.*}); defaults in application.yaml.
 *
 * @param enabled whether this node polls the outbox and sends the daily digest; mails are queued either way
 * @param pollInterval pause between two runs of the sender
 * @param batchSize mails claimed at once
 * @param maxAttempts attempts before a mail is marked FAILED
 * @param backoff delay before the next attempt after a failure
 * @param lease how long a claim holds; a mail still SENDING after it (its node died) is claimed again. Must
 * be well above the SMTP timeouts.
 * @param defaultLocale language of mails to staff (until staff have a language of their own)
 * @param zone time zone of dates in mails and of the digest schedule
 * @param digestCron when the daily digest goes out
 * @param from sender address
 * @param nodeId name of this node in claims; blank for host name, process id and a random suffix
 */
@ConfigurationProperties("zeren.mail")
record MailProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("20") int batchSize, @DefaultValue("8") int maxAttempts, @DefaultValue Backoff backoff,
		@DefaultValue("5m") Duration lease, @DefaultValue("zh_CN") Locale defaultLocale,
		@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("0 0 8 * * *") String digestCron,
		@DefaultValue("noreply@zeren.example") String from, String nodeId) {

	/**
	 * Exponential backoff: {@code base × factor^(attempt − 1)}, at most {@code max}.
	 */
	record Backoff(@DefaultValue("30s") Duration base, @DefaultValue("2") double factor,
			@DefaultValue("1h") Duration max) {
	}

}
