package io.zeren.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start outside the demo without a real administrator password. Runs before any bean, so
 * the engine never gets the chance to create an administrator with an empty or well-known password.
 */
class AdminPasswordGuard implements EnvironmentPostProcessor {

	static final String DEMO_PASSWORD = "zeren-demo";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean demo = environment.getProperty("zeren.security.demo", Boolean.class, true);
		String password = environment.getProperty("zeren.security.admin-password", "");
		if (demo) {
			return;
		}
		if (password.isBlank()) {
			throw new IllegalStateException("Zeren refuses to start: no administrator password is set for profile(s) "
					+ String.join(",", environment.getActiveProfiles())
					+ ". Set the environment variable ZEREN_ADMIN_PASSWORD (property zeren.security.admin-password).");
		}
		if (password.equals(DEMO_PASSWORD) || password.length() < 8) {
			throw new IllegalStateException("Zeren refuses to start: the administrator password must not be the demo "
					+ "password and must have at least 8 characters (ZEREN_ADMIN_PASSWORD).");
		}
	}

}
