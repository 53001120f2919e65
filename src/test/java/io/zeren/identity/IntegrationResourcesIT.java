package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import io.zeren.support.ApiClient;

/** Integration clients get the engine API families named in configuration, and nothing else beyond the table. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zeren.security.integration-resources=message,external-task")
class IntegrationResourcesIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Test
	void shouldOpenTheConfiguredFamiliesToIntegrationClientsOnly() {
		if (identity.createGroupQuery().groupId(GroupIds.INTEGRATION).count() == 0) {
			Group group = identity.newGroup(GroupIds.INTEGRATION);
			group.setName("集成客户端");
			identity.saveGroup(group);
		}
		User client = identity.newUser("erp-client");
		client.setFirstName("ERP");
		client.setLastName("client");
		client.setPassword(ApiClient.DEMO_PASSWORD);
		SystemPasswords.save(identity, client);
		identity.createMembership("erp-client", GroupIds.INTEGRATION);
		String message = "{\"messageName\":\"NoSuchMessage\",\"all\":true}";

		ResponseEntity<String> integration = ApiClient.as(rest, "erp-client").sendRaw(HttpMethod.POST,
				"/engine-rest/message", message);
		ResponseEntity<String> staff = ApiClient.as(rest, "lina").sendRaw(HttpMethod.POST, "/engine-rest/message", message);

		// Through the gate: the engine itself answers (no such message to correlate).
		assertThat(integration.getStatusCode().value()).isNotEqualTo(403);
		assertThat(String.valueOf(integration.getBody())).doesNotContain("无权使用这项功能");
		assertThat(ApiClient.as(rest, "erp-client").sendRaw(HttpMethod.GET, "/engine-rest/external-task", null)
			.getStatusCode()
			.value())
			.isEqualTo(200);
		assertThat(ApiClient.as(rest, "erp-client").sendRaw(HttpMethod.GET, "/engine-rest/job", null)
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(staff.getStatusCode().value()).isEqualTo(403);
	}

}
