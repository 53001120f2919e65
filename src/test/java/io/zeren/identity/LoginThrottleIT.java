package io.zeren.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.zeren.support.ApiClient;
import io.zeren.support.WebappSession;
import io.zeren.support.MutableClock;

/**
 * Finding 10: wrong passwords never lock an account for good. The source of a request is its remote address, here
 * set through X-Forwarded-For (Tomcat's RemoteIpValve trusts the loopback test client, as it would a proxy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.forward-headers-strategy=native", "zeren.security.login.source-failures=12",
				"zeren.security.login.account-failures=15" })
class LoginThrottleIT {

	static final Instant START = Instant.parse("2026-12-07T08:00:00Z");

	@TestConfiguration
	static class Clocks {

		@Bean
		MutableClock clock() {
			return new MutableClock(START);
		}

	}

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MutableClock clock;

	@Autowired
	SecurityAudit audit;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldThrottleOnlyTheAttackingSourceAndNeverLockTheAccount() {
		String attacker = "203.0.113.7";
		List<HttpStatus> answers = new java.util.ArrayList<>();
		ResponseEntity<String> last = null;
		for (int i = 0; i < 20; i++) {
			last = basic("admin", "guess-" + i, attacker);
			answers.add(HttpStatus.valueOf(last.getStatusCode().value()));
		}

		// Five wrong passwords are checked; from then on the pair waits without its passwords being compared.
		assertThat(answers.subList(0, 5)).containsOnly(HttpStatus.UNAUTHORIZED);
		assertThat(answers.subList(5, 20)).containsOnly(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(last.getBody()).contains("登录尝试过于频繁，请于 1 分钟后再试");
		assertThat(last.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(last.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
		// Throttling holds even for the right password from the attacking source ...
		assertThat(basic("admin", ApiClient.ADMIN_PASSWORD, attacker).getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// ... and at the webapps' login form from there, with the sentence its login page shows.
		WebappSession form = webappLogin("admin", ApiClient.ADMIN_PASSWORD, attacker);
		assertThat(form.response().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(form.get("/login?error").getBody()).contains("登录尝试过于频繁，请于 1 分钟后再试");

		// The admin at another workstation is not affected, through either door.
		ResponseEntity<String> elsewhere = basic("admin", ApiClient.ADMIN_PASSWORD, "198.51.100.2");
		assertThat(elsewhere.getStatusCode()).as(elsewhere.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(webappLogin("admin", ApiClient.ADMIN_PASSWORD, "198.51.100.3").response().getStatusCode())
			.isEqualTo(HttpStatus.OK);
		// The engine never counted or locked anything: no admin has to unlock the account.
		Map<String, Object> row = jdbc.queryForMap("select coalesce(ATTEMPTS_, 0) as ATTEMPTS_, LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = 'admin'");
		assertThat(((Number) row.get("ATTEMPTS_")).intValue()).isZero();
		assertThat(row.get("LOCK_EXP_TIME_")).isNull();

		assertThat(audit.search(null, LoginThrottle.FAILED, Instant.EPOCH, Instant.now().plusSeconds(60), PageRequest.of(0, 50)).getContent())
			.filteredOn(entry -> "admin".equals(entry.getTarget()) && attacker.equals(entry.getSource()))
			.hasSize(5);
		assertThat(audit.search(null, LoginThrottle.THROTTLED, Instant.EPOCH, Instant.now().plusSeconds(60), PageRequest.of(0, 50)).getContent())
			.filteredOn(entry -> "admin".equals(entry.getTarget()) && attacker.equals(entry.getSource()))
			.isNotEmpty();

		// After the window the attacking workstation may log in again, if it knows the password.
		clock.advance(Duration.ofMinutes(16));
		assertThat(basic("admin", ApiClient.ADMIN_PASSWORD, attacker).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldThrottleASourceThatGuessesManyAccountsButNotTheAccountsUsedThere() {
		String office = "192.0.2.50";
		assertThat(basic("wangjianguo", ApiClient.DEMO_PASSWORD, office).getStatusCode()).isEqualTo(HttpStatus.OK);
		for (int i = 0; i < 12; i++) {
			assertThat(basic("ghost" + i, "guess", office).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}

		ResponseEntity<String> newcomer = basic("lina", ApiClient.DEMO_PASSWORD, office);
		assertThat(newcomer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(newcomer.getBody()).contains("请于 15 分钟后再试");
		assertThat(basic("wangjianguo", ApiClient.DEMO_PASSWORD, office).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(basic("lina", ApiClient.DEMO_PASSWORD, "192.0.2.51").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldDelayAnAccountUnderAttackFromEverywhereOnlyForMinutesAndNotAtItsOwnersDesk() {
		String desk = "10.20.30.40";
		assertThat(basic("chenjing", ApiClient.DEMO_PASSWORD, desk).getStatusCode()).isEqualTo(HttpStatus.OK);
		for (int i = 0; i < 15; i++) {
			assertThat(basic("chenjing", "guess", "198.18.0." + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}

		assertThat(basic("chenjing", ApiClient.DEMO_PASSWORD, "198.18.1.1").getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(basic("chenjing", ApiClient.DEMO_PASSWORD, desk).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(jdbc.queryForObject("select coalesce(ATTEMPTS_, 0) from ACT_ID_USER where ID_ = 'chenjing'", Integer.class)).isZero();

		clock.advance(Duration.ofMinutes(6));
		assertThat(basic("chenjing", ApiClient.DEMO_PASSWORD, "198.18.1.1").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private ResponseEntity<String> basic(String username, String password, String source) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(username, password);
		headers.set("X-Forwarded-For", source);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return rest.exchange("/engine-rest/user/" + username + "/profile", HttpMethod.GET, new HttpEntity<>(headers),
				String.class);
	}

	/** Zeren's login page (the one login of the pages and the webapps), as the browser posts it, then Cockpit. */
	private WebappSession webappLogin(String username, String password, String source) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Forwarded-For", source);
		return WebappSession.login(rest, username, password, "cockpit", headers);
	}

}
