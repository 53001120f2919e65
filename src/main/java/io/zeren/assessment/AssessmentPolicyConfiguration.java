package io.zeren.assessment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.zeren.shared.LivePolicy;

/** The assessment policy as it stands now: YAML with the administrators' saved changes (policy settings page). */
@Configuration
class AssessmentPolicyConfiguration {

	@Bean
	LivePolicy<AssessmentProperties> assessmentPolicy(LivePolicy.Binding binding) {
		return binding.bind("zeren.assessment", AssessmentProperties.class);
	}

}
