package io.zeren.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.zeren.shared.TaskStory;

/**
 * The 业务详情 tab of an annual-assessment task: the person's assessment sheet — self-summary, the democratic
 * evaluation in numbers, the head's comment and proposed grade, the recommended grade and its basis, the grades
 * decided since — through the same read rule as the API ({@link Assessments#search}: the person, the heads of their
 * unit, the committee and the leadership; fields they may not see stay empty). A peer evaluating a colleague has the
 * colleague's self-summary on the evaluation form and no sheet here.
 */
@Component
class AssessmentStorySource implements TaskStory.Source {

	static final int ORDER = 20;

	private final Assessments assessments;

	private final AssessmentAccess access;

	AssessmentStorySource(Assessments assessments, AssessmentAccess access) {
		this.assessments = assessments;
		this.access = access;
	}

	@Override
	public Optional<TaskStory> storyOf(TaskStory.Subject subject, String viewer, Set<String> groups) {
		if (!AnnualAssessmentProcess.KEY.equals(subject.processKey()) || subject.person().isEmpty()
				|| subject.year().isEmpty()) {
			return Optional.empty();
		}
		List<AssessmentView> found;
		try {
			found = assessments.search(access.viewer(viewer, groups), subject.year().get(), null, subject.person().get());
		}
		catch (AccessDeniedException notTheirs) {
			return Optional.empty();
		}
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> model = new HashMap<>();
		model.put("sheet", found.get(0));
		return Optional.of(new TaskStory(ORDER, "assessment/story", "sheet", model));
	}

}
