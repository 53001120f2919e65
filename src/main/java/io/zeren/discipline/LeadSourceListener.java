package io.zeren.discipline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.zeren.assessment.AssessmentArchived;
import io.zeren.calendar.EngineClock;
import io.zeren.discipline.LeadRules.NewLead;
import io.zeren.inspection.RectificationFailed;
import io.zeren.inspection.RectificationOverdue;
import io.zeren.shared.Locales;

/**
 * Leads that come from elsewhere in Zeren, registered once the change that raised them is committed, each in a
 * transaction of its own and once per (source, source reference) however often the event is delivered.
 */
@Component
class LeadSourceListener {

	private static final Logger LOG = LoggerFactory.getLogger(LeadSourceListener.class);

	static final String INCOMPETENT = "INCOMPETENT";

	private final Leads leads;

	private final MessageSource messages;

	private final ZoneId zone;

	LeadSourceListener(Leads leads, MessageSource messages, @Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.leads = leads;
		this.messages = messages;
		this.zone = zone;
	}

	@TransactionalEventListener
	void on(RectificationFailed failed) {
		register(new NewLead(LeadSource.RECTIFICATION_FAILED, "finding:" + failed.findingId(), failed.responsible(),
				failed.unitCode(), text("discipline.lead.auto.failed.title", failed.year(), failed.findingId()),
				text("discipline.lead.auto.failed.summary", failed.year(), failed.findingId(), failed.reason()),
				day(failed.occurredAt()), null, null, null));
	}

	@TransactionalEventListener
	void on(RectificationOverdue overdue) {
		register(new NewLead(LeadSource.RECTIFICATION_OVERDUE, "finding:" + overdue.findingId(), overdue.responsible(),
				overdue.unitCode(), text("discipline.lead.auto.overdue.title", overdue.year(), overdue.findingId()),
				text("discipline.lead.auto.overdue.summary", overdue.year(), overdue.findingId(), overdue.reason()),
				day(overdue.occurredAt()), null, null, null));
	}

	@TransactionalEventListener
	void on(AssessmentArchived archived) {
		if (!INCOMPETENT.equals(archived.finalGrade())) {
			return;
		}
		register(new NewLead(LeadSource.INCOMPETENT_GRADE, "assessment:" + archived.assessmentId(), archived.username(),
				archived.unitCode(), text("discipline.lead.auto.incompetent.title", archived.year()),
				text("discipline.lead.auto.incompetent.summary", archived.year()), day(archived.archivedAt()), null, null,
				null));
	}

	@TransactionalEventListener
	void on(LeadReferred referred) {
		LeadSource source;
		try {
			source = LeadSource.valueOf(referred.source());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			LOG.error("Lead referral {} names no lead source ({}); not registered", referred.sourceRef(), referred.source());
			return;
		}
		String summary = referred.summary() == null || referred.summary().isBlank()
				? text("discipline.lead.auto.referred.title") : referred.summary().strip();
		String title = summary.length() <= 60 ? summary : summary.substring(0, 59) + "…";
		if (summary.length() > LeadRules.MAX_SHORT_TEXT) {
			summary = summary.substring(0, LeadRules.MAX_SHORT_TEXT - 1) + "…";
		}
		register(new NewLead(source, referred.sourceRef(), referred.subject(), referred.unitCode(), title, summary,
				day(EngineClock.now()), null, null, null), referred.referredBy());
	}

	private void register(NewLead lead) {
		register(lead, "system");
	}

	private void register(NewLead lead, String registrar) {
		try {
			leads.registerOnce(lead, registrar == null ? "system" : registrar)
				.ifPresent(id -> LOG.info("Lead {} registered from {} {}", id, lead.source(), lead.sourceRef()));
		}
		catch (DataIntegrityViolationException raced) {
			// Delivered twice at the same moment: the other delivery registered it.
			LOG.info("Lead from {} {} was registered concurrently", lead.source(), lead.sourceRef());
		}
		catch (RuntimeException ex) {
			LOG.error("Could not register the lead from {} {}; the discipline office must enter it by hand",
					lead.source(), lead.sourceRef(), ex);
		}
	}

	private String text(String code, Object... args) {
		// Numbers as text: MessageFormat would print the year 2026 as "2,026".
		Object[] texts = java.util.Arrays.stream(args).map(arg -> arg instanceof Number ? arg.toString() : arg).toArray();
		return messages.getMessage(code, texts, Locales.DEFAULT);
	}

	private LocalDate day(Instant at) {
		return LocalDate.ofInstant(at == null ? EngineClock.now() : at, zone);
	}

}
