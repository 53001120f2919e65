package io.zeren.discipline;

import java.util.Optional;

/**
 * Who a lead is about and who reported it: what the conflict-of-interest rules need. Implemented over the
 * lead register; the informant is never put into a process variable.
 */
public interface CaseParties {

	Optional<Parties> of(long leadId);

	/**
	 * @param subject username of the person concerned, null for a lead against a unit only
	 * @param informant username of the informant if they are staff of the agency, else null
	 * @param subjectUnit the unit concerned (the subject's unit, or the unit for a unit lead)
	 */
	record Parties(String subject, String informant, String subjectUnit) {
	}

}
