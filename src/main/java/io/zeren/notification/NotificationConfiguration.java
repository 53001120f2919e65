package io.zeren.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling is switched on for the whole application here, where the first scheduled job lives; whether
 * mail jobs run is {@link MailScheduler}'s condition, so other modules' schedules do not depend on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

	@Bean
	DeliveryPolicy deliveryPolicy(MailProperties properties) {
		return DeliveryPolicy.of(properties);
	}

}
