package io.zeren.discipline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a discipline process instance belongs to, written by Zeren alone: the lead (and case or sanction) for the
 * lead, case and sanction-term processes, the matter and its principal leader for an accountability, and for a
 * called DisciplineSubjectProcess the one person its task is addressed to. Access, recusal and audit read this
 * row, never the instance's variables (a user can write those on their own task).
 */
@Entity
@Table(name = "zr_dis_instance")
class DisciplineInstance {

	@Id
	@Column(length = 64)
	private String processInstanceId;

	@Column(nullable = false, length = 64)
	private String rootInstanceId;

	@Column(nullable = false, length = 64)
	private String processKey;

	private Long leadId;

	private Long caseId;

	private Long sanctionId;

	private Long matterId;

	@Column(length = 64)
	private String principal;

	@Column(length = 64)
	private String addressee;

	@Column(nullable = false)
	private Instant createdAt;

	protected DisciplineInstance() {
	}

	DisciplineInstance(String processInstanceId, String rootInstanceId, String processKey, Link link,
			String addressee, Instant createdAt) {
		this.processInstanceId = processInstanceId;
		this.rootInstanceId = rootInstanceId;
		this.processKey = processKey;
		this.leadId = link.leadId();
		this.caseId = link.caseId();
		this.sanctionId = link.sanctionId();
		this.matterId = link.matterId();
		this.principal = link.principal();
		this.addressee = addressee;
		this.createdAt = createdAt;
	}

	String processInstanceId() {
		return processInstanceId;
	}

	String rootInstanceId() {
		return rootInstanceId;
	}

	String processKey() {
		return processKey;
	}

	Long leadId() {
		return leadId;
	}

	Long caseId() {
		return caseId;
	}

	Long sanctionId() {
		return sanctionId;
	}

	Long matterId() {
		return matterId;
	}

	/** The leader an accountability is about (its subject for the recusal rules). */
	String principal() {
		return principal;
	}

	/** For a subject task's instance: the only person who may hold its task. */
	String addressee() {
		return addressee;
	}

	Link link() {
		return new Link(leadId, caseId, sanctionId, matterId, principal);
	}

	/** What the system says an instance it starts belongs to. */
	record Link(Long leadId, Long caseId, Long sanctionId, Long matterId, String principal) {

		static Link lead(long leadId) {
			return new Link(leadId, null, null, null, null);
		}

		static Link caseOf(long leadId, long caseId) {
			return new Link(leadId, caseId, null, null, null);
		}

		static Link sanction(long leadId, long caseId, long sanctionId) {
			return new Link(leadId, caseId, sanctionId, null, null);
		}

		static Link matter(long matterId, String principal) {
			return new Link(null, null, null, matterId, principal);
		}

	}

}
