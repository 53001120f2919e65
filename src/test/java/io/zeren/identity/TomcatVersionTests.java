package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.apache.catalina.util.ServerInfo;
import org.junit.jupiter.api.Test;

/**
 * Finding 15 of the hostile-insider review: Spring Boot 3.5.5 shipped Tomcat 10.1.44, which leaves multipart temp
 * files behind on failed uploads (CVE-2025-61795, fixed in 10.1.47). Guards the upgrade against a downgrade.
 */
class TomcatVersionTests {

	@Test
	void shouldRunATomcatWithTheMultipartTempFileFix() {
		int[] version = Arrays.stream(ServerInfo.getServerNumber().split("\\.")).limit(3).mapToInt(Integer::parseInt)
			.toArray();
		assertThat(version[0]).isEqualTo(10);
		assertThat(version[1] > 1 || (version[1] == 1 && version[2] >= 47)).as(ServerInfo.getServerNumber()).isTrue();
	}

}
