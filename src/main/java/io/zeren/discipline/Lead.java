package io.zeren.discipline;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A lead (问题线索) in the register. The informant's identity is kept here and nowhere else: never in a process
 * variable, shown through the API only to the discipline office.
 */
@Entity
@Table(name = "zr_dis_lead")
class Lead {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_dis_lead_seq")
	@SequenceGenerator(name = "zr_dis_lead_seq", sequenceName = "zr_dis_lead_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, length = 64)
	private String leadNumber;

	@Column(nullable = false)
	private int leadYear;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private LeadSource source;

	@Column(nullable = false, length = 100)
	private String sourceRef;

	@Column(length = 64)
	private String subjectUsername;

	@Column(length = 32)
	private String unitCode;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(nullable = false, length = 4000)
	private String summary;

	@Column(nullable = false)
	private LocalDate receivedOn;

	@Column(length = 100)
	private String informantName;

	@Column(length = 200)
	private String informantContact;

	@Column(length = 64)
	private String informantUsername;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private LeadStatus status;

	@Enumerated(EnumType.STRING)
	@Column(length = 30)
	private Disposal disposal;

	@Column(length = 4000)
	private String disposalReason;

	@Enumerated(EnumType.STRING)
	@Column(length = 20)
	private LeadOutcome outcome;

	@Column(length = 64)
	private String handler;

	private Instant recheckAt;

	@Column(nullable = false, length = 64)
	private String registeredBy;

	@Column(nullable = false)
	private Instant registeredAt;

	private Instant closedAt;

	@Version
	private int version;

	protected Lead() {
	}

	Lead(String leadNumber, int leadYear, LeadRules.NewLead lead, String registeredBy, Instant registeredAt) {
		this.leadNumber = leadNumber;
		this.leadYear = leadYear;
		this.source = lead.source();
		this.sourceRef = lead.sourceRef() == null ? "lead:" + leadNumber : lead.sourceRef();
		this.subjectUsername = lead.subject();
		this.unitCode = lead.unitCode();
		this.title = lead.title();
		this.summary = lead.summary();
		this.receivedOn = lead.receivedOn();
		this.informantName = lead.informantName();
		this.informantContact = lead.informantContact();
		this.informantUsername = lead.informantUsername();
		this.status = LeadStatus.REGISTERED;
		this.registeredBy = registeredBy;
		this.registeredAt = registeredAt;
	}

	/** The office head's disposal decision; CLOSE closes the lead at once. */
	void decide(Disposal disposal, String reason, String handler, Instant recheckAt, Instant now) {
		this.disposal = disposal;
		this.disposalReason = reason;
		this.handler = handler;
		this.recheckAt = disposal == Disposal.SET_ASIDE ? recheckAt : null;
		this.status = switch (disposal) {
			case TALK_INQUIRY -> LeadStatus.INQUIRY;
			case PRELIMINARY_VERIFICATION -> LeadStatus.VERIFICATION;
			case SET_ASIDE -> LeadStatus.SET_ASIDE;
			case CLOSE -> LeadStatus.CLOSED;
		};
		if (disposal == Disposal.CLOSE) {
			close(LeadOutcome.CLOSED, now);
		}
	}

	/** Back to preliminary verification (after an inquiry, or returned by the office head). */
	void verify() {
		this.disposal = Disposal.PRELIMINARY_VERIFICATION;
		this.status = LeadStatus.VERIFICATION;
	}

	/** Set aside after verification, until {@code recheckAt} or new information. */
	void setAside(String reason, Instant recheckAt) {
		this.disposal = Disposal.SET_ASIDE;
		this.disposalReason = reason;
		this.recheckAt = recheckAt;
		this.status = LeadStatus.SET_ASIDE;
	}

	/** Due for a new disposal decision (re-check date reached, or new information on a set-aside lead). */
	void reopen() {
		this.status = LeadStatus.REGISTERED;
		this.recheckAt = null;
	}

	void close(LeadOutcome outcome, Instant now) {
		this.outcome = outcome;
		this.status = outcome == LeadOutcome.FILING_PROPOSED ? LeadStatus.FILING_PROPOSED : LeadStatus.CLOSED;
		this.closedAt = now;
	}

	Long getId() {
		return id;
	}

	String getLeadNumber() {
		return leadNumber;
	}

	int getLeadYear() {
		return leadYear;
	}

	LeadSource getSource() {
		return source;
	}

	String getSourceRef() {
		return sourceRef;
	}

	String getSubjectUsername() {
		return subjectUsername;
	}

	String getUnitCode() {
		return unitCode;
	}

	String getTitle() {
		return title;
	}

	String getSummary() {
		return summary;
	}

	LocalDate getReceivedOn() {
		return receivedOn;
	}

	String getInformantName() {
		return informantName;
	}

	String getInformantContact() {
		return informantContact;
	}

	String getInformantUsername() {
		return informantUsername;
	}

	LeadStatus getStatus() {
		return status;
	}

	Disposal getDisposal() {
		return disposal;
	}

	String getDisposalReason() {
		return disposalReason;
	}

	LeadOutcome getOutcome() {
		return outcome;
	}

	String getHandler() {
		return handler;
	}

	Instant getRecheckAt() {
		return recheckAt;
	}

	String getRegisteredBy() {
		return registeredBy;
	}

	Instant getRegisteredAt() {
		return registeredAt;
	}

	Instant getClosedAt() {
		return closedAt;
	}

	boolean hasInformant() {
		return informantName != null || informantContact != null || informantUsername != null;
	}

}
