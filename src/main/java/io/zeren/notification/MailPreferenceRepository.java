package io.zeren.notification;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface MailPreferenceRepository extends Repository<MailPreference, Long> {

	Optional<MailPreference> findByUsername(String username);

	boolean existsByUsernameAndDigestTrue(String username);

	MailPreference save(MailPreference preference);

}
