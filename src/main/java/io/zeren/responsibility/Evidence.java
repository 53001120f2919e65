package io.zeren.responsibility;

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

/**
 * A record of work done against an item (平时记实). Files uploaded with it are stored in the database
 * ({@link EvidenceFile}); the REST API's attachment fields still describe a file kept in another system.
 */
@Entity
@Table(name = "zr_resp_evidence")
class Evidence {

	/** Kinds of regular activity that fill a list. */
	enum Kind {
		HEART_TO_HEART_TALK("谈心谈话"), HOME_VISIT("家访"), THEME_PARTY_DAY("主题党日"), ORGANISATIONAL_LIFE("组织生活"),
		READING_SHARING("读书分享"), OTHER("其他");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_resp_evidence_seq")
	@SequenceGenerator(name = "zr_resp_evidence_seq", sequenceName = "zr_resp_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private Long listId;

	@Column(nullable = false)
	private Long itemId;

	@Column(nullable = false)
	private LocalDate occurredOn;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 32)
	private Kind kind;

	@Column(length = 2000)
	private String note;

	@Column(name = "att_name", length = 255)
	private String attachmentName;

	@Column(name = "att_type", length = 100)
	private String attachmentType;

	@Column(name = "att_size")
	private Long attachmentSize;

	@Column(nullable = false, length = 64)
	private String recordedBy;

	@Column(nullable = false)
	private Instant recordedAt;

	protected Evidence() {
	}

	Evidence(Long listId, Long itemId, LocalDate occurredOn, Kind kind, String note, String attachmentName,
			String attachmentType, Long attachmentSize, String recordedBy, Instant recordedAt) {
		this.listId = listId;
		this.itemId = itemId;
		this.occurredOn = occurredOn;
		this.kind = kind;
		this.note = note;
		this.attachmentName = attachmentName;
		this.attachmentType = attachmentType;
		this.attachmentSize = attachmentSize;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	EvidenceView view() {
		return view(java.util.List.of());
	}

	EvidenceView view(java.util.List<EvidenceFile.FileView> files) {
		return new EvidenceView(id, itemId, occurredOn, kind, kind.label(), note, attachmentName, attachmentType,
				attachmentSize, recordedBy, recordedAt, files);
	}

	Long getId() {
		return id;
	}

	Long getListId() {
		return listId;
	}

	Long getItemId() {
		return itemId;
	}

	/**
	 * An evidence record; {@code attachment*} describe a file kept elsewhere (the REST API's original fields),
	 * {@code files} are the files stored with it in Zeren (uploaded on the page).
	 */
	record EvidenceView(Long id, Long itemId, LocalDate occurredOn, Kind kind, String kindLabel, String note,
			String attachmentName, String attachmentType, Long attachmentSize, String recordedBy, Instant recordedAt,
			java.util.List<EvidenceFile.FileView> files) {
	}

}
