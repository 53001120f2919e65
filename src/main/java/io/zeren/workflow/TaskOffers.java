package io.zeren.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.zeren.identity.SystemAuthentication;

/**
 * Announces a task that is offered and held by nobody (unit lists, committee, leadership, investigation): every
 * person who may claim it — its candidate users and the members of its candidate groups — gets one mail about it
 * ({@link TaskOffered}; the notification module keeps it to once per person and task, and holds it for the daily
 * digest of those who chose one). Substitutes covering absent people are told on whose behalf.
 */
@Component
class TaskOffers {

	private static final Logger log = LoggerFactory.getLogger(TaskOffers.class);

	/** Most people one offered task is announced to (a group larger than this is an organisation-wide role). */
	static final int MAX_RECIPIENTS = 500;

	private final IdentityService identity;

	private final SystemAuthentication system;

	private final ApplicationEventPublisher events;

	TaskOffers(IdentityService identity, SystemAuthentication system, ApplicationEventPublisher events) {
		this.identity = identity;
		this.system = system;
		this.events = events;
	}

	/** At the create event of a task nobody holds; {@code covers} are the substitutes it got for the absent. */
	void announce(DelegateTask task, boolean confidential, List<DelegationCover.Cover> covers) {
		TaskRef ref = new TaskRef(task.getId(), task.getName(), null, null,
				task.getDueDate() == null ? null : task.getDueDate().toInstant());
		// The substitutes first: the outbox keeps the first mail queued per person and task.
		for (DelegationCover.Cover cover : covers) {
			events.publishEvent(new TaskOffered(ref, List.of(cover.substitute()), confidential, cover.owner()));
		}
		Set<String> candidates = candidates(task.getCandidates());
		if (candidates.size() > MAX_RECIPIENTS) {
			log.warn("Task {} is offered to more than {} people: only the first {} are mailed", task.getId(),
					MAX_RECIPIENTS, MAX_RECIPIENTS);
		}
		if (!candidates.isEmpty()) {
			events.publishEvent(new TaskOffered(ref, candidates.stream().limit(MAX_RECIPIENTS).toList(), confidential,
					null));
		}
	}

	private Set<String> candidates(Iterable<? extends IdentityLink> links) {
		Set<String> people = new LinkedHashSet<>();
		for (IdentityLink link : links) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getUserId() != null) {
				people.add(link.getUserId());
			}
			else if (link.getGroupId() != null && people.size() <= MAX_RECIPIENTS) {
				system.call(() -> identity.createUserQuery()
					.memberOfGroup(link.getGroupId())
					.listPage(0, MAX_RECIPIENTS + 1))
					.stream()
					.map(User::getId)
					.forEach(people::add);
			}
		}
		return people;
	}

}
