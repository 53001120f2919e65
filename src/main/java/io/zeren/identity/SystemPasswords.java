package io.zeren.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * Saves an account whose password the system sets (the configured initial password of staff accounts), past the
 * password policy that binds what people choose. Camunda 7.24 offers {@code saveUser(user, skipPasswordPolicy)} only
 * on its IdentityServiceImpl, not on the IdentityService interface.
 */
final class SystemPasswords {

	private SystemPasswords() {
	}

	static void save(IdentityService identity, User user) {
		if (identity instanceof IdentityServiceImpl engine) {
			engine.saveUser(user, true);
		}
		else {
			identity.saveUser(user);
		}
	}

}
