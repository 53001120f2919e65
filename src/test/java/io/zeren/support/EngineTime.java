package io.zeren.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Time travel for integration tests: the engine clock moves, and due jobs run as the job executor would. */
public final class EngineTime {

	private EngineTime() {
	}

	/** Sets the engine clock and runs every job then due, repeatedly (a job may create the next one already due). */
	public static void moveTo(ManagementService management, ZonedDateTime when) {
		ClockUtil.setCurrentTime(Date.from(when.toInstant()));
		Date dueBy = Date.from(when.toInstant().plusSeconds(1));
		for (List<Job> due = dueJobs(management, dueBy); !due.isEmpty(); due = dueJobs(management, dueBy)) {
			due.forEach(job -> management.executeJob(job.getId()));
		}
	}

	/** A TCP port nobody listens on now, for a test server such as GreenMail. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Job> dueJobs(ManagementService management, Date dueBy) {
		return management.createJobQuery().executable().duedateLowerThan(dueBy).list();
	}

}
