package io.zeren.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AssessmentRepository extends Repository<Assessment, Long> {

	Assessment save(Assessment assessment);

	Optional<Assessment> findById(Long id);

	Optional<Assessment> findByYearAndUsername(int year, String username);

	List<Assessment> findByYearAndUnitCodeOrderByUsername(int year, String unitCode);

	List<Assessment> findByUsernameOrderByYearDesc(String username);

	@Query("""
			select a from Assessment a
			where (:year is null or a.year = :year)
			  and (:unit is null or a.unitCode = :unit)
			  and (:username is null or a.username = :username)
			order by a.year desc, a.unitCode, a.username
			""")
	List<Assessment> search(Integer year, String unit, String username);

}

interface UnitReviewRepository extends Repository<UnitReview, Long> {

	UnitReview save(UnitReview review);

	Optional<UnitReview> findByYearAndUnitCode(int year, String unitCode);

	List<UnitReview> findByYearAndStatusIn(int year, Collection<UnitReview.Status> statuses);

	List<UnitReview> findByStatusOrderByYearDescUnitCodeAsc(UnitReview.Status status);

}

interface PeerVoteRepository extends Repository<PeerVote, Long> {

	PeerVote save(PeerVote vote);

	List<PeerVote> findByAssessmentIdOrderByVotedAt(Long assessmentId);

	boolean existsByAssessmentIdAndVoter(Long assessmentId, String voter);

}

interface GradeChangeRepository extends Repository<GradeChange, Long> {

	GradeChange save(GradeChange change);

	List<GradeChange> findByAssessmentIdOrderByChangedAtAscIdAsc(Long assessmentId);

}

interface PublicityObjectionRepository extends Repository<PublicityObjection, Long> {

	PublicityObjection save(PublicityObjection objection);

	Optional<PublicityObjection> findById(Long id);

	List<PublicityObjection> findByAssessmentIdOrderByFiledAt(Long assessmentId);

	List<PublicityObjection> findByFiledByOrderByFiledAtDesc(String filedBy);

	@Query("""
			select o from PublicityObjection o, Assessment a
			where o.assessmentId = a.id and a.year = :year and a.unitCode = :unit and o.status = :status
			order by o.filedAt, o.id
			""")
	List<PublicityObjection> findInUnit(int year, String unit, PublicityObjection.Status status);

}

interface ReviewRequestRepository extends Repository<ReviewRequest, Long> {

	ReviewRequest save(ReviewRequest request);

	Optional<ReviewRequest> findByAssessmentIdAndKind(Long assessmentId, ReviewRequest.Kind kind);

	List<ReviewRequest> findByAssessmentIdOrderByRequestedAt(Long assessmentId);

}

interface FollowUpRepository extends Repository<FollowUp, Long> {

	FollowUp save(FollowUp followUp);

	boolean existsByUsernameAndYearAndKind(String username, int year, FollowUp.Kind kind);

	@Query("""
			select f from FollowUp f
			where (:username is null or f.username = :username)
			  and (:year is null or f.year = :year)
			  and (:kind is null or f.kind = :kind)
			order by f.year desc, f.username
			""")
	List<FollowUp> search(String username, Integer year, FollowUp.Kind kind);

}
