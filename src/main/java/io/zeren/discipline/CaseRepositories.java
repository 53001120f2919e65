package io.zeren.discipline;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRepository extends JpaRepository<DisciplineCase, Long> {

	Optional<DisciplineCase> findByCaseNumber(String caseNumber);

	List<DisciplineCase> findByLeadId(Long leadId);

	List<DisciplineCase> findAllByOrderByCreatedAtDesc();

	List<DisciplineCase> findByLeadIdInOrderByCreatedAtDesc(Collection<Long> leadIds);

}

interface SanctionRepository extends JpaRepository<Sanction, Long> {

	List<Sanction> findByUsernameOrderByStartsAtDesc(String username);

	List<Sanction> findByCaseIdOrderById(Long caseId);

	/** The register of sanctions in force. */
	List<Sanction> findByStatusOrderByStartsAtDesc(SanctionStatus status);

	/** One person's sanctions in a status (index zr_dis_sanction_user_ix: the home page's card). */
	List<Sanction> findByUsernameAndStatusOrderByStartsAtDesc(String username, SanctionStatus status);

}
