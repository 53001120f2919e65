package io.zeren.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start outside the demo without real passwords for the three separated administrators (system,
 * security, audit). Runs before any bean, so the engine never gets the chance to create an administrator with an
 * empty or well-known password.
 */
class AdminPasswordGuard implements EnvironmentPostProcessor {

	static final String DEMO_PASSWORD = "zeren-demo";

	/** Property → the environment variable that sets it. */
	private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

	static {
		PASSWORDS.put("zeren.security.admin-password", "ZEREN_ADMIN_PASSWORD");
		PASSWORDS.put("zeren.security.security-admin-password", "ZEREN_SECADMIN_PASSWORD");
		PASSWORDS.put("zeren.security.audit-admin-password", "ZEREN_AUDITADMIN_PASSWORD");
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean demo = environment.getProperty("zeren.security.demo", Boolean.class, true);
		if (demo) {
			return;
		}
		PASSWORDS.forEach((property, variable) -> {
			String password = environment.getProperty(property, "");
			if (password.isBlank()) {
				throw new IllegalStateException("Zeren refuses to start: no administrator password is set for profile(s) "
						+ String.join(",", environment.getActiveProfiles()) + ". Set the environment variable " + variable
						+ " (property " + property + ").");
			}
			if (password.equals(DEMO_PASSWORD) || password.length() < 8) {
				throw new IllegalStateException("Zeren refuses to start: the administrator password " + variable
						+ " must not be the demo password and must have at least 8 characters.");
			}
		});
	}

}
