package io.zeren.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The log of urges (催办), which also rate-limits them. */
@Entity
@Table(name = "zr_task_urge")
class TaskUrge {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_task_urge_seq")
	@SequenceGenerator(name = "zr_task_urge_seq", sequenceName = "zr_task_urge_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, length = 64)
	private String taskId;

	@Column(nullable = false, length = 64)
	private String urgedBy;

	@Column(nullable = false)
	private Instant urgedAt;

	@Column(length = 1000)
	private String message;

	protected TaskUrge() {
	}

	TaskUrge(String taskId, String urgedBy, Instant urgedAt, String message) {
		this.taskId = taskId;
		this.urgedBy = urgedBy;
		this.urgedAt = urgedAt;
		this.message = message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
	}

}
