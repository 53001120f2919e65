package io.zeren.identity;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The login throttle's request filter: before Spring Security and the webapps, on every path (every door). */
@Configuration
class LoginConfiguration {

	@Bean
	FilterRegistrationBean<LoginAttemptFilter> loginAttemptFilter(MessageSource messages, ObjectMapper json) {
		FilterRegistrationBean<LoginAttemptFilter> registration = new FilterRegistrationBean<>(
				new LoginAttemptFilter(messages, json));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
