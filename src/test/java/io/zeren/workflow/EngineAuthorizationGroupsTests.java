package io.zeren.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The authorization manager keeps the user's groups as they are (without the per-command table scan). */
class EngineAuthorizationGroupsTests {

	@Test
	void shouldKeepTheUsersGroupsWithoutReadingTheDatabase() {
		EngineAuthorizationGroups.UnfilteredGroups manager = new EngineAuthorizationGroups.UnfilteredGroups();

		// No command context: the engine's own implementation would fail here on its database query.
		assertThat(manager.filterAuthenticatedGroupIds(List.of("zeren-staff", "head-ops-1", "zeren-staff")))
			.containsExactly("zeren-staff", "head-ops-1");
		assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
		assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
	}

}
