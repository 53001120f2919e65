package io.zeren.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Every engine command that checks authorizations first narrows the user's groups to those that appear in
 * any authorization, and to know them runs {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}
 * once per command: a scan of the whole table, which holds one grant per assignee and candidate of every
 * open task. Measured (docs/performance.md): about 0.8 s per Tasklist request at 1,000,000 open tasks.
 * <p>
 * The narrowing only shortens the {@code GROUP_ID_ IN (...)} lists of the authorization SQL; a group without
 * any authorization matches no row either way, so passing the user's groups unfiltered gives the same
 * answers. Zeren's users carry a handful of groups (all staff, unit, head, roles), so the lists stay short.
 * This plugin replaces the engine's authorization manager by one that skips the scan. Switch:
 * {@code zeren.engine.skip-authorized-group-scan} (default true).
 */
public class EngineAuthorizationGroups extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomSessionFactories());
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return AuthorizationManager.class;
			}

			@Override
			public Session openSession() {
				return new UnfilteredGroups();
			}

		});
		configuration.setCustomSessionFactories(factories);
	}

	/** The engine's authorization manager, with the user's groups taken as they are. */
	static class UnfilteredGroups extends AuthorizationManager {

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
				return Collections.emptyList();
			}
			return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
		}

	}

}
