package io.zeren.responsibility;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

// The queries this module needs, one repository per table.

interface CycleRepository extends Repository<Cycle, Long> {

	Cycle save(Cycle cycle);

	Cycle saveAndFlush(Cycle cycle);

	Optional<Cycle> findById(Long id);

	Optional<Cycle> findByYear(int year);

	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Cycle c where c.id = ?1")
	Optional<Cycle> findForUpdate(Long id);

	boolean existsByYear(int year);

	List<Cycle> findAllByOrderByYearDesc();

}

interface ItemRepository extends Repository<Item, Long> {

	Item save(Item item);

	Optional<Item> findById(Long id);

	List<Item> findByOwnerKindAndOwnerIdOrderBySortNo(Item.Owner kind, Long ownerId);

	void deleteByOwnerKindAndOwnerId(Item.Owner kind, Long ownerId);

}

interface UnitListRepository extends Repository<UnitList, Long> {

	UnitList save(UnitList list);

	Optional<UnitList> findByCycleIdAndUnitCode(Long cycleId, String unitCode);

	@Query("select u.unitCode from UnitList u where u.cycleId = ?1")
	List<String> unitCodesOf(Long cycleId);

	List<UnitList> findByCycleIdOrderByUnitCode(Long cycleId);

	@Query("select count(u) from UnitList u where u.cycleId = ?1 and u.confirmedAt is null")
	long countOpen(Long cycleId);

}

interface PersonalListRepository extends Repository<PersonalList, Long> {

	PersonalList save(PersonalList list);

	Optional<PersonalList> findById(Long id);

	Optional<PersonalList> findByCycleIdAndUsername(Long cycleId, String username);

	boolean existsByCycleIdAndUsername(Long cycleId, String username);

	List<PersonalList> findByCycleIdOrderByUsername(Long cycleId);

	List<PersonalList> findByUsernameOrderByCycleIdDesc(String username);

	long countByCycleId(Long cycleId);

	long countByCycleIdAndState(Long cycleId, PersonalList.State state);

	@Query("select p.username from PersonalList p where p.cycleId = ?1")
	List<String> usernamesIn(Long cycleId);

	@Query("select p.username from PersonalList p where p.cycleId = ?1 and p.username in ?2")
	List<String> usernamesAmong(Long cycleId, java.util.Collection<String> usernames);

}

interface ObjectionRepository extends Repository<Objection, Long> {

	Objection save(Objection objection);

	List<Objection> findByListIdOrderByRaisedAt(Long listId);

}

interface EvidenceRepository extends Repository<Evidence, Long> {

	Evidence save(Evidence evidence);

	Evidence saveAndFlush(Evidence evidence);

	Optional<Evidence> findById(Long id);

	List<Evidence> findByListIdOrderByOccurredOn(Long listId);

	@Query("select count(e) from Evidence e, PersonalList p where e.listId = p.id and p.cycleId = ?1")
	long countInCycle(Long cycleId);

}

interface CheckRepository extends Repository<QuarterlyCheck, Long> {

	QuarterlyCheck save(QuarterlyCheck check);

	List<QuarterlyCheck> findByListIdOrderByQuarter(Long listId);

}

interface KickOffRepository extends Repository<KickOffStatus, Long> {

	KickOffStatus save(KickOffStatus status);

	Optional<KickOffStatus> findById(Long cycleId);

	/** Batch jobs of one kick-off update the row in parallel: select for update. */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@Query("select k from KickOffStatus k where k.cycleId = ?1")
	Optional<KickOffStatus> findForUpdate(Long cycleId);

}

interface EvidenceFileRepository extends Repository<EvidenceFile, Long> {

	EvidenceFile save(EvidenceFile file);

	Optional<EvidenceFile> findById(Long id);

	List<EvidenceFile> findByEvidenceIdInOrderById(java.util.Collection<Long> evidenceIds);

}
