package io.zeren.discipline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ParticipantRepository extends JpaRepository<Participant, Long> {

	List<Participant> findByLeadIdAndUsername(Long leadId, String username);

	List<Participant> findByUsername(String username);

	List<Participant> findByLeadId(Long leadId);

	List<Participant> findByBasis(String basis);

	boolean existsByUsername(String username);

}
