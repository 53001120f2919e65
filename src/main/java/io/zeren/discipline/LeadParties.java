package io.zeren.discipline;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The parties of a lead for the recusal rules, read from the lead register. */
@Component
class LeadParties implements CaseParties {

	private final LeadRepository leads;

	LeadParties(LeadRepository leads) {
		this.leads = leads;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Parties> of(long leadId) {
		return leads.findById(leadId)
			.map(lead -> new Parties(lead.getSubjectUsername(), lead.getInformantUsername(), lead.getUnitCode()));
	}

}
