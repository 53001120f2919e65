package io.zeren.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UnitRepository extends Repository<OrgUnit, Long> {

	@Query("select u from OrgUnit u left join fetch u.parent left join fetch u.head order by u.sortNo, u.code")
	List<OrgUnit> findAllWithParentAndHead();

	@Query("select u from OrgUnit u left join fetch u.parent left join fetch u.head where u.code = :code")
	Optional<OrgUnit> findByCode(String code);

	@Query("select u.code from OrgUnit u where u.parent.code = :parentCode and u.active = true")
	List<String> findActiveChildCodes(String parentCode);

	@Query("select u from OrgUnit u left join fetch u.head where u.parent is null and u.active = true order by u.sortNo, u.code")
	List<OrgUnit> findActiveRoots();

	OrgUnit save(OrgUnit unit);

}
