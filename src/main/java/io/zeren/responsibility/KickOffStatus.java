package io.zeren.responsibility;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Progress of the latest kick-off run of a cycle; written in its own transactions so it survives a failure. */
@Entity
@Table(name = "zr_kickoff")
class KickOffStatus {

	enum State {
		RUNNING, COMPLETED, FAILED
	}

	@Id
	private Long cycleId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private State state;

	@Column(name = "total_count", nullable = false)
	private int total;

	@Column(name = "done_count", nullable = false)
	private int done;

	@Column(name = "failed_count", nullable = false)
	private int failed;

	@Column(nullable = false)
	private int lastBatch;

	@Column(nullable = false)
	private int batchSize;

	@Column(length = 1000)
	private String lastError;

	/** Batch processes the latest run of the kick-off job started (0 for a run in the calling thread). */
	@Column(nullable = false)
	private int batchesPlanned;

	/** Of those, the ones that reported back. */
	@Column(nullable = false)
	private int batchesReported;

	@Column(nullable = false)
	private Instant startedAt;

	@Column(nullable = false)
	private Instant updatedAt;

	protected KickOffStatus() {
	}

	KickOffStatus(Long cycleId) {
		this.cycleId = cycleId;
	}

	void start(int total, int done, int batchSize, Instant at) {
		this.state = State.RUNNING;
		this.total = total;
		this.done = done;
		this.failed = 0;
		this.lastBatch = 0;
		this.batchSize = batchSize;
		this.lastError = null;
		this.batchesPlanned = 0;
		this.batchesReported = 0;
		this.startedAt = at;
		this.updatedAt = at;
	}

	void batchesPlanned(int count) {
		this.batchesPlanned = count;
	}

	/** A batch process reported back; true when it was the last one of the run. */
	boolean batchReported(Instant at) {
		this.batchesReported++;
		this.updatedAt = at;
		return batchesReported == batchesPlanned;
	}

	void batchDone(int batch, int issued, Instant at) {
		this.lastBatch = Math.max(lastBatch, batch);
		this.done += issued;
		this.updatedAt = at;
	}

	void batchFailed(int batch, int size, String error, Instant at) {
		this.lastBatch = Math.max(lastBatch, batch);
		this.failed += size;
		this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
		this.updatedAt = at;
	}

	/** End of a run in batch jobs: the figures counted from the lists themselves, the missing ones failed. */
	void recount(int total, int done, Instant at) {
		this.total = total;
		this.done = done;
		this.failed = total - done;
		if (failed == 0) {
			this.lastError = null;
		}
		finish(at);
	}

	void finish(Instant at) {
		this.state = failed == 0 ? State.COMPLETED : State.FAILED;
		this.updatedAt = at;
	}

	View view(int year) {
		return new View(year, state, total, done, failed, lastBatch, batchSize, lastError, startedAt, updatedAt);
	}

	int getFailed() {
		return failed;
	}

	/** Progress as the API shows it. */
	record View(int year, State state, int total, int done, int failed, int lastBatch, int batchSize, String lastError,
			Instant startedAt, Instant updatedAt) {
	}

}
