package io.zeren.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;

import io.zeren.shared.Locales;
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

	private final ObjectProvider<MessageSource> messages;

	IdentityEnginePlugin(ObjectProvider<LoginThrottle> throttle, ObjectProvider<MessageSource> messages) {
		this.throttle = throttle;
		this.messages = messages;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getIdentityProviderSessionFactory() != null) {
			// Another identity provider (LDAP, ...) is configured: its checks do not go through the database.
			throw new IllegalStateException("Zeren's login throttle expects the engine's database identity provider, "
					+ "but another one is configured: " + configuration.getIdentityProviderSessionFactory());
		}
		configuration.setIdentityProviderSessionFactory(new ThrottledProviderFactory(throttle, messages));
	}

	/** Opens one provider per engine command, as the engine's default factory does. */
	private record ThrottledProviderFactory(ObjectProvider<LoginThrottle> throttle,
			ObjectProvider<MessageSource> messages) implements SessionFactory {

		@Override
		public Class<?> getSessionType() {
			// Registered for ReadOnlyIdentityProvider and, being writable, for WritableIdentityProvider too.
			return ThrottledIdentityProvider.class;
		}

		@Override
		public Session openSession() {
			return new ThrottledIdentityProvider(throttle.getObject(), messages.getObject());
		}

	}

	/**
	 * The engine's database identity, with the throttle around the password comparison and no lock-out, and the
	 * separation of duties (三员分立) kept whatever the door: the sentinel of camunda-admin never logs in, nobody else
	 * joins camunda-admin, and no account joins a second of the three administrators' groups.
	 */
	static final class ThrottledIdentityProvider extends DbIdentityServiceProvider {

		private static final java.util.Set<String> DUTIES = java.util.Set.of(GroupIds.SYSTEM_ADMINS,
				GroupIds.SECURITY_ADMINS, GroupIds.AUDIT_ADMINS);

		private final LoginThrottle throttle;

		private final MessageSource messages;

		ThrottledIdentityProvider(LoginThrottle throttle, MessageSource messages) {
			this.throttle = throttle;
			this.messages = messages;
		}

		@Override
		public IdentityOperationResult createMembership(String userId, String groupId) {
			if (GroupIds.ADMINS.equals(groupId) && !GroupIds.SENTINEL.equals(userId)) {
				throw refusal("security.duties.bypass", userId);
			}
			if (DUTIES.contains(groupId)) {
				for (org.camunda.bpm.engine.identity.Group held : createGroupQuery().groupMember(userId).list()) {
					if (DUTIES.contains(held.getId()) && !held.getId().equals(groupId)) {
						throw refusal("security.duties.second", userId, held.getName());
					}
				}
			}
			return super.createMembership(userId, groupId);
		}

		private BadUserRequestException refusal(String code, Object... args) {
			return new BadUserRequestException(messages.getMessage(code, args, Locales.current()));
		}

		@Override
		public boolean checkPassword(String userId, String password) {
			// camunda-admin's one member exists only to keep Camunda's setup page away; it never logs in.
			if (userId == null || password == null || GroupIds.SENTINEL.equals(userId)) {
				return false;
			}
			return throttle.check(userId, () -> {
				UserEntity user = findUserById(userId);
				return user != null && matchPassword(password, user);
			});
		}

	}

}
