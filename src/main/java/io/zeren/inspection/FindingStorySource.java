package io.zeren.inspection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.shared.TaskStory;

/**
 * The 业务详情 tab: for a rectification task, the finding with its requirement, plan, evidence and verifications; for
 * a task about a person's year (their list, their assessment), the findings they answer for or are named in that
 * year, so that the head proposing a grade sees them.
 */
@Component
class FindingStorySource implements TaskStory.Source {

	static final int ORDER = 30;

	private final Rectifications rectifications;

	FindingStorySource(Rectifications rectifications) {
		this.rectifications = rectifications;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TaskStory> storyOf(TaskStory.Subject subject, String viewer, Set<String> groups) {
		List<Rectification.RectificationView> shown;
		boolean one = RectificationProcess.KEY.equals(subject.processKey());
		if (one) {
			shown = findingId(subject.businessKey()).flatMap(rectifications::ofFinding).map(List::of).orElse(List.of());
		}
		else if (subject.person().isPresent() && subject.year().isPresent()) {
			shown = rectifications.ofPerson(subject.person().get(), subject.year().get());
		}
		else {
			return Optional.empty();
		}
		if (shown.isEmpty() && one) {
			return Optional.empty();
		}
		return Optional.of(new TaskStory(ORDER, "inspection/story", "findings", Map.of("findings", shown,
				"single", one)));
	}

	private static Optional<Long> findingId(String businessKey) {
		try {
			return Optional.of(Long.valueOf(businessKey));
		}
		catch (NumberFormatException | NullPointerException notAFinding) {
			return Optional.empty();
		}
	}

}
