package io.zeren.organisation.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.zeren.organisation.ChangeReport;
import io.zeren.organisation.OrganisationDirectory;
import io.zeren.organisation.importing.RosterImport;

/**
 * Seeds the demo agency the first time Zeren starts on an empty organisation, by importing the bundled
 * roster through the same import an admin uses (so the demo is also a worked example of the file format).
 */
@Component
@ConditionalOnProperty(name = "zeren.demo.seed", havingValue = "true")
class DemoAgencySeeder {

	private static final Logger log = LoggerFactory.getLogger(DemoAgencySeeder.class);

	private static final List<String> FILES = List.of("demo/units.csv", "demo/staff.csv", "demo/roles.csv");

	private final RosterImport rosterImport;

	private final OrganisationDirectory directory;

	DemoAgencySeeder(RosterImport rosterImport, OrganisationDirectory directory) {
		this.rosterImport = rosterImport;
		this.directory = directory;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	void seed() throws IOException {
		if (!directory.units().isEmpty()) {
			return;
		}
		List<RosterImport.Upload> uploads = new ArrayList<>();
		for (String file : FILES) {
			try (InputStream in = new ClassPathResource(file).getInputStream()) {
				uploads.add(new RosterImport.Upload(file, in.readAllBytes()));
			}
		}
		ChangeReport report = rosterImport.importRoster(uploads, false, true, "system");
		if (!report.applied()) {
			throw new IllegalStateException("The bundled demo roster was rejected: " + report.rows()
				.stream()
				.filter(row -> row.outcome() == ChangeReport.Outcome.REJECTED)
				.map(row -> row.sheet() + ":" + row.line() + " " + row.messages())
				.toList());
		}
		log.info("Seeded the demo agency: {} units, staff and roles", report.created());
	}

}
