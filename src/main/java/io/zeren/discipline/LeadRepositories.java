package io.zeren.discipline;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface LeadRepository extends Repository<Lead, Long> {

	Lead save(Lead lead);

	Optional<Lead> findById(Long id);

	Optional<Lead> findByLeadNumber(String leadNumber);

	boolean existsBySubjectUsernameAndInformantUsername(String subjectUsername, String informantUsername);

	Optional<Lead> findBySourceAndSourceRef(LeadSource source, String sourceRef);

	@Query("""
			select l from Lead l
			where (:status is null or l.status = :status)
			  and (:source is null or l.source = :source)
			  and (:year is null or l.leadYear = :year)
			  and (:all = true or l.id in :ids)
			order by l.registeredAt desc, l.id desc""")
	List<Lead> search(@Param("status") LeadStatus status, @Param("source") LeadSource source,
			@Param("year") Integer year, @Param("all") boolean all, @Param("ids") Collection<Long> ids);

}

interface LeadEntryRepository extends Repository<LeadEntry, Long> {

	LeadEntry save(LeadEntry entry);

	List<LeadEntry> findByLeadIdOrderByAtAscIdAsc(Long leadId);

}
