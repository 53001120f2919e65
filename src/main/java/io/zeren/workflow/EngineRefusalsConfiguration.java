package io.zeren.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zeren.organisation.OrganisationDirectory;

/** {@link EngineRefusals}: the engine plugin that records a refusal and the filter that answers it as a sentence. */
@Configuration(proxyBeanMethods = false)
class EngineRefusalsConfiguration {

	@Bean
	static EngineRefusals.Plugin engineRefusalsPlugin() {
		return new EngineRefusals.Plugin();
	}

	/** After Spring Security and the engine API gate (its refusals are sentences already), on both engine doors. */
	@Bean
	FilterRegistrationBean<EngineRefusals.Filter> engineRefusalsFilter(MessageSource messages,
			OrganisationDirectory directory, ObjectMapper json,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		FilterRegistrationBean<EngineRefusals.Filter> registration = new FilterRegistrationBean<>(
				new EngineRefusals.Filter(messages, directory, json));
		registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 20);
		return registration;
	}

}
