package io.zeren.assessment;

import java.time.Instant;
import java.util.Optional;

import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * The strictest sanction in force for a person at a moment, as a code Decision_GradeCap knows (WARNING,
 * DEMERIT, MAJOR_DEMERIT, DEMOTION, REMOVAL_FROM_POST, DISMISSAL, PARTY_WARNING, PARTY_SERIOUS_WARNING,
 * PARTY_POST_REMOVAL, PARTY_PROBATION, PARTY_EXPULSION). The discipline module provides the real answer by
 * declaring a bean of this type, which replaces the fallback below.
 */
public interface SanctionsInForce {

	Optional<String> strictest(String username, Instant at);

	/** Until the discipline module is there: no sanctions. */
	@Component
	@Fallback
	class None implements SanctionsInForce {

		@Override
		public Optional<String> strictest(String username, Instant at) {
			return Optional.empty();
		}

	}

}
