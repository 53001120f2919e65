package io.zeren.notification;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MailPreferenceRepository extends Repository<MailPreference, Long> {

	Optional<MailPreference> findByUsername(String username);

	/** Asked for every mail queued; written out so Hibernate translates it once (see OutboxRepository). */
	@Query("select case when count(p) > 0 then true else false end from MailPreference p "
			+ "where p.username = :username and p.digest = true")
	boolean existsByUsernameAndDigestTrue(String username);

	MailPreference save(MailPreference preference);

}
