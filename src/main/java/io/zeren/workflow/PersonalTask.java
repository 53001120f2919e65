package io.zeren.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * The owner of an open personal task, as the system saw it when the task was created (never taken from a
 * variable): the one person who may hold it.
 */
@Entity
@Table(name = "zr_personal_task")
class PersonalTask implements Persistable<String> {

	@Id
	@Column(length = 64)
	private String taskId;

	@Column(nullable = false, length = 64)
	private String ownerUsername;

	@Column(nullable = false)
	private Instant createdAt;

	/** Rows are only ever inserted: saving a new one needs no look-up first. */
	@Transient
	private boolean fresh;

	protected PersonalTask() {
	}

	PersonalTask(String taskId, String ownerUsername, Instant createdAt) {
		this.taskId = taskId;
		this.ownerUsername = ownerUsername;
		this.createdAt = createdAt;
		this.fresh = true;
	}

	String getOwnerUsername() {
		return ownerUsername;
	}

	@Override
	public String getId() {
		return taskId;
	}

	@Override
	public boolean isNew() {
		return fresh;
	}

}
