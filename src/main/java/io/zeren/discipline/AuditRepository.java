package io.zeren.discipline;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Append-only: save and query, no update or delete methods. */
interface AuditRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	@Query("""
			select a from AuditEntry a
			where (:leadId is null or a.leadId = :leadId)
			  and (:actor is null or a.actor = :actor)
			  and (:action is null or a.action = :action)
			  and a.at >= :from and a.at < :to
			order by a.at desc, a.id desc""")
	Page<AuditEntry> search(@Param("leadId") Long leadId, @Param("actor") String actor, @Param("action") String action,
			@Param("from") Instant from, @Param("to") Instant to, Pageable page);

	long countByLeadIdAndAction(Long leadId, String action);

}
