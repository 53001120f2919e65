package io.zeren.notification;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each person's choice between a mail per reminder and one daily digest of them. */
@Service
@Transactional
class MailPreferences {

	private final MailPreferenceRepository preferences;

	private final OutboxRepository mails;

	private final Clock clock;

	MailPreferences(MailPreferenceRepository preferences, OutboxRepository mails, ObjectProvider<Clock> clock) {
		this.preferences = preferences;
		this.mails = mails;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional(readOnly = true)
	Settings of(String username) {
		return new Settings(preferences.findByUsername(username).map(MailPreference::isDigest).orElse(false));
	}

	/** Switching the digest off sends the reminders held so far right away instead of at the next digest. */
	Settings change(String username, Settings settings) {
		MailPreference preference = preferences.findByUsername(username).orElseGet(() -> new MailPreference(username));
		preference.change(settings.digest(), clock.instant());
		preferences.save(preference);
		if (!settings.digest()) {
			mails.releaseHeld(username, clock.instant());
		}
		return settings;
	}

	/** @param digest reminders come in one mail a day instead of one mail each */
	record Settings(boolean digest) {
	}

}
