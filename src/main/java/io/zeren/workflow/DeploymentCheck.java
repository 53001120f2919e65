package io.zeren.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.zeren.workflow.DeploymentRules.Finding;

/**
 * Every new deployment passes {@link DeploymentRules} before the engine parses it, whichever door it came through:
 * Camunda Modeler and anything else on engine REST ({@code /deployment/create}), the workbench's upload, the
 * application's own deployment at start-up. It runs as the engine's first deployer, inside the deploying command:
 * a refusal throws {@link DeploymentRefused} and the command's transaction rolls back, so nothing of the
 * deployment is stored. Deployments read back from the database (the engine re-parses them into its cache) are
 * not new and are not checked again: what was accepted once keeps running.
 */
@Component
class DeploymentCheck extends AbstractProcessEnginePlugin implements Deployer {

	private final DeploymentRules rules = new DeploymentRules();

	private final ApplicationContext context;

	private final MessageSource messages;

	private Map<Object, Object> engineBeans;

	DeploymentCheck(ApplicationContext context, MessageSource messages) {
		this.context = context;
		this.messages = messages;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreDeployers());
		deployers.add(0, this);
		configuration.setCustomPreDeployers(deployers);
		engineBeans = configuration.getBeans();
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null) {
			return;
		}
		Map<String, byte[]> resources = new LinkedHashMap<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			resources.put(resource.getName(), resource.getBytes());
		}
		List<Finding> findings = rules.check(resources, lookup(deployment.getTenantId()));
		if (!findings.isEmpty()) {
			throw refusal(findings);
		}
	}

	private DeploymentRules.Lookup lookup(String tenantId) {
		return new DeploymentRules.Lookup() {

			@Override
			public boolean isBean(String name) {
				if (engineBeans != null) {
					return engineBeans.containsKey(name);
				}
				return context.containsBean(name);
			}

			@Override
			public boolean formDeployed(String formId) {
				return forms().findLatestDefinitionByKeyAndTenantId(formId, tenantId) != null;
			}

			@Override
			public boolean formDeployed(String formId, int version) {
				return forms().findDefinitionByKeyVersionAndTenantId(formId, version, tenantId) != null;
			}

		};
	}

	private static CamundaFormDefinitionManager forms() {
		return Context.getCommandContext().getCamundaFormDefinitionManager();
	}

	DeploymentRefused refusal(List<Finding> findings) {
		List<String> reasons = new ArrayList<>();
		Map<String, List<Problem>> byResource = new LinkedHashMap<>();
		for (Finding finding : findings) {
			String sentence = finding.message().render(messages, Locale.SIMPLIFIED_CHINESE);
			reasons.add(sentence);
			byResource.computeIfAbsent(finding.resource(), resource -> new ArrayList<>())
				.add(new DeploymentRefused.Reason(sentence, finding.line(), finding.column(), finding.elementId()));
		}
		String message = messages.getMessage("deployment.check.refused", new Object[] { reasons.size() },
				Locale.SIMPLIFIED_CHINESE) + String.join("", reasons);
		return new DeploymentRefused(message, reasons, byResource);
	}

}
