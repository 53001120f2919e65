package io.zeren.discipline;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;

/**
 * TEST ONLY, until the lead register (which implements {@link CaseParties} over zr_dis_lead) is merged: the
 * parties of a lead from a map the test fills. DisciplineCaseIT imports it; it is also listed in
 * src/test/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports so that
 * every other Spring test of this branch has a CaseParties bean (DisciplineAccess needs one). Remove both at the
 * merge with the lead register.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCaseParties implements CaseParties {

	private final Map<Long, Parties> leads = new ConcurrentHashMap<>();

	public void put(long leadId, String subject, String informant, String subjectUnit) {
		leads.put(leadId, new Parties(subject, informant, subjectUnit));
	}

	public void remove(long leadId) {
		leads.remove(leadId);
	}

	@Override
	public Optional<Parties> of(long leadId) {
		return Optional.ofNullable(leads.get(leadId));
	}

}
