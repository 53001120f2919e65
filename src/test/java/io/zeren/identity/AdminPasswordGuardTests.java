package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AdminPasswordGuardTests {

	private final AdminPasswordGuard guard = new AdminPasswordGuard();

	@Test
	void shouldRefuseToStartOutsideTheDemoWithoutAPassword() {
		assertThatThrownBy(() -> guard.postProcessEnvironment(environment(false, ""), new SpringApplication()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ZEREN_ADMIN_PASSWORD")
			.hasMessageContaining("postgres");
	}

	@Test
	void shouldRefuseTheDemoPasswordAndShortOnesOutsideTheDemo() {
		assertThatThrownBy(() -> guard.postProcessEnvironment(environment(false, "zeren-demo"), new SpringApplication()))
			.hasMessageContaining("demo password");
		assertThatThrownBy(() -> guard.postProcessEnvironment(environment(false, "short"), new SpringApplication()))
			.hasMessageContaining("8 characters");
	}

	@Test
	void shouldAcceptARealPasswordAndTheDocumentedDemoPasswordInTheDemo() {
		assertThatCode(() -> guard.postProcessEnvironment(environment(false, "a-real-secret"), new SpringApplication()))
			.doesNotThrowAnyException();
		StandardEnvironment withoutAuditor = environment(false, "a-real-secret");
		withoutAuditor.getPropertySources()
			.addFirst(new MapPropertySource("auditor", Map.of("zeren.security.audit-admin-password", "")));
		assertThatThrownBy(() -> guard.postProcessEnvironment(withoutAuditor, new SpringApplication()))
			.hasMessageContaining("ZEREN_AUDITADMIN_PASSWORD");
		assertThatCode(() -> guard.postProcessEnvironment(environment(true, "zeren-demo"), new SpringApplication()))
			.doesNotThrowAnyException();
	}

	@Test
	void shouldBeWiredSoThePostgresProfileRefusesToStart() {
		SpringApplication application = new SpringApplication(io.zeren.ZerenApplication.class);
		application.setAdditionalProfiles("postgres");
		application.setDefaultProperties(Map.of("zeren.security.admin-password", ""));
		// Fails in environment preparation, before any bean or database connection exists.
		assertThatThrownBy(() -> application.run("--zeren.security.admin-password=", "--spring.main.web-application-type=none"))
			.hasMessageContaining("refuses to start");
	}

	private static StandardEnvironment environment(boolean demo, String password) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("postgres");
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("zeren.security.demo", demo, "zeren.security.admin-password", password,
							"zeren.security.security-admin-password", password, "zeren.security.audit-admin-password",
							password)));
		return environment;
	}

}
