package io.zeren.discipline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

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

	private final OrganisationDirectory directory;

	private final DisciplineAccess access;

	private final DisciplineProperties properties;

	private final DisciplineInstances instances;

	DisciplineTaskRouting(OrganisationDirectory directory, DisciplineAccess access, DisciplineProperties properties,
			DisciplineInstances instances) {
		this.directory = directory;
		this.access = access;
		this.properties = properties;
		this.instances = instances;
	}

	@Override
	public Set<String> processKeys() {
		return DisciplineProcesses.CONFIDENTIAL;
	}

	@Override
	public Set<String> decisionKeys() {
		return DisciplineProcesses.CONFIDENTIAL_DECISIONS;
	}

	/** Approval operations (转办, 委派, 加签) stay inside the discipline office and case review. */
	@Override
	public boolean mayHandle(String processInstanceId, String username) {
		return access.isOfficeOrReview(username);
	}

	@Override
	public List<StaffInfo> escalationChain(String processInstanceId, String owner) {
		// The parties from the system's record of the instance, never from its variables; an instance Zeren did not
		// start escalates to nobody.
		Optional<DisciplineInstance> instance = instances.ofInstance(processInstanceId);
		if (instance.isEmpty()) {
			return List.of();
		}
		CaseParties.Parties lead = access.partiesOf(instance.get());
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
