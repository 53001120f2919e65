package io.zeren.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The password policy for passwords people choose (see {@link ZerenPasswordPolicy}).
 *
 * @param minLength fewest characters
 * @param minLowerCase fewest lower-case letters
 * @param minUpperCase fewest upper-case letters
 * @param minDigit fewest digits
 * @param minSpecial fewest special characters (punctuation and space)
 * @param forbidUserData refuse a password that contains the user name, name or mail address
 */
@ConfigurationProperties("zeren.security.password")
record PasswordProperties(@DefaultValue("10") int minLength, @DefaultValue("1") int minLowerCase,
		@DefaultValue("1") int minUpperCase, @DefaultValue("1") int minDigit, @DefaultValue("1") int minSpecial,
		@DefaultValue("true") boolean forbidUserData) {
}
