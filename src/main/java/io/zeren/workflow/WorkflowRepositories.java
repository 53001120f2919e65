package io.zeren.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface TaskDeadlineRepository extends Repository<TaskDeadline, Long> {

	/**
	 * Written out (not derived) because it runs for every task created, completed and reminded of: Hibernate 6.6
	 * translates a derived query's criteria tree again on every call, a string query once (performance.md, items
	 * 15 and 22).
	 */
	@Query("select d from TaskDeadline d where d.taskId = :taskId")
	Optional<TaskDeadline> findByTaskId(String taskId);

	TaskDeadline save(TaskDeadline deadline);

	/** Per owner: [username, unit, tasks, overdue tasks, highest level reached summed as escalated tasks]. */
	@Query("""
			select d.ownerUsername, d.ownerUnit, count(d),
			       sum(case when d.overdue = true or (d.closedAt is null and d.dueAt < :now) then 1 else 0 end),
			       sum(case when d.maxLevel > 0 then 1 else 0 end)
			from TaskDeadline d
			where d.createdAt >= :from and d.createdAt < :to
			  and (:unit is null or d.ownerUnit = :unit)
			  and (:owner is null or d.ownerUsername = :owner)
			  and d.processKey not in :hidden
			group by d.ownerUsername, d.ownerUnit
			order by d.ownerUnit, d.ownerUsername
			""")
	List<Object[]> statsByOwner(Instant from, Instant to, Instant now, String unit, String owner,
			java.util.Collection<String> hidden);

}

interface TaskEscalationRepository extends Repository<TaskEscalation, Long> {

	TaskEscalation save(TaskEscalation escalation);

	List<TaskEscalation> findByTaskIdOrderByEscalatedAtAsc(String taskId);

	Optional<TaskEscalation> findFirstByTaskIdAndLevelOrderByEscalatedAtDesc(String taskId, int level);

	boolean existsByTaskIdAndSupervisor(String taskId, String supervisor);

	long countByTaskIdAndLevel(String taskId, int level);

}

interface TaskUrgeRepository extends Repository<TaskUrge, Long> {

	TaskUrge save(TaskUrge urge);

	@Query("select max(u.urgedAt) from TaskUrge u where u.taskId = :taskId and u.urgedBy = :urgedBy")
	Instant lastUrge(String taskId, String urgedBy);

}

interface DelegationRepository extends Repository<Delegation, Long> {

	Delegation save(Delegation delegation);

	Optional<Delegation> findById(Long id);

	@Query("select d from Delegation d where d.ownerUsername = :owner and d.endedAt is null order by d.startsOn")
	List<Delegation> findOpenByOwner(String owner);

	@Query("select distinct d.ownerUsername from Delegation d where d.endedAt is null")
	List<String> openOwners();

	@Query("select d from Delegation d where d.endedAt is null order by d.startsOn")
	List<Delegation> findOpen();

	@Query("select d from Delegation d where (d.ownerUsername = :username or d.substitute = :username) order by d.createdAt desc")
	List<Delegation> findInvolving(String username);

}

interface PersonalTaskRepository extends Repository<PersonalTask, String> {

	PersonalTask save(PersonalTask task);

	@Query("select p from PersonalTask p where p.taskId = :taskId")
	Optional<PersonalTask> findByTaskId(String taskId);

	@org.springframework.data.jpa.repository.Modifying
	@Query("delete from PersonalTask p where p.taskId = :taskId")
	int deleteByTaskId(String taskId);

}
