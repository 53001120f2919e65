package io.zeren.inspection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.zeren.shared.LivePolicy;

/** The inspection policy as it stands now: YAML with the administrators' saved changes (policy settings page). */
@Configuration
class InspectionPolicyConfiguration {

	@Bean
	LivePolicy<InspectionProperties> inspectionPolicy(LivePolicy.Binding binding) {
		return binding.bind("zeren.inspection", InspectionProperties.class);
	}

}
