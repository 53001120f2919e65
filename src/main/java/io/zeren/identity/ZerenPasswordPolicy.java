package io.zeren.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * Camunda's password policy shape (length, lower case, upper case, digit, special character, no user data) with
 * Zeren's numbers from configuration. The rules keep Camunda's placeholder keys and parameter names, which the
 * Welcome and Admin apps translate from their locale files (PASSWORD_POLICY_LENGTH = "至少 {{minLength}} 个字符", ...);
 * REST refusals get the same rules as a Chinese sentence from {@link PasswordPolicyFilter}. Rules with a number of
 * 0 are left out.
 */
final class ZerenPasswordPolicy implements PasswordPolicy {

	static final String LENGTH = "PASSWORD_POLICY_LENGTH";

	static final String LOWERCASE = "PASSWORD_POLICY_LOWERCASE";

	static final String UPPERCASE = "PASSWORD_POLICY_UPPERCASE";

	static final String DIGIT = "PASSWORD_POLICY_DIGIT";

	static final String SPECIAL = "PASSWORD_POLICY_SPECIAL";

	static final String USER_DATA = "PASSWORD_POLICY_USER_DATA";

	/** Camunda's set: ASCII punctuation and the space. */
	private static final String SPECIAL_CHARACTERS = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

	private final List<PasswordPolicyRule> rules;

	ZerenPasswordPolicy(PasswordProperties properties) {
		List<PasswordPolicyRule> list = new ArrayList<>();
		if (properties.forbidUserData()) {
			list.add(new UserDataRule());
		}
		add(list, LENGTH, "minLength", properties.minLength(), c -> true);
		add(list, LOWERCASE, "minLowerCase", properties.minLowerCase(), Character::isLowerCase);
		add(list, UPPERCASE, "minUpperCase", properties.minUpperCase(), Character::isUpperCase);
		add(list, DIGIT, "minDigit", properties.minDigit(), Character::isDigit);
		add(list, SPECIAL, "minSpecial", properties.minSpecial(), c -> SPECIAL_CHARACTERS.indexOf(c) >= 0);
		this.rules = List.copyOf(list);
	}

	@Override
	public List<PasswordPolicyRule> getRules() {
		return rules;
	}

	private static void add(List<PasswordPolicyRule> list, String placeholder, String parameter, int min,
			IntPredicate counts) {
		if (min > 0) {
			list.add(new CountRule(placeholder, parameter, min, counts));
		}
	}

	/** At least {@code min} code points that {@code counts}. */
	private record CountRule(String placeholder, String parameter, int min, IntPredicate counts)
			implements PasswordPolicyRule {

		@Override
		public String getPlaceholder() {
			return placeholder;
		}

		@Override
		public Map<String, String> getParameters() {
			return Map.of(parameter, Integer.toString(min));
		}

		@Override
		public boolean execute(String password) {
			return password != null && password.codePoints().filter(counts).count() >= min;
		}

	}

	/** The password must not contain the user name, the name or the mail address (ignoring case). */
	private static final class UserDataRule implements PasswordPolicyRule {

		@Override
		public String getPlaceholder() {
			return USER_DATA;
		}

		@Override
		public Map<String, String> getParameters() {
			return Map.of();
		}

		@Override
		public boolean execute(String password) {
			return true;
		}

		@Override
		public boolean execute(String password, User user) {
			if (password == null || user == null) {
				return true;
			}
			String candidate = password.toLowerCase(Locale.ROOT);
			return Stream.of(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail())
				.filter(value -> value != null && !value.isBlank())
				.noneMatch(value -> candidate.contains(value.toLowerCase(Locale.ROOT)));
		}

	}

}
