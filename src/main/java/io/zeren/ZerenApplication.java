package io.zeren;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ZerenApplication {

	public static void main(String[] args) {
		SpringApplication.run(ZerenApplication.class, args);
	}

}
