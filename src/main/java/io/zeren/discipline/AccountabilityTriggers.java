package io.zeren.discipline;

import io.zeren.shared.LivePolicy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.context.ProcessEngineContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.zeren.assessment.AssessmentArchived;
import io.zeren.calendar.EngineClock;
import io.zeren.inspection.RectificationFailed;
import io.zeren.inspection.RectificationOverdue;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.shared.Locales;
import io.zeren.shared.Msg;

/**
 * Grounds for accountability, taken up once the change that raised them is committed: overdue or failed
 * rectifications of a unit, leads against a unit's staff proposed for filing, a unit head graded 不称职. Each
 * ground is recorded in a transaction of its own (so it is never lost), then the unit's grounds of that kind are
 * considered in another (a matter that cannot be opened now, e.g. for want of a free handler, is opened by the
 * next ground). A failure is logged and does not touch the transaction that published the event.
 */
@Component
class AccountabilityTriggers {

	private static final Logger LOG = LoggerFactory.getLogger(AccountabilityTriggers.class);

	private final Accountabilities accountabilities;

	private final OrganisationDirectory directory;

	private final LivePolicy<AccountabilityProperties> properties;

	private final MessageSource messages;

	private final TransactionTemplate newTransaction;

	AccountabilityTriggers(Accountabilities accountabilities, OrganisationDirectory directory,
			LivePolicy<AccountabilityProperties> properties, MessageSource messages, PlatformTransactionManager transactions) {
		this.accountabilities = accountabilities;
		this.directory = directory;
		this.properties = properties;
		this.messages = messages;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(RectificationOverdue overdue) {
		ground(AccountabilityGround.RECTIFICATIONS, "rectification:" + overdue.findingId(), overdue.unitCode(),
				overdue.year(), text(new Msg("discipline.accountability.ground.overdue", String.valueOf(overdue.findingId()),
						overdue.responsible(), overdue.reason())), null);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(RectificationFailed failed) {
		// The same rectification overdue and then failed is one ground, not two.
		ground(AccountabilityGround.RECTIFICATIONS, "rectification:" + failed.findingId(), failed.unitCode(),
				failed.year(), text(new Msg("discipline.accountability.ground.failed", String.valueOf(failed.findingId()),
						failed.responsible(), failed.reason())), null);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(FilingProposed filing) {
		Optional<String> unit = directory.findStaffInfo(filing.subject()).map(StaffInfo::unitCode);
		if (unit.isEmpty()) {
			LOG.warn("Filing proposed on lead {} for {}, who is not on the roster: no accountability ground",
					filing.leadNumber(), filing.subject());
			return;
		}
		int year = LocalDate.ofInstant(EngineClock.now(), ZoneId.of(properties.current().zone())).getYear();
		// Only the lead's number: what the lead is about stays in the lead's file.
		ground(AccountabilityGround.CASES, "lead:" + filing.leadId(), unit.get(), year,
				text(new Msg("discipline.accountability.ground.case", filing.leadNumber())), null);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AssessmentArchived archived) {
		if (!"INCOMPETENT".equals(archived.finalGrade()) || archived.headOfUnit() == null) {
			return;
		}
		ground(AccountabilityGround.INCOMPETENT_HEAD, "assessment:" + archived.assessmentId(), archived.headOfUnit(),
				archived.year(), text(new Msg("discipline.accountability.ground.incompetent", String.valueOf(archived.year()),
						archived.username())), archived.username());
	}

	private void ground(AccountabilityGround kind, String sourceRef, String unitCode, int year, String detail,
			String person) {
		try {
			boolean recorded = inNewTransaction(
					() -> accountabilities.recordGround(kind, sourceRef, unitCode, year, detail));
			if (!recorded) {
				return;
			}
			considerWithRetry(kind, unitCode, year, person);
		}
		catch (RuntimeException ex) {
			LOG.warn("Accountability ground {} {} for {} {} recorded, but no matter could be opened now; the next "
					+ "ground of the unit retries", kind, sourceRef, unitCode, year, ex);
		}
	}

	/** Two grounds at once may both try to open the unit's matter: the loser joins the winner's. */
	private void considerWithRetry(AccountabilityGround kind, String unitCode, int year, String person) {
		try {
			inNewTransaction(() -> accountabilities.consider(kind, unitCode, year, person));
		}
		catch (DataIntegrityViolationException raced) {
			inNewTransaction(() -> accountabilities.consider(kind, unitCode, year, person));
		}
	}

	private <T> T inNewTransaction(Supplier<T> work) {
		try {
			return ProcessEngineContext.withNewProcessEngineContext(() -> newTransaction.execute(status -> work.get()));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String text(Msg msg) {
		return msg.render(messages, Locales.DEFAULT);
	}

}
