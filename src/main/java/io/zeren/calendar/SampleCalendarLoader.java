package io.zeren.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * At startup: fills years that have no calendar with the shipped sample (only if
 * {@code zeren.calendar.load-sample}, i.e. in the demo), through the same reader an admin's import uses;
 * then warns about every year still on sample data and about the current year if it has none, so that a
 * calendar counting weekends only is never silent.
 */
@Component
class SampleCalendarLoader {

	private static final Logger log = LoggerFactory.getLogger(SampleCalendarLoader.class);

	static final String SAMPLES = "classpath*:calendar/sample-*.csv";

	private final CalendarMaintenance maintenance;

	private final CalendarProperties properties;

	private final ResourcePatternResolver resources;

	SampleCalendarLoader(CalendarMaintenance maintenance, CalendarProperties properties, ResourceLoader resourceLoader) {
		this.maintenance = maintenance;
		this.properties = properties;
		this.resources = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(5)
	void loadSampleAndWarn() throws IOException {
		if (properties.loadSample()) {
			loadSamples();
		}
		List<Integer> sampleYears = maintenance.sampleYears();
		if (!sampleYears.isEmpty()) {
			log.warn("The holiday calendar for {} is SAMPLE data (示例数据) shipped with Zeren: verify it against the "
					+ "State Council notice and import the official calendar (PUT or POST /api/calendar/<year>) "
					+ "before relying on deadlines", sampleYears);
		}
		int thisYear = LocalDate.now(properties.zone()).getYear();
		if (maintenance.year(thisYear).status() == YearStatus.MISSING) {
			log.warn("No holiday calendar for {}: deadlines count weekends only until an admin imports it at "
					+ "/api/calendar/{}", thisYear, thisYear);
		}
	}

	private void loadSamples() throws IOException {
		for (Resource resource : resources.getResources(SAMPLES)) {
			byte[] content;
			try (InputStream in = resource.getInputStream()) {
				content = in.readAllBytes();
			}
			List<SpecialDay> days = CalendarFileReader.read(resource.getFilename(), content, properties.zone());
			Map<Integer, List<SpecialDay>> byYear = days.stream()
				.collect(Collectors.groupingBy(day -> day.date().getYear(), TreeMap::new, Collectors.toList()));
			byYear.forEach((year, yearDays) -> {
				try {
					if (maintenance.loadSampleIfMissing(year, yearDays)) {
						log.warn("Loaded SAMPLE holiday calendar for {} from {} ({} days): demo data, to be verified "
								+ "against the State Council notice", year, resource.getFilename(), yearDays.size());
					}
				}
				catch (DataAccessException | TransactionException raced) {
					// Nodes of a cluster start together; the one that lost the race finds the year filled.
					log.info("Sample calendar for {} not loaded here: {}", year, raced.getMessage());
				}
			});
		}
	}

}
