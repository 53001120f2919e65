package io.zeren.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RoleRepository extends Repository<OrgRole, Long> {

	@Query("select r from OrgRole r join fetch r.ownerUnit order by r.code")
	List<OrgRole> findAllWithOwner();

	@Query("select r from OrgRole r join fetch r.ownerUnit where r.code = :code")
	Optional<OrgRole> findByCode(String code);

	OrgRole save(OrgRole role);

}
