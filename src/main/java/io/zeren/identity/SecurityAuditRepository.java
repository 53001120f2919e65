package io.zeren.identity;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SecurityAuditRepository extends JpaRepository<SecurityAuditEntry, Long> {

	@Query("select e from SecurityAuditEntry e where (:actor is null or e.actor = :actor) "
			+ "and (:action is null or e.action = :action) and e.at >= :from and e.at < :to order by e.at desc, e.id desc")
	Page<SecurityAuditEntry> search(@Param("actor") String actor, @Param("action") String action,
			@Param("from") Instant from, @Param("to") Instant to, Pageable page);

	@Query("select distinct e.action from SecurityAuditEntry e order by e.action")
	java.util.List<String> findActions();

}
