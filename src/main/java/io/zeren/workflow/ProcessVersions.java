package io.zeren.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.zeren.shared.Msg;
import io.zeren.shared.NotFoundException;
import io.zeren.shared.RuleViolationException;

/**
 * Process versions for the admins who model in Modeler: what is deployed, what still runs on which version, moving
 * running instances to the latest version with the engine's migration API (a dry run first), and deploying a set of
 * models and forms through the same {@link DeploymentCheck} as every other door. Who may do this is the caller's
 * decision (the system admin, see ProcessVersionsPage).
 */
@Service
public class ProcessVersions {

	/** What the workbench's upload writes as the deployment's source. */
	static final String PAGE_SOURCE = "zeren-workbench";

	/** Most instances a dry run tries one by one; the rest are migrated only if these pass. */
	static final int DRY_RUN_LIMIT = 500;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final TransactionTemplate transactions;

	private final ZoneId zone;

	ProcessVersions(RepositoryService repository, RuntimeService runtime, PlatformTransactionManager transactions,
			@Value("${zeren.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.repository = repository;
		this.runtime = runtime;
		this.transactions = new TransactionTemplate(transactions);
		this.zone = zone;
	}

	/** One deployed version of a process. */
	public record Version(String definitionId, int version, ZonedDateTime deployedAt, String deploymentName,
			String source, long running, boolean latest) {
	}

	/** A process and its versions, newest first. */
	public record Family(String key, String name, List<Version> versions) {

		public Version latest() {
			return versions.get(0);
		}

		public boolean hasOlderRunning() {
			return versions.stream().anyMatch(version -> !version.latest() && version.running() > 0);
		}

		public long running() {
			return versions.stream().mapToLong(Version::running).sum();
		}

	}

	/** Every process definition key with its versions. */
	public List<Family> families() {
		List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().list();
		Map<String, Deployment> deployments = repository.createDeploymentQuery()
			.list()
			.stream()
			.collect(Collectors.toMap(Deployment::getId, Function.identity()));
		Map<String, List<ProcessDefinition>> byKey = definitions.stream()
			.collect(Collectors.groupingBy(ProcessDefinition::getKey, LinkedHashMap::new, Collectors.toList()));
		List<Family> families = new ArrayList<>();
		byKey.forEach((key, list) -> {
			list.sort(Comparator.comparingInt(ProcessDefinition::getVersion).reversed());
			int newest = list.get(0).getVersion();
			List<Version> versions = new ArrayList<>();
			for (ProcessDefinition definition : list) {
				Deployment deployment = deployments.get(definition.getDeploymentId());
				versions.add(new Version(definition.getId(), definition.getVersion(),
						deployment == null || deployment.getDeploymentTime() == null ? null
								: deployment.getDeploymentTime().toInstant().atZone(zone),
						deployment == null ? null : deployment.getName(), deployment == null ? null : deployment.getSource(),
						runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count(),
						definition.getVersion() == newest));
			}
			String name = list.get(0).getName() == null || list.get(0).getName().isBlank() ? key : list.get(0).getName();
			families.add(new Family(key, name, versions));
		});
		// Processes with instances still on an older version first: they are the ones an admin may want to move.
		families.sort(Comparator.comparing((Family family) -> !family.hasOlderRunning()).thenComparing(Family::name));
		return families;
	}

	/** A step's mapping from the old version to the latest. */
	public record Step(String sourceName, String targetName) {
	}

	/**
	 * The dry run's report: the plan's steps, what keeps it from validating (sentences), how many running instances
	 * would move and which of their activities cannot (one sentence per activity with the number of instances).
	 */
	public record MigrationReport(String sourceDefinitionId, String key, String name, int sourceVersion,
			int targetVersion, List<Step> steps, List<Msg> planFailures, long instances, Map<String, Long> blocked,
			List<Msg> instanceFailures) {

		public boolean canMigrate() {
			return planFailures.isEmpty() && instanceFailures.isEmpty() && instances > 0;
		}

	}

	/** Plans the move of the given version's running instances to the latest version and tries it without keeping it. */
	public MigrationReport dryRun(String sourceDefinitionId) {
		ProcessDefinition source = definition(sourceDefinitionId);
		ProcessDefinition target = latest(source.getKey());
		Names sourceNames = new Names(source.getId());
		Names targetNames = new Names(target.getId());
		List<Msg> planFailures = new ArrayList<>();
		List<Step> steps = new ArrayList<>();
		MigrationPlan plan = null;
		if (source.getId().equals(target.getId())) {
			planFailures.add(new Msg("processes.migration.already-latest"));
		}
		else {
			try {
				plan = plan(source, target);
			}
			catch (MigrationPlanValidationException invalid) {
				for (MigrationInstructionValidationReport report : invalid.getValidationReport().getInstructionReports()) {
					MigrationInstruction instruction = report.getMigrationInstruction();
					planFailures.add(new Msg("processes.migration.failure.instruction",
							sourceNames.of(instruction.getSourceActivityId()),
							targetNames.of(instruction.getTargetActivityId())));
				}
				if (planFailures.isEmpty()) {
					planFailures.add(new Msg("processes.migration.failure.plan"));
				}
			}
		}
		if (plan != null) {
			for (MigrationInstruction instruction : plan.getInstructions()) {
				steps.add(new Step(sourceNames.of(instruction.getSourceActivityId()),
						targetNames.of(instruction.getTargetActivityId())));
			}
		}
		List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
			.processDefinitionId(source.getId())
			.listPage(0, DRY_RUN_LIMIT);
		long count = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
		Map<String, Long> blocked = new LinkedHashMap<>();
		Map<String, String> reasons = new HashMap<>();
		if (plan != null) {
			for (ProcessInstance instance : instances) {
				MigratingProcessInstanceValidationException failure = tryWithoutKeeping(plan, instance.getId());
				if (failure == null) {
					continue;
				}
				if (failure.getValidationReport().getFailures() != null
						&& !failure.getValidationReport().getFailures().isEmpty()) {
					count(blocked, reasons, sourceNames.of(null), failure.getValidationReport().getFailures());
				}
				for (MigratingActivityInstanceValidationReport activity : failure.getValidationReport()
					.getActivityInstanceReports()) {
					count(blocked, reasons, sourceNames.of(activity.getSourceScopeId()), activity.getFailures());
				}
				for (MigratingTransitionInstanceValidationReport transition : failure.getValidationReport()
					.getTransitionInstanceReports()) {
					count(blocked, reasons, sourceNames.of(transition.getSourceScopeId()), transition.getFailures());
				}
			}
		}
		List<Msg> instanceFailures = new ArrayList<>();
		blocked.forEach((activity, number) -> instanceFailures
			.add(new Msg(reasons.get(activity), activity, String.valueOf(number))));
		return new MigrationReport(source.getId(), source.getKey(), displayName(source), source.getVersion(),
				target.getVersion(), steps, planFailures, count, blocked, instanceFailures);
	}

	/** The result of a migration: how many instances moved from which version to which. */
	public record MigrationResult(String name, int sourceVersion, int targetVersion, long migrated) {
	}

	/**
	 * Migrates every running instance of the version to the latest, when the dry run finds nothing against it;
	 * otherwise refuses with the dry run's sentences. The engine migrates them in one transaction: all or none.
	 */
	public MigrationResult migrate(String sourceDefinitionId) {
		MigrationReport report = dryRun(sourceDefinitionId);
		if (!report.canMigrate()) {
			List<Msg> reasons = new ArrayList<>(report.planFailures());
			reasons.addAll(report.instanceFailures());
			if (reasons.isEmpty()) {
				reasons.add(new Msg("processes.migration.nothing"));
			}
			throw new RuleViolationException(reasons);
		}
		ProcessDefinition source = definition(sourceDefinitionId);
		ProcessDefinition target = latest(source.getKey());
		MigrationPlan plan = plan(source, target);
		long before = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
		try {
			runtime.newMigration(plan)
				.processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(source.getId()))
				.execute();
		}
		catch (MigratingProcessInstanceValidationException changedMeanwhile) {
			throw new RuleViolationException(new Msg("processes.migration.changed"));
		}
		long left = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
		return new MigrationResult(displayName(source), source.getVersion(), target.getVersion(), before - left);
	}

	/** A file of an upload. */
	public record Upload(String name, byte[] content) {
	}

	/** What a deployment made: its name and the processes it gave new versions. */
	public record Deployed(String name, List<String> processes) {
	}

	/**
	 * Deploys a set of .bpmn, .dmn and .form files as one deployment, through the engine's deployment check.
	 * Refused whole with every reason (sentences) when a file has another type, a check fails or the engine cannot
	 * parse a model.
	 */
	public Deployed deploy(String name, List<Upload> files) {
		List<Msg> problems = new ArrayList<>();
		String deploymentName = name == null || name.isBlank() ? null : name.strip();
		if (deploymentName == null) {
			problems.add(new Msg("processes.upload.name-required"));
		}
		else if (deploymentName.length() > 200) {
			problems.add(new Msg("processes.upload.name-too-long"));
		}
		List<Upload> real = files.stream().filter(file -> file.content() != null && file.content().length > 0).toList();
		if (real.isEmpty()) {
			problems.add(new Msg("processes.upload.no-files"));
		}
		for (Upload file : real) {
			String lower = file.name() == null ? "" : file.name().toLowerCase(Locale.ROOT);
			if (!(lower.endsWith(".bpmn") || lower.endsWith(".dmn") || lower.endsWith(".form"))) {
				problems.add(new Msg("processes.upload.bad-type", file.name()));
			}
		}
		if (!problems.isEmpty()) {
			throw new RuleViolationException(problems);
		}
		DeploymentBuilder builder = repository.createDeployment().name(deploymentName).source(PAGE_SOURCE);
		for (Upload file : real) {
			builder.addInputStream(file.name().replace('\\', '/').replaceAll(".*/", ""),
					new java.io.ByteArrayInputStream(file.content()));
		}
		try {
			var deployment = builder.deployWithResult();
			return new Deployed(deploymentName, deployment.getDeployedProcessDefinitions()
				.stream()
				.map(definition -> displayName(definition) + "（" + definition.getVersion() + "）")
				.toList());
		}
		catch (DeploymentRefused refused) {
			throw new RuleViolationException(
					refused.reasons().stream().map(reason -> new Msg("processes.upload.reason", reason)).toList());
		}
		catch (ParseException unreadable) {
			List<Msg> reasons = new ArrayList<>();
			for (ResourceReport report : unreadable.getResorceReports()) {
				for (Problem problem : report.getErrors()) {
					reasons.add(new Msg("processes.upload.unparsable", DeploymentRules.display(report.getResourceName()),
							String.valueOf(problem.getLine())));
				}
			}
			if (reasons.isEmpty()) {
				reasons.add(new Msg("processes.upload.unparsable-file"));
			}
			throw new RuleViolationException(reasons);
		}
		catch (org.camunda.bpm.engine.ProcessEngineException other) {
			throw new RuleViolationException(new Msg("processes.upload.unparsable-file"));
		}
	}

	static byte[] read(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
		return runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
	}

	/** Migrates one instance inside a transaction that is always rolled back: the engine's own validation, kept. */
	private MigratingProcessInstanceValidationException tryWithoutKeeping(MigrationPlan plan, String instanceId) {
		return transactions.execute(status -> {
			status.setRollbackOnly();
			try {
				runtime.newMigration(plan).processInstanceIds(instanceId).execute();
				return null;
			}
			catch (MigratingProcessInstanceValidationException failure) {
				return failure;
			}
		});
	}

	private void count(Map<String, Long> blocked, Map<String, String> reasons, String activity, List<String> failures) {
		if (failures == null || failures.isEmpty()) {
			return;
		}
		blocked.merge(activity, 1L, Long::sum);
		boolean unmapped = failures.stream().anyMatch(text -> text.contains("no migration instruction"));
		reasons.merge(activity, unmapped ? "processes.migration.failure.unmapped" : "processes.migration.failure.other",
				(old, now) -> old);
	}

	private ProcessDefinition definition(String id) {
		ProcessDefinition definition = id == null ? null
				: repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
		if (definition == null) {
			throw new NotFoundException(new Msg("processes.not-found"));
		}
		return definition;
	}

	private ProcessDefinition latest(String key) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
	}

	private static String displayName(ProcessDefinition definition) {
		return definition.getName() == null || definition.getName().isBlank() ? definition.getKey()
				: definition.getName();
	}

	/** Activity names of one version, for sentences ("审核材料" rather than an id). */
	private final class Names {

		private final BpmnModelInstance model;

		private final String processName;

		Names(String definitionId) {
			this.model = repository.getBpmnModelInstance(definitionId);
			this.processName = displayName(definition(definitionId));
		}

		String of(String activityId) {
			if (activityId == null) {
				return processName;
			}
			ModelElementInstance element = model.getModelElementById(activityId);
			String name = element == null ? null : element.getAttributeValue("name");
			return name == null || name.isBlank() ? activityId : name;
		}

	}

}
