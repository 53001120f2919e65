package io.zeren.assessment;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The peers of a person as the multi-instance collection: {@code ${assessmentPeers.of(assessmentId)}}. Public,
 * because the expression language calls only public methods of public classes.
 */
@Component("assessmentPeers")
public class AssessmentPeers {

	private final Assessments assessments;

	AssessmentPeers(Assessments assessments) {
		this.assessments = assessments;
	}

	public List<String> of(Number assessmentId) {
		return assessments.peersOf(assessmentId.longValue());
	}

}
