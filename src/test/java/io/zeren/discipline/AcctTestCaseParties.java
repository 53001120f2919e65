package io.zeren.discipline;

import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test-only stand-in for the lead register's {@link CaseParties} (built on another branch), so that
 * {@link DisciplineAccess} can be created in AccountabilityIT. Accountability matters have no lead: their
 * instances carry no leadId and DisciplineAccess checks conflicts against the subject. To be removed at merge.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AcctTestCaseParties {

	@Bean
	CaseParties acctTestCaseParties() {
		return leadId -> Optional.empty();
	}

}
