package io.zeren.discipline;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AccountabilityMatterRepository extends Repository<AccountabilityMatter, Long> {

	AccountabilityMatter save(AccountabilityMatter matter);

	AccountabilityMatter saveAndFlush(AccountabilityMatter matter);

	Optional<AccountabilityMatter> findById(Long id);

	Optional<AccountabilityMatter> findByNumber(String number);

	Optional<AccountabilityMatter> findByOpenKey(String openKey);

	@Query("""
			select m from AccountabilityMatter m
			where (:year is null or m.year = :year) and (:unitCode is null or m.unitCode = :unitCode)
			order by m.openedAt desc, m.id desc""")
	List<AccountabilityMatter> search(Integer year, String unitCode);

}

interface AccountabilityGroundRepository extends Repository<AccountabilityGroundEvent, Long> {

	AccountabilityGroundEvent saveAndFlush(AccountabilityGroundEvent ground);

	boolean existsByGroundKindAndSourceRef(AccountabilityGround kind, String sourceRef);

	@Query("""
			select g from AccountabilityGroundEvent g
			where g.groundKind = :kind and g.unitCode = :unitCode and g.year = :year and g.accountabilityId is null
			order by g.occurredAt, g.id""")
	List<AccountabilityGroundEvent> pending(AccountabilityGround kind, String unitCode, int year);

	List<AccountabilityGroundEvent> findByAccountabilityIdOrderByOccurredAtAscIdAsc(Long accountabilityId);

}

/** The decisions delivered to one leader (index zr_dis_acct_ldr_user_ix: the home page's card). */
interface AccountableLeaderRepository extends Repository<AccountableLeader, Long> {

	@Query("""
			select l from AccountableLeader l
			where l.username = :username and l.deliveredAt is not null and l.deliveredAt >= :since
			order by l.deliveredAt desc""")
	List<AccountableLeader> deliveredTo(String username, java.time.Instant since);

}
