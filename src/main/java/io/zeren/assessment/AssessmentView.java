package io.zeren.assessment;

import java.time.Instant;
import java.util.List;

/**
 * One person's assessment as the API shows it. Fields the caller may not see are null: the self-summary,
 * comments, votes and history only for the person, their unit head and the committee/leadership; who voted
 * what and who objected only for the committee and the leadership.
 */
public record AssessmentView(Long id, int year, String username, String fullName, String unitCode, String status,
		String selfSummary, VoteSummary votes, String headComment, Grade proposedGrade, Grade recommendedGrade,
		String recommendationBasis, Grade gradeCap, Grade committeeGrade, Grade decidedGrade, Grade finalGrade,
		Instant notifiedAt, Instant acknowledgedAt, Instant reviewDueAt, Instant archivedAt, List<Vote> voteDetails,
		List<Change> history, List<ObjectionView> objections, List<ReviewView> reviews) {

	/** The democratic evaluation in numbers. */
	public record VoteSummary(int peers, int required, int cast, int excellent, int competent, int basicallyCompetent,
			int incompetent) {
	}

	public record Vote(String voter, Grade grade, String remark, Instant votedAt) {
	}

	public record Change(String stage, Grade from, Grade to, String by, Instant at, String reason) {
	}

	public record ObjectionView(Long id, String filedBy, String reason, Instant filedAt, String status, Grade newGrade,
			String resolvedBy, Instant resolvedAt, String resolutionNote) {
	}

	public record ReviewView(String kind, String requestedBy, String reason, Instant requestedAt, String outcome,
			Grade newGrade, String decidedBy, Instant decidedAt, String decisionNote) {
	}

}
