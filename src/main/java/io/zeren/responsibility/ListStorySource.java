package io.zeren.responsibility;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.shared.TaskStory;

/**
 * The 业务详情 tab of a task about a person's year — their list's review, objection and checks, and the assessment
 * tasks that judge the year (self-summary, peers, the head's proposal): the person's responsibility list with its
 * items and the evidence recorded on each.
 */
@Component
class ListStorySource implements TaskStory.Source {

	static final int ORDER = 10;

	private final MyLists lists;

	ListStorySource(MyLists lists) {
		this.lists = lists;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TaskStory> storyOf(TaskStory.Subject subject, String viewer, Set<String> groups) {
		if (subject.person().isEmpty() || subject.year().isEmpty()) {
			return Optional.empty();
		}
		return lists.pageOf(subject.year().get(), subject.person().get(), viewer)
			.map(page -> new TaskStory(ORDER, "responsibility/story", "list",
					Map.of("page", page, "local", lists)));
	}

}
