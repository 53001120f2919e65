package io.zeren.discipline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One step in a lead's file (disposal decision, answer, report, confirmation, new information). Never changed. */
@Entity
@Immutable
@Table(name = "zr_dis_lead_entry")
class LeadEntry {

	/** Longest part of a text in one varchar(4000) column: 1000 characters are at most 3000 bytes in UTF-8. */
	static final int PART = 1000;

	enum Kind {

		/** The office head's disposal decision; choice = {@link Disposal}, text = reason or the inquiry questions. */
		DISPOSAL,
		/** The subject's written answer to the inquiry. */
		INQUIRY_ANSWER,
		/** The handler's assessment of the answer; choice = CLOSE, EDUCATE or VERIFY. */
		ANSWER_ASSESSED,
		/** The preliminary verification report; choice = the recommendation. */
		VERIFICATION_REPORT,
		/** The office head agreed (choice AGREE) or sent the report back (RETURN, text = why). */
		VERIFICATION_CONFIRMED,
		/** New information on the lead. */
		NEW_INFORMATION,
		/** The re-check date of a set-aside lead was reached. */
		RECHECK_DUE,
		/** A case filing was proposed to the leadership. */
		FILING_PROPOSED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_dis_lead_entry_seq")
	@SequenceGenerator(name = "zr_dis_lead_entry_seq", sequenceName = "zr_dis_lead_entry_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long leadId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private Kind kind;

	@Column(length = 30)
	private String choice;

	@Column(length = 64)
	private String handler;

	@Column(nullable = false, length = 64)
	private String actor;

	@Column(nullable = false)
	private Instant at;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "zr_dis_lead_text", joinColumns = @JoinColumn(name = "entry_id"))
	@OrderColumn(name = "part_no")
	@Column(name = "chunk", nullable = false, length = 4000)
	private List<String> textParts = new ArrayList<>();

	protected LeadEntry() {
	}

	LeadEntry(long leadId, Kind kind, String choice, String handler, String text, String actor, Instant at) {
		this.leadId = leadId;
		this.kind = kind;
		this.choice = choice;
		this.handler = handler;
		this.actor = actor == null ? "system" : actor;
		this.at = at;
		if (text != null) {
			for (int start = 0; start < text.length(); start += PART) {
				textParts.add(text.substring(start, Math.min(text.length(), start + PART)));
			}
		}
	}

	Long getId() {
		return id;
	}

	Long getLeadId() {
		return leadId;
	}

	Kind getKind() {
		return kind;
	}

	String getChoice() {
		return choice;
	}

	String getHandler() {
		return handler;
	}

	String getActor() {
		return actor;
	}

	Instant getAt() {
		return at;
	}

	String text() {
		return textParts.isEmpty() ? null : String.join("", textParts);
	}

}
