package io.zeren.bench;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import io.zeren.workflow.EngineAuthorizationGroups;
import io.zeren.workflow.EngineIndexes;

/**
 * The baseline: a plain Camunda engine on its own database of the same kind, history level full and
 * authorization on like Zeren, UUID ids like the Spring Boot starter, running a process of the same shape
 * as PersonalResponsibilityProcess plus its deadline watch: review task (assignee) with a reminder timer;
 * on objection an answer task (candidate group) with a reminder timer and back; on signing it waits for
 * the year's end. No Zeren logic, no listeners. Engine-level tuning that Zeren applies as engine plugins
 * (extra indexes, no authorized-group scan) is applied alike when switched on, so a ratio measures what
 * Zeren's own logic costs, not an engine setting one side lacks.
 */
public final class RawEngine implements AutoCloseable {

	public static final String KEY = "RawShapeProcess";

	public static final String MESSAGE_YEAR_CLOSED = "RawYearClosed";

	private final ProcessEngine engine;

	private final BenchDatabase database;

	public RawEngine(BenchDatabase database, JobExecutorSettings jobs, boolean engineIndexes,
			boolean skipAuthorizedGroupScan) {
		this.database = database;
		StandaloneProcessEngineConfiguration cfg = (StandaloneProcessEngineConfiguration) ProcessEngineConfiguration
			.createStandaloneProcessEngineConfiguration();
		cfg.setProcessEngineName("raw-bench");
		cfg.setJdbcUrl(database.url());
		cfg.setJdbcUsername(database.user());
		cfg.setJdbcPassword(database.password());
		cfg.setJdbcDriver(database.driver());
		cfg.setJdbcMaxActiveConnections(20);
		cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		cfg.setAuthorizationEnabled(true);
		cfg.setIdGenerator(new StrongUuidGenerator());
		cfg.setJobExecutorActivate(false);
		cfg.setJobExecutorDeploymentAware(false);
		DefaultJobExecutor executor = new DefaultJobExecutor();
		jobs.apply(executor);
		cfg.setJobExecutor(executor);
		cfg.setEnforceHistoryTimeToLive(true);
		if (engineIndexes) {
			cfg.getProcessEnginePlugins().add(new EngineIndexes());
		}
		if (skipAuthorizedGroupScan) {
			cfg.getProcessEnginePlugins().add(new EngineAuthorizationGroups());
		}
		engine = cfg.buildProcessEngine();
		engine.getRepositoryService().createDeployment().name("raw-bench").enableDuplicateFiltering(true)
			.addModelInstance("raw-shape.bpmn", model()).deploy();
	}

	public ProcessEngine engine() {
		return engine;
	}

	public ProcessEngineConfigurationImpl configuration() {
		return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
	}

	public BenchDatabase database() {
		return database;
	}

	static BpmnModelInstance model() {
		return Bpmn.createExecutableProcess(KEY)
			.camundaHistoryTimeToLive(180)
			.startEvent()
			.userTask("Review").camundaAssignee("${username}").camundaDueDate("${dueAt}")
			.boundaryEvent("ReviewReminder").cancelActivity(false).timerWithDate("${remindAt}")
			.serviceTask("RemindReview").camundaExpression("${true}").endEvent()
			.moveToActivity("Review")
			.exclusiveGateway("Decision")
			.condition("object", "${decision == 'object'}")
			.userTask("Answer").camundaCandidateGroups("${reviewerGroup}").camundaDueDate("${dueAt}")
			.boundaryEvent("AnswerReminder").cancelActivity(false).timerWithDate("${remindAt}")
			.serviceTask("RemindAnswer").camundaExpression("${true}").endEvent()
			.moveToActivity("Answer").connectTo("Review")
			.moveToNode("Decision")
			.condition("sign", "${decision != 'object'}")
			.intermediateCatchEvent("YearClosed").message(MESSAGE_YEAR_CLOSED)
			.endEvent()
			.done();
	}

	public static Date in(long days) {
		return new Date(System.currentTimeMillis() + days * 86_400_000L);
	}

	@Override
	public void close() {
		engine.close();
	}

	/** Job executor settings, applied alike to both engines. */
	public record JobExecutorSettings(int corePoolSize, int maxPoolSize, int queueSize, int maxJobsPerAcquisition,
			long maxWait) {

		public static final JobExecutorSettings STARTER_DEFAULTS = new JobExecutorSettings(3, 10, 3, 3, 60_000);

		void apply(DefaultJobExecutor executor) {
			executor.setCorePoolSize(corePoolSize);
			executor.setMaxPoolSize(maxPoolSize);
			executor.setQueueSize(queueSize);
			executor.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
			executor.setMaxWait(maxWait);
		}

	}

}
