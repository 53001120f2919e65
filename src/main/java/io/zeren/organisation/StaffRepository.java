package io.zeren.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface StaffRepository extends Repository<Staff, Long> {

	@Query("select s from Staff s join fetch s.unit")
	List<Staff> findAllWithUnit();

	@Query("select s from Staff s join fetch s.unit where s.username = :username")
	Optional<Staff> findByUsername(String username);

	@Query("select s from Staff s join fetch s.unit u where u.code in :unitCodes and s.active = true order by u.sortNo, s.username")
	List<Staff> findActiveInUnits(Collection<String> unitCodes);

	@Query(value = """
			select s from Staff s join fetch s.unit u
			where (:unitCode is null or u.code = :unitCode)
			  and (:text is null or lower(s.username) like :text or s.fullName like :text)
			  and (:includeInactive = true or s.active = true)
			""", countQuery = """
			select count(s) from Staff s join s.unit u
			where (:unitCode is null or u.code = :unitCode)
			  and (:text is null or lower(s.username) like :text or s.fullName like :text)
			  and (:includeInactive = true or s.active = true)
			""")
	Page<Staff> search(String unitCode, String text, boolean includeInactive, Pageable pageable);

	/** Keyset page of active staff by username (no offset, no count: constant cost per page at any size). */
	@Query("select s from Staff s join fetch s.unit where s.active = true and (:after is null or s.username > :after) order by s.username")
	List<Staff> findActiveAfter(String after, org.springframework.data.domain.Limit limit);

	@Query("select s.username, u.code from Staff s join s.unit u where s.active = true")
	List<Object[]> activeUsernamesAndUnitCodes();

	long countByActiveTrue();

	Staff save(Staff staff);

}
