package io.zeren.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param initialPassword password for staff accounts created by the sync; blank gives each a random one
 */
@ConfigurationProperties("zeren.identity")
record IdentityProperties(String initialPassword) {
}
