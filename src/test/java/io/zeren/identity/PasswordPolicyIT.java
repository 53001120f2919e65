package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.zeren.support.ApiClient;

/** Finding 11: passwords people choose meet the policy; passwords the system sets are still accepted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordPolicyIT {

	static final String STRONG = "Zeren-2026!passwort";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@AfterEach
	void restoreLinasDemoPassword() {
		// Other tests of this context log in as lina with the demo password.
		User lina = identity.createUserQuery().userId("lina").singleResult();
		lina.setPassword(ApiClient.DEMO_PASSWORD);
		((IdentityServiceImpl) identity).saveUser(lina, true);
	}

	@Test
	void shouldRefuseAWeakPasswordWithAChineseSentenceAndAcceptAStrongOne() {
		ApiClient lina = ApiClient.as(rest, "lina");

		ResponseEntity<String> weak = lina.sendRaw(HttpMethod.PUT, "/engine-rest/user/lina/credentials",
				"{\"password\":\"1\",\"authenticatedUserPassword\":\"" + ApiClient.DEMO_PASSWORD + "\"}");

		assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(weak.getBody()).contains("新密码不符合密码规则")
			.contains("至少 10 个字符")
			.contains("至少 1 个大写字母")
			.doesNotContain("Password does not match policy");
		assertThat(identity.checkPassword("lina", "1")).isFalse();

		ResponseEntity<String> containsName = lina.sendRaw(HttpMethod.PUT, "/engine-rest/user/lina/credentials",
				"{\"password\":\"Lina-2026!abc\",\"authenticatedUserPassword\":\"" + ApiClient.DEMO_PASSWORD + "\"}");
		assertThat(containsName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(containsName.getBody()).contains("不得包含用户名、姓名或邮箱");

		ResponseEntity<String> strong = lina.sendRaw(HttpMethod.PUT, "/engine-rest/user/lina/credentials",
				"{\"password\":\"" + STRONG + "\",\"authenticatedUserPassword\":\"" + ApiClient.DEMO_PASSWORD + "\"}");
		assertThat(strong.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(identity.checkPassword("lina", STRONG)).isTrue();
	}

	@Test
	void shouldHoldAtAdminsUserCreationAndSpeakEnglishWhenAsked() {
		String weakUser = "{\"profile\":{\"id\":\"weakling\",\"firstName\":\"弱\",\"lastName\":\"\",\"email\":\"w@zeren.example\"},"
				+ "\"credentials\":{\"password\":\"weakling1\"}}";
		ResponseEntity<String> refused = ApiClient.as(rest, "admin").sendRaw(HttpMethod.POST, "/engine-rest/user/create",
				weakUser);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("新密码不符合密码规则").contains("不得包含用户名、姓名或邮箱");
		assertThat(identity.createUserQuery().userId("weakling").count()).isZero();

		ResponseEntity<String> english = ApiClient.as(rest, "admin").inEnglish().sendRaw(HttpMethod.POST,
				"/engine-rest/user/create", weakUser);
		assertThat(english.getBody()).contains("does not meet the password rules");

		// The webapps show the rules from the engine's policy (translated placeholders).
		ResponseEntity<Map<String, Object>> policy = ApiClient.as(rest, "lina").get("/engine-rest/identity/password-policy");
		assertThat(policy.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(policy.getBody().toString()).contains("PASSWORD_POLICY_LENGTH").contains("minLength=10");
	}

	@Test
	void shouldStillCreateStaffAccountsWithTheConfiguredInitialPassword() {
		Map<String, Object> newcomer = Map.of("fullName", "韩新", "unitCode", "POL-ORG", "category", "EMPLOYEE", "email",
				"hanxin@zeren.example", "partyMember", false);

		ApiClient admin = ApiClient.as(rest, "admin");
		assertThat(admin.send(HttpMethod.PUT, "/api/staff/hanxin", newcomer).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		try {
			assertThat(identity.checkPassword("hanxin", ApiClient.DEMO_PASSWORD)).isTrue();
			assertThat(rest.withBasicAuth("hanxin", ApiClient.DEMO_PASSWORD)
				.getForEntity("/engine-rest/user/hanxin/profile", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		finally {
			// Other tests of this context count the members of POL-ORG.
			admin.send(HttpMethod.DELETE, "/api/staff/hanxin", null);
		}
	}

}
