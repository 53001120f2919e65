package io.zeren.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One step up the supervisor chain and what the supervisor did about it. */
@Entity
@Table(name = "zr_task_escalation")
class TaskEscalation {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_task_escalation_seq")
	@SequenceGenerator(name = "zr_task_escalation_seq", sequenceName = "zr_task_escalation_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, length = 64)
	private String taskId;

	@Column(name = "escalation_level", nullable = false)
	private int level;

	@Column(nullable = false, length = 64)
	private String supervisor;

	@Column(length = 64)
	private String ownerUsername;

	@Column(length = 32)
	private String ownerUnit;

	@Column(nullable = false, length = 500)
	private String reason;

	@Column(nullable = false)
	private Instant escalatedAt;

	@Column(length = 16)
	private String actionTaken;

	@Column(length = 1000)
	private String actionNote;

	private Instant actionAt;

	protected TaskEscalation() {
	}

	TaskEscalation(String taskId, int level, String supervisor, String ownerUsername, String ownerUnit, String reason,
			Instant escalatedAt) {
		this.taskId = taskId;
		this.level = level;
		this.supervisor = supervisor;
		this.ownerUsername = ownerUsername;
		this.ownerUnit = ownerUnit;
		this.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
		this.escalatedAt = escalatedAt;
	}

	void acted(String action, String note, Instant at) {
		this.actionTaken = action;
		this.actionNote = note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
		this.actionAt = at;
	}

	EscalationStep toStep() {
		return new EscalationStep(taskId, level, supervisor, ownerUsername, ownerUnit, reason, escalatedAt, actionTaken,
				actionNote, actionAt);
	}

	String getSupervisor() {
		return supervisor;
	}

	int getLevel() {
		return level;
	}

}
