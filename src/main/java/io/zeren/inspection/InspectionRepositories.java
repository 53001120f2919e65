package io.zeren.inspection;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface InspectionRepository extends Repository<Inspection, Long> {

	Inspection save(Inspection inspection);

	Optional<Inspection> findById(Long id);

	@Query("select i from Inspection i where (:year is null or i.year = :year) order by i.year desc, i.unitCode, i.id")
	List<Inspection> findAllOf(Integer year);

	@Query("""
			select i from Inspection i
			where (:year is null or i.year = :year) and i.unitCode in :units
			order by i.year desc, i.unitCode, i.id""")
	List<Inspection> findOfUnits(Integer year, Collection<String> units);

}

interface FindingRepository extends Repository<Finding, Long> {

	Finding save(Finding finding);

	Optional<Finding> findById(Long id);

	List<Finding> findByInspectionIdOrderById(Long inspectionId);

	List<Finding> findByIdIn(Collection<Long> ids);

}

interface RectificationRepository extends Repository<Rectification, Long> {

	Rectification save(Rectification rectification);

	Optional<Rectification> findById(Long findingId);

	List<Rectification> findByFindingIdIn(Collection<Long> findingIds);

	@Query("""
			select count(r) from Rectification r, Finding f
			where r.findingId = f.id and f.year = :year and r.responsible = :username
			  and (r.overdue = true or r.failed = true)""")
	long countFailedOrOverdue(String username, int year);

	@Query("""
			select count(r) from Rectification r, Finding f
			where r.findingId = f.id and f.inspectionId = :inspectionId
			  and r.state not in (io.zeren.inspection.Rectification.State.CLOSED,
			                      io.zeren.inspection.Rectification.State.CLOSED_FAILED)""")
	long countOpenOf(Long inspectionId);

	/** Everything when {@code all}; else what {@code username} answers for, is named in, or heads the unit of. */
	@Query("""
			select r from Rectification r, Finding f
			where r.findingId = f.id and (:year is null or f.year = :year)
			  and (:all = true or r.responsible = :username or f.personUsername = :username or f.unitCode in :units)
			order by f.year desc, f.id""")
	List<Rectification> findVisible(Integer year, boolean all, String username, Set<String> units);

}

interface SelfReportRepository extends Repository<SelfReport, Long> {

	SelfReport save(SelfReport report);

	Optional<SelfReport> findById(Long id);

	@Query("select r.username from SelfReport r where r.year = :year")
	Set<String> usernamesOf(int year);

	@Query("""
			select r from SelfReport r
			where r.year = :year and (:all = true or r.username = :username or r.unitCode in :units)
			order by r.unitCode, r.username""")
	List<SelfReport> findVisible(int year, boolean all, String username, Set<String> units);

}
