package io.zeren.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda's password policy, on, with Zeren's rules ({@link ZerenPasswordPolicy}). It is switched on once every
 * bean is built, before the web server takes requests: the Spring Boot starter creates the configured admin user
 * ({@code camunda.bpm.admin-user}) while the engine is built, with IdentityService.saveUser(user), which would be
 * refused under the policy for the demo's documented password. Accounts the system creates afterwards skip the policy
 * ({@link SystemPasswords}); passwords people choose meet it.
 */
@Configuration
class PasswordConfiguration {

	@Bean
	SmartInitializingSingleton passwordPolicyActivation(ProcessEngine engine, PasswordProperties properties) {
		return () -> engine.getProcessEngineConfiguration()
			.setPasswordPolicy(new ZerenPasswordPolicy(properties))
			.setEnablePasswordPolicy(true);
	}

	@Bean
	FilterRegistrationBean<PasswordPolicyFilter> passwordPolicyFilter(ProcessEngine engine, MessageSource messages,
			ObjectMapper json, SecurityAudit audit) {
		FilterRegistrationBean<PasswordPolicyFilter> registration = new FilterRegistrationBean<>(
				new PasswordPolicyFilter(engine, messages, json, audit));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		// After Spring Security and the webapps' authentication filter: the actor is known, strangers never get here.
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

}
