package io.zeren.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link LoginThrottle} in front of the engine's password check. Every door that checks a password (our
 * Basic authentication, the webapps' login form, {@code /engine-rest/identity/verify}) ends in the identity
 * provider's {@code checkPassword}; the engine has no public hook there, so this plugin replaces the provider's
 * session factory with one whose provider asks the throttle first.
 * <p>
 * The replacement also never touches the engine's own lock-out (attempt counter and lock expiry of ACT_ID_USER):
 * Camunda locks an account for good after {@code loginMaxAttempts} wrong passwords from anybody. The generic
 * properties {@code login-max-attempts} / {@code login-delay-base} in application.yaml switch it off as well, should
 * this plugin ever be removed.
 */
@Component
class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<LoginThrottle> throttle;

	IdentityEnginePlugin(ObjectProvider<LoginThrottle> throttle) {
		this.throttle = throttle;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getIdentityProviderSessionFactory() != null) {
			// Another identity provider (LDAP, ...) is configured: its checks do not go through the database.
			throw new IllegalStateException("Zeren's login throttle expects the engine's database identity provider, "
					+ "but another one is configured: " + configuration.getIdentityProviderSessionFactory());
		}
		configuration.setIdentityProviderSessionFactory(new ThrottledProviderFactory(throttle));
	}

	/** Opens one provider per engine command, as the engine's default factory does. */
	private record ThrottledProviderFactory(ObjectProvider<LoginThrottle> throttle) implements SessionFactory {

		@Override
		public Class<?> getSessionType() {
			// Registered for ReadOnlyIdentityProvider and, being writable, for WritableIdentityProvider too.
			return ThrottledIdentityProvider.class;
		}

		@Override
		public Session openSession() {
			return new ThrottledIdentityProvider(throttle.getObject());
		}

	}

	/** The engine's database identity, with the throttle around the password comparison and no lock-out. */
	static final class ThrottledIdentityProvider extends DbIdentityServiceProvider {

		private final LoginThrottle throttle;

		ThrottledIdentityProvider(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		public boolean checkPassword(String userId, String password) {
			if (userId == null || password == null) {
				return false;
			}
			return throttle.check(userId, () -> {
				UserEntity user = findUserById(userId);
				return user != null && matchPassword(password, user);
			});
		}

	}

}
