package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.zeren.identity.EngineApiRules.Role;
import io.zeren.identity.EngineApiRules.Rule;

class EngineApiRulesTests {

	@Test
	void shouldDocumentExactlyTheAllowListTheGateEnforces() throws IOException {
		String doc = Files.readString(Path.of("docs/security.md"));
		String table = doc.substring(doc.indexOf("<!-- allow-list:begin"), doc.indexOf("<!-- allow-list:end"));
		List<String> documented = new ArrayList<>();
		for (String row : table.split("\n")) {
			if (!row.startsWith("| ") || row.startsWith("| role") || row.startsWith("| ---")) {
				continue;
			}
			String[] cells = row.split("\\|");
			documented.add((cells[1].strip() + " " + cells[2].strip() + " " + cells[3].strip().replace("`", "") + " "
					+ cells[4].strip()).strip());
		}
		assertThat(documented).isNotEmpty().containsExactlyElementsOf(normalised(EngineApiRules.TABLE));
	}

	private static List<String> normalised(String table) {
		return table.strip().lines().map(String::strip).map(line -> line.replaceAll("\\s+", " ")).toList();
	}

	@Test
	void shouldNormaliseBothDoorsToOneResourcePath() {
		String api = "/camunda/api";
		assertThat(EngineApiGate.normalise("/engine-rest/task/1/claim", api)).containsExactly("task", "1", "claim");
		assertThat(EngineApiGate.normalise("/engine-rest/engine/default/task/1", api)).containsExactly("task", "1");
		assertThat(EngineApiGate.normalise("/camunda/api/engine/engine/default/job", api)).containsExactly("job");
		assertThat(EngineApiGate.normalise("/camunda/api/engine/engine/", api)).containsExactly("engine");
		assertThat(EngineApiGate.normalise("/engine-rest/engine", api)).containsExactly("engine");
		assertThat(EngineApiGate.normalise("/camunda/api/cockpit/plugin/base/default/x", api))
			.containsExactly("cockpit", "plugin", "base", "default", "x");
		assertThat(EngineApiGate.normalise("/engine-rest/j%6Fb;x=1/", api)).containsExactly("job");
		assertThat(EngineApiGate.normalise("/engine-rest/task/a%2Fb", api)).isNull();
		assertThat(EngineApiGate.normalise("/engine-rest/task/../job", api)).isNull();
	}

	@Test
	void shouldNotLetAnIdWildcardOpenACollectionWideOperation() {
		Rule definition = new Rule(Role.STAFF, Set.of("GET"), "/process-definition/{id}", null);
		assertThat(definition.matches("GET", List.of("process-definition", "abc:1:2"), "lina")).isTrue();
		assertThat(definition.matches("GET", List.of("process-definition", "statistics"), "lina")).isFalse();
		assertThat(definition.matches("GET", List.of("process-definition", "count"), "lina")).isFalse();
		assertThat(definition.matches("POST", List.of("process-definition", "abc"), "lina")).isFalse();
		Rule own = new Rule(Role.ANY, Set.of("PUT"), "/user/{self}/credentials", null);
		assertThat(own.matches("PUT", List.of("user", "lina", "credentials"), "lina")).isTrue();
		assertThat(own.matches("PUT", List.of("user", "zhengyang", "credentials"), "lina")).isFalse();
		Rule family = new Rule(Role.SYSTEM, Set.of("GET"), "/job/**", null);
		assertThat(family.matches("GET", List.of("job"), "admin")).isTrue();
		assertThat(family.matches("GET", List.of("job", "1", "stacktrace"), "admin")).isTrue();
		assertThat(family.matches("GET", List.of("job-definition"), "admin")).isFalse();
	}

	@Test
	void shouldGiveRolesByGroupAndIntegrationFamiliesByConfiguration() {
		assertThat(EngineApiRules.rolesOf(List.of(GroupIds.ALL_STAFF, "unit-pol-org"))).containsExactlyInAnyOrder(Role.ANY,
				Role.STAFF);
		assertThat(EngineApiRules.rolesOf(List.of(GroupIds.ADMINS))).contains(Role.SYSTEM);
		assertThat(EngineApiRules.rolesOf(List.of(GroupIds.SECURITY_ADMINS))).containsExactlyInAnyOrder(Role.ANY,
				Role.SECURITY);
		assertThat(EngineApiRules.integrationRules(List.of("message", " /signal/ ", "")))
			.extracting(Rule::pattern)
			.containsExactly("/message/**", "/signal/**");
	}

}
