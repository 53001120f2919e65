package io.zeren.discipline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.zeren.shared.LivePolicy;

/**
 * Discipline policy as it stands now (lead recheck, case limits, accountability thresholds, sanction periods): YAML
 * with the administrators' saved changes (policy settings page).
 */
@Configuration
class DisciplinePolicyConfiguration {

	@Bean
	LivePolicy<LeadProperties> leadPolicy(LivePolicy.Binding binding) {
		return binding.bind("zeren.discipline.leads", LeadProperties.class);
	}

	@Bean
	LivePolicy<CaseProperties> casePolicy(LivePolicy.Binding binding) {
		return binding.bind("zeren.discipline.cases", CaseProperties.class);
	}

	@Bean
	LivePolicy<AccountabilityProperties> accountabilityPolicy(LivePolicy.Binding binding) {
		return binding.bind("zeren.discipline.accountability", AccountabilityProperties.class);
	}

	@Bean
	LivePolicy<SanctionProperties> sanctionPolicy(LivePolicy.Binding binding) {
		return binding.bind("zeren.discipline.sanctions", SanctionProperties.class);
	}

}
