package io.zeren.discipline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DisciplineInstanceRepository extends JpaRepository<DisciplineInstance, String> {

	List<DisciplineInstance> findByLeadIdAndProcessKey(Long leadId, String processKey);

	boolean existsByAddressee(String addressee);

	List<DisciplineInstance> findBySanctionIdAndProcessKey(Long sanctionId, String processKey);

	List<DisciplineInstance> findByCaseIdAndProcessKey(Long caseId, String processKey);

	List<DisciplineInstance> findByMatterIdAndProcessKey(Long matterId, String processKey);

}
