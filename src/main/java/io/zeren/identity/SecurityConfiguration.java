package io.zeren.identity;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
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
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two chains. Our /api and the engine REST API: stateless HTTP Basic against Camunda's identity, with
 * changes to the organisation and the calendar reserved for administrators. Everything else (Zeren's pages and
 * the Camunda webapps): one session login on Zeren's login page, which the webapps take too.
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

	/**
	 * Zeren's pages and the Camunda webapps: one session login on Zeren's own page (form login against Camunda's
	 * identity, behind the login throttle). The webapps take that login through Camunda's container-based
	 * authentication ({@link WorkbenchLoginProvider}); their own login resource is closed, and their logout ends the
	 * one session (both). Zeren's pages carry Spring Security's CSRF token; the webapps keep Camunda's own CSRF
	 * filter, which Spring Security must not duplicate.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain webappChain(HttpSecurity http, MessageSource messages, ObjectMapper json,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
			org.springframework.context.ApplicationEventPublisher events,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") org.springframework.util.unit.DataSize maxRequest)
			throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher webappApi = paths.matcher(webappPath + "/api/**");
		RequestMatcher htmx = request -> request.getHeader("HX-Request") != null;
		AuthenticationEntryPoint toLoginPage = new LoginUrlAuthenticationEntryPoint(LoginPage.PATH);
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		// Come back after the login to the page asked for, never to an API call or a fragment.
		requestCache.setRequestMatcher(new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/**"),
				new NegatedRequestMatcher(new OrRequestMatcher(webappApi, htmx))));
		http.authorizeHttpRequests(requests -> requests
			// Camunda's setup page creates an administrator (camunda-admin, which bypasses every authorization)
			// whenever that group has no member. Administrators are made by Zeren (SeparatedAdministrators), never here.
			.requestMatchers(paths.matcher(webappPath + "/api/admin/setup/**"),
					paths.matcher(webappPath + "/app/admin/*/setup/**"))
			.denyAll()
			// One login: the webapps' own password form is closed; Zeren's login page is the only one.
			.requestMatchers(paths.matcher(webappPath + "/api/admin/auth/user/*/login/**"))
			.denyAll()
			.requestMatchers(paths.matcher(LoginPage.PATH), paths.matcher("/webjars/**"), paths.matcher("/css/**"),
					paths.matcher("/js/**"), paths.matcher("/img/**"), paths.matcher("/favicon.ico"),
					paths.matcher("/error"), paths.matcher("/actuator/health/**"))
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage(LoginPage.PATH)
				.defaultSuccessUrl("/", false)
				.failureHandler(new LoginFailureHandler()))
			.logout(logout -> logout
				.logoutRequestMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/logout"),
						new WebappLogoutRequest(paths.matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/logout"))))
				.logoutSuccessHandler((request, response, authentication) -> {
					if (request.getRequestURI().startsWith(webappPath + "/")) {
						// The webapps' logout call expects an empty success, then shows their login route, which
						// sends the browser to Zeren's login page (webapps' config.js).
						response.setStatus(HttpServletResponse.SC_OK);
					}
					else {
						response.sendRedirect(request.getContextPath() + LoginPage.PATH + "?logout");
					}
				}))
			.requestCache(cache -> cache.requestCache(requestCache))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(new JsonAuthenticationEntryPoint(messages, json), webappApi)
				.defaultAuthenticationEntryPointFor(htmxLogin(), htmx)
				.defaultAuthenticationEntryPointFor(toLoginPage, AnyRequestMatcher.INSTANCE)
				.accessDeniedHandler(new PageRefusalHandler(messages, events, maxRequest.toBytes())))
			// The webapps protect themselves against CSRF (Camunda's CsrfPreventionFilter); the logout above checks
			// their token itself (WebappLogoutRequest), since it runs before their filter.
			.csrf(csrf -> csrf.ignoringRequestMatchers(paths.matcher(webappPath + "/**")))
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
		return http.build();
	}

	/** An htmx request whose session ended: the whole page goes to the login page, not the fragment's target. */
	private static AuthenticationEntryPoint htmxLogin() {
		return (request, response, exception) -> {
			response.setHeader("HX-Redirect", request.getContextPath() + LoginPage.PATH);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		};
	}

	/**
	 * The Camunda webapps' logout ({@code POST /camunda/api/admin/auth/user/default/logout}) becomes Zeren's logout
	 * (the one session ends, not only the webapps' record of it), when it carries the webapps' CSRF token: another
	 * site's page cannot log the user out.
	 */
	static final class WebappLogoutRequest implements RequestMatcher {

		private final RequestMatcher path;

		WebappLogoutRequest(RequestMatcher path) {
			this.path = path;
		}

		@Override
		public boolean matches(HttpServletRequest request) {
			if (!path.matches(request)) {
				return false;
			}
			HttpSession session = request.getSession(false);
			Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
			String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
			return expected != null && sent != null && MessageDigest.isEqual(expected.toString().getBytes(), sent.getBytes());
		}

	}

	/**
	 * Camunda's container-based authentication: the webapps take the session login of Zeren's login page. After
	 * Spring Security, whose session context the provider reads.
	 */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappLoginFilter(
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				WorkbenchLoginProvider.class.getName());
		registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

}
