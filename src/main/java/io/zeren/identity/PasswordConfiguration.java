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
 * Camunda's password policy, on, with Zeren's rules ({@link ZerenPasswordPolicy}), switched on once every bean is
 * built, before the web server takes requests. Accounts the system creates (staff from the roster, the three
 * administrators, the sentinel) skip the policy ({@link SystemPasswords}); passwords people choose meet it. (The
 * Spring Boot starter's admin-user creation, which saved a policy-breaking demo password while the engine was built
 * and was why the policy could not be on from the start, is no longer used: SeparatedAdministrators makes the
 * administrators.)
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
			ObjectMapper json, SecurityAudit audit, SystemAuthentication system) {
		FilterRegistrationBean<PasswordPolicyFilter> registration = new FilterRegistrationBean<>(
				new PasswordPolicyFilter(engine, messages, json, audit, system));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		// After Spring Security and the webapps' authentication filter: the actor is known, strangers never get here.
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

}
