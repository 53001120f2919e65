package io.zeren.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two chains. Our /api and the engine REST API: stateless HTTP Basic against Camunda's identity, with
 * changes to the organisation and the calendar reserved for administrators. Everything else (the Camunda
 * webapps) keeps Camunda's own session login and CSRF filter, which Spring Security must not duplicate.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, IdentityService identity, SecurityAudit audit,
			MessageSource messages, ObjectMapper json, @Value("${zeren.base-url}") String baseUrl,
			ApiAccessDeniedHandler refused) throws Exception {
		AuthenticationEntryPoint noChallenge = new JsonAuthenticationEntryPoint(messages, json);
		// Path patterns on the whole request path: the engine REST API is a Jersey servlet, not a Spring MVC one.
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/api/openapi", "/api/openapi/**", "/api/docs", "/api/docs/**").permitAll()
				// 三员分立: the system administrator runs the organisation, the calendar and the mail; the security
				// administrator assigns roles; the audit administrator reads the trails (docs/security.md).
				.requestMatchers(HttpMethod.PUT, "/api/roles/**").hasAuthority(GroupIds.SECURITY_ADMINS)
				.requestMatchers(HttpMethod.POST, "/api/roles/**").hasAuthority(GroupIds.SECURITY_ADMINS)
				.requestMatchers(HttpMethod.DELETE, "/api/roles/**").hasAuthority(GroupIds.SECURITY_ADMINS)
				.requestMatchers("/api/audit/**").hasAuthority(GroupIds.AUDIT_ADMINS)
				.requestMatchers("/api/organisation/**", "/api/identity/**").hasAuthority(GroupIds.SYSTEM_ADMINS)
				// The mail outbox shows everyone's mail addresses and subjects.
				.requestMatchers("/api/notifications/outbox", "/api/notifications/outbox/**")
				.hasAuthority(GroupIds.SYSTEM_ADMINS)
				.requestMatchers(HttpMethod.PUT, "/api/units/**", "/api/staff/**", "/api/calendar/**")
				.hasAuthority(GroupIds.SYSTEM_ADMINS)
				.requestMatchers(HttpMethod.POST, "/api/units/**", "/api/staff/**", "/api/calendar/**")
				.hasAuthority(GroupIds.SYSTEM_ADMINS)
				.requestMatchers(HttpMethod.DELETE, "/api/units/**", "/api/staff/**", "/api/calendar/**")
				.hasAuthority(GroupIds.SYSTEM_ADMINS)
				.anyRequest()
				.authenticated())
			// No WWW-Authenticate challenge: a browser never learns (and replays) a password from us.
			.httpBasic(basic -> basic.realmName("Zeren").authenticationEntryPoint(noChallenge))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(noChallenge).accessDeniedHandler(refused))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// No session cookie here, but browsers replay cached Basic credentials: CrossSiteGuard refuses state
			// changes another site's page sends (Origin / Sec-Fetch-Site), so no CSRF token is needed.
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new CrossSiteGuard(baseUrl, audit, messages, json), BasicAuthenticationFilter.class)
			.addFilterAfter(new CamundaAuthenticationFilter(identity), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard(ObjectMapper json) {
		FilterRegistrationBean<QueryExpressionGuard> registration = new FilterRegistrationBean<>(
				new QueryExpressionGuard(json));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * After Spring Security, which authenticates the engine REST door. On the webapp door the gate reads Camunda's
	 * session authentication itself, so its place among Camunda's own filters does not matter.
	 */
	@Bean
	FilterRegistrationBean<EngineApiGate> engineApiGate(SubmissionGuard submissions, SecurityAudit audit,
			MessageSource messages, ObjectMapper json,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
			Environment environment) {
		// A YAML list or a comma-separated value (ZEREN_SECURITY_INTEGRATION_RESOURCES=message,signal).
		List<String> integrationResources = Binder.get(environment)
			.bind("zeren.security.integration-resources", Bindable.listOf(String.class))
			.orElse(List.of());
		List<EngineApiRules.Rule> rules = new ArrayList<>(EngineApiRules.RULES);
		rules.addAll(EngineApiRules.integrationRules(integrationResources));
		FilterRegistrationBean<EngineApiGate> registration = new FilterRegistrationBean<>(
				new EngineApiGate(List.copyOf(rules), webappPath, submissions, audit, messages, json));
		registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*", webappPath + "/api/cockpit/*",
				webappPath + "/api/tasklist/*", webappPath + "/api/admin/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

	@Bean
	@Order(2)
	SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.authorizeHttpRequests(requests -> requests
			// Camunda's setup page creates an administrator (camunda-admin, which bypasses every authorization)
			// whenever that group has no member. Administrators are made by Zeren (SeparatedAdministrators), never here.
			.requestMatchers(paths.matcher("/camunda/api/admin/setup/**"), paths.matcher("/camunda/app/admin/*/setup/**"))
			.denyAll()
			.anyRequest()
			.permitAll())
			// The Camunda webapps authenticate and protect against CSRF themselves (CsrfPreventionFilter).
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.sessionManagement(session -> session.disable());
		return http.build();
	}

}
