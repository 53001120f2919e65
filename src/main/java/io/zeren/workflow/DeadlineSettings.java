package io.zeren.workflow;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.zeren.shared.LivePolicy;

/**
 * The deadline settings as they stand now: YAML with the administrators' saved changes (policy settings page), for
 * the one number there that is policy, the end of the working day.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineSettings {

	@Bean
	LivePolicy<DeadlineProperties> liveDeadlineSettings(LivePolicy.Binding binding) {
		return binding.bind("zeren.deadline", DeadlineProperties.class);
	}

}
