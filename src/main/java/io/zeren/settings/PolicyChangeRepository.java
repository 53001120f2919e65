package io.zeren.settings;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface PolicyChangeRepository extends Repository<PolicyChange, Long> {

	PolicyChange save(PolicyChange change);

	List<PolicyChange> findAllByOrderByChangedAtDescIdDesc(Pageable page);

}
