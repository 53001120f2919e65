package io.zeren.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.type.YesNoConverter;

/** A watched user task: who answers for it, when it was due, whether it ran late and how far it climbed. */
@Entity
@Table(name = "zr_task_deadline")
class TaskDeadline {

	enum CloseReason {

		COMPLETED, DELETED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_task_deadline_seq")
	@SequenceGenerator(name = "zr_task_deadline_seq", sequenceName = "zr_task_deadline_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, length = 64)
	private String taskId;

	@Column(nullable = false)
	private String processKey;

	@Column(nullable = false)
	private String taskKey;

	private String taskName;

	@Column(length = 64)
	private String ownerUsername;

	@Column(length = 32)
	private String ownerUnit;

	@Column(length = 64)
	private String delegatedFrom;

	private Instant dueAt;

	private Instant remindAt;

	@Column(nullable = false)
	private Instant createdAt;

	private Instant closedAt;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	@Column(length = 16)
	private CloseReason closeReason;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean overdue;

	@Column(nullable = false)
	private int maxLevel;

	@Version
	private int versionNo;

	protected TaskDeadline() {
	}

	TaskDeadline(String taskId, String processKey, String taskKey, String taskName, String ownerUsername,
			String ownerUnit, String delegatedFrom, Instant dueAt, Instant remindAt, Instant createdAt) {
		this.taskId = taskId;
		this.processKey = processKey;
		this.taskKey = taskKey;
		this.taskName = taskName;
		this.ownerUsername = ownerUsername;
		this.ownerUnit = ownerUnit;
		this.delegatedFrom = delegatedFrom;
		this.dueAt = dueAt;
		this.remindAt = remindAt;
		this.createdAt = createdAt;
	}

	void close(CloseReason reason, Instant at) {
		this.closedAt = at;
		this.closeReason = reason;
		if (dueAt != null && at.isAfter(dueAt)) {
			this.overdue = true;
		}
	}

	void escalated(int level) {
		this.overdue = true;
		this.maxLevel = Math.max(maxLevel, level);
	}

	void moveDue(Instant due, Instant remind) {
		this.dueAt = due;
		this.remindAt = remind;
	}

	void reassign(String username, String unit) {
		this.ownerUsername = username;
		this.ownerUnit = unit;
	}

	String getTaskId() {
		return taskId;
	}

	String getProcessKey() {
		return processKey;
	}

	String getOwnerUsername() {
		return ownerUsername;
	}

	String getOwnerUnit() {
		return ownerUnit;
	}

	Instant getDueAt() {
		return dueAt;
	}

	boolean isClosed() {
		return closedAt != null;
	}

}
