package io.zeren.discipline;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.zeren.identity.GroupIds;
import io.zeren.shared.TaskStory;

/**
 * The 业务详情 tab of a discipline task: the lead and, once filed, the case — only for those the discipline rules
 * let read the lead ({@link DisciplineAccess#canRead}: the office and case review free of conflicts, and those
 * working on it; never the subject), every read and every refused read on the discipline audit trail. Anyone else
 * who may see the task (its subject, a supervisor in the confidential chain) sees that the file is restricted.
 */
@Component
class CaseStorySource implements TaskStory.Source {

	static final int ORDER = 40;

	private final DisciplineInstances instances;

	private final DisciplineAccess access;

	private final DisciplineAudit audit;

	private final Leads leads;

	private final DisciplineReads reads;

	private final DisciplineProperties properties;

	CaseStorySource(DisciplineInstances instances, DisciplineAccess access, DisciplineAudit audit, Leads leads,
			DisciplineReads reads, DisciplineProperties properties) {
		this.instances = instances;
		this.access = access;
		this.audit = audit;
		this.leads = leads;
		this.reads = reads;
		this.properties = properties;
	}

	@Override
	public Optional<TaskStory> storyOf(TaskStory.Subject subject, String viewer, Set<String> groups) {
		if (!DisciplineProcesses.CONFIDENTIAL.contains(subject.processKey())) {
			return Optional.empty();
		}
		Optional<DisciplineInstance> instance = instances.ofInstance(subject.processInstanceId());
		Long leadId = instance.map(DisciplineInstance::leadId).orElse(null);
		Map<String, Object> model = new HashMap<>();
		model.put("lead", null);
		model.put("caseFile", null);
		if (leadId == null || !access.canRead(viewer, leadId)) {
			audit.read(viewer, "READ_DENIED", leadId, instance.map(instances::ref).orElse(null),
					"task story " + subject.taskName());
			model.put("restricted", true);
			return Optional.of(new TaskStory(ORDER, "discipline/story", "case", model));
		}
		boolean office = groups.contains(GroupIds.role(properties.roles().office()));
		// Both reads write their own line (LEAD_VIEWED, CASE_VIEWED) on the discipline audit trail.
		model.put("restricted", false);
		model.put("lead", leads.file(leadId, viewer, office));
		Long caseId = instance.get().caseId();
		if (caseId != null) {
			model.put("caseFile", reads.caseFile(caseId, viewer).file());
		}
		return Optional.of(new TaskStory(ORDER, "discipline/story", "case", model));
	}

	@Override
	public boolean mayReadHistory(TaskStory.Subject subject, String viewer) {
		if (!DisciplineProcesses.CONFIDENTIAL.contains(subject.processKey())) {
			return true;
		}
		Long leadId = instances.ofInstance(subject.processInstanceId()).map(DisciplineInstance::leadId).orElse(null);
		return leadId != null && access.canRead(viewer, leadId);
	}

	@Override
	public void refused(TaskStory.Subject subject, String viewer) {
		if (DisciplineProcesses.CONFIDENTIAL.contains(subject.processKey())) {
			Optional<DisciplineInstance> instance = instances.ofInstance(subject.processInstanceId());
			audit.read(viewer, "READ_DENIED", instance.map(DisciplineInstance::leadId).orElse(null),
					instance.map(instances::ref).orElse(null), "task story " + subject.taskName());
		}
	}

}
