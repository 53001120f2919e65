package io.zeren.discipline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.zeren.identity.SystemAuthentication;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.StaffInfo;
import io.zeren.workflow.ConfidentialProcesses;

/**
 * Discipline processes are confidential to the workflow module: an overdue discipline task escalates to the
 * head of the discipline office and then up the office head's own chain (never to the subject's unit head),
 * skipping anyone with a conflict of interest on the lead.
 */
@Component
class DisciplineTaskRouting implements ConfidentialProcesses {

	private final RuntimeService runtime;

	private final OrganisationDirectory directory;

	private final CaseParties parties;

	private final DisciplineAccess access;

	private final DisciplineProperties properties;

	private final SystemAuthentication system;

	DisciplineTaskRouting(RuntimeService runtime, OrganisationDirectory directory, CaseParties parties,
			DisciplineAccess access, DisciplineProperties properties, SystemAuthentication system) {
		this.system = system;
		this.runtime = runtime;
		this.directory = directory;
		this.parties = parties;
		this.access = access;
		this.properties = properties;
	}

	@Override
	public Set<String> processKeys() {
		return DisciplineProcesses.CONFIDENTIAL;
	}

	@Override
	public Set<String> decisionKeys() {
		return DisciplineProcesses.CONFIDENTIAL_DECISIONS;
	}

	@Override
	public List<StaffInfo> escalationChain(String processInstanceId, String owner) {
		// Asked on behalf of whoever calls (a supervisor's REST call, the job executor): read as the system.
		Map<String, Object> variables = system.call(() -> runtime.getVariables(processInstanceId,
				List.of(DisciplineProcesses.VAR_LEAD_ID, DisciplineProcesses.VAR_SUBJECT)));
		Object leadId = variables.get(DisciplineProcesses.VAR_LEAD_ID);
		String subject = (String) variables.get(DisciplineProcesses.VAR_SUBJECT);
		CaseParties.Parties lead = leadId == null ? new CaseParties.Parties(subject, null, null)
				: parties.of(((Number) leadId).longValue()).orElse(new CaseParties.Parties(subject, null, null));
		String officeUnit = directory.roleOwner(properties.roles().office()).code();
		List<StaffInfo> candidates = new ArrayList<>();
		directory.head(officeUnit).ifPresent(head -> {
			candidates.add(head);
			candidates.addAll(directory.supervisorChain(head.username()));
		});
		List<StaffInfo> chain = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			StaffInfo person = candidates.get(i);
			Duty duty = i == 0 ? Duty.HANDLER : Duty.APPROVER;
			if (!person.username().equals(owner) && access.conflict(lead, person.username(), duty).isEmpty()) {
				chain.add(person);
			}
		}
		return chain;
	}

}
