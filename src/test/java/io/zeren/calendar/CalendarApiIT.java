package io.zeren.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zeren.support.ApiClient;

/**
 * Admins maintain the calendar over REST and everyone can see how far it can be trusted. Each test owns a
 * year of its own (2031–2034, 2040 never written) so that they do not depend on each other's order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarApiIT {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	CalendarMaintenance maintenance;

	@Autowired
	CalendarProperties properties;

	@Test
	void shouldImportACsvWithChineseHeadersAndReplaceTheWholeYearOnReimport() {
		ApiClient admin = ApiClient.as(rest, "admin");
		String first = """
				# 2031 年测试数据
				日期,类型,名称
				2031-01-01,放假,元旦
				2031-01-02,放假,元旦
				2031-01-04,调休上班,元旦调休上班
				""";

		ResponseEntity<Map<String, Object>> imported = admin.upload("/api/calendar/2031/import",
				Map.of("2031.csv", first.getBytes(StandardCharsets.UTF_8)));

		assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(imported.getBody()).containsEntry("year", 2031)
			.containsEntry("status", "COMPLETE")
			.containsEntry("holidays", 2)
			.containsEntry("workdays", 1);
		assertThat(days(imported)).extracting(day -> day.get("date")).containsExactly("2031-01-01", "2031-01-02",
				"2031-01-04");
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-04"))).as("effective at once").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-02"))).isFalse();

		String second = "date,kind,name\n2031-10-01,HOLIDAY,National Day\n2031-10-02,holiday,National Day\n";
		admin.upload("/api/calendar/2031/import", Map.of("2031-v2.csv", second.getBytes(StandardCharsets.UTF_8)));

		assertThat(days(admin.get("/api/calendar/2031"))).extracting(day -> day.get("date"))
			.containsExactly("2031-10-01", "2031-10-02");
		assertThat(jdbc.queryForList("select day_date from zr_holiday where cal_year = 2031 order by day_date",
				LocalDate.class)).containsExactly(LocalDate.parse("2031-10-01"), LocalDate.parse("2031-10-02"));
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-02"))).as("the old days are gone").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-04"))).isFalse();
	}

	@Test
	void shouldImportAnICalendarFeed() {
		String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//zeren//test//CN",
				"BEGIN:VEVENT", "UID:2032-national-day", "DTSTART;VALUE=DATE:20321001", "DTEND;VALUE=DATE:20321008",
				"SUMMARY:国庆节", "END:VEVENT",
				"BEGIN:VEVENT", "UID:2032-bridge-1", "DTSTART;VALUE=DATE:20320926", "DTEND;VALUE=DATE:20320927",
				"SUMMARY:国庆节补班", "END:VEVENT",
				"BEGIN:VEVENT", "UID:2032-bridge-2", "DTSTART;VALUE=DATE:20321009", "SUMMARY:班", "END:VEVENT",
				"END:VCALENDAR", "");

		ResponseEntity<Map<String, Object>> imported = ApiClient.as(rest, "admin")
			.upload("/api/calendar/2032/import", Map.of("china-2032.ics", ics.getBytes(StandardCharsets.UTF_8)));

		assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(imported.getBody()).containsEntry("status", "COMPLETE")
			.containsEntry("holidays", 7)
			.containsEntry("workdays", 2);
		assertThat(days(imported)).filteredOn(day -> "WORKDAY".equals(day.get("kind")))
			.extracting(day -> day.get("date"))
			.containsExactly("2032-09-26", "2032-10-09");
		assertThat(calendar.plus(WorkingCalendarTests.at("2032-09-30T10:00"), "1WD"))
			.isEqualTo(WorkingCalendarTests.at("2032-10-08T10:00"));
	}

	@Test
	void shouldRefuseAMalformedFileOrADayOutsideTheYearWholeAndChangeNothing() {
		ApiClient admin = ApiClient.as(rest, "admin");
		List<Map<String, Object>> known = List.of(Map.of("date", "2033-05-01", "kind", "HOLIDAY", "name", "劳动节"),
				Map.of("date", "2033-05-07", "kind", "WORKDAY", "name", "劳动节调休上班"));
		assertThat(admin.send(HttpMethod.PUT, "/api/calendar/2033", known).getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map<String, Object>> before = days(admin.get("/api/calendar/2033"));

		ResponseEntity<Map<String, Object>> badDate = admin.upload("/api/calendar/2033/import", Map.of("bad.csv",
				"日期,类型,名称\n2033-10-01,放假,国庆节\n2033-10-32,放假,国庆节\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badDate.getBody().get("detail").toString()).contains("bad.csv").contains("第 3 行").contains("2033-10-32");
		assertThat(badDate.getBody()).containsEntry("title", "文件格式错误");

		ResponseEntity<Map<String, Object>> otherYear = admin.inEnglish()
			.upload("/api/calendar/2033/import", Map.of("mixed.csv",
					"date,kind\n2033-12-31,HOLIDAY\n2034-01-01,HOLIDAY\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(otherYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(otherYear.getBody().get("detail").toString()).contains("2034-01-01").contains("not in 2033");

		String icsOutside = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20321231\nDTEND;VALUE=DATE:20330102\n"
				+ "SUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR\n";
		ResponseEntity<Map<String, Object>> icsRefused = admin.upload("/api/calendar/2033/import",
				Map.of("new-year.ics", icsOutside.getBytes(StandardCharsets.UTF_8)));
		assertThat(icsRefused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(icsRefused.getBody().get("detail").toString()).contains("2032-12-31").contains("不在 2033 年内");

		assertThat(admin.upload("/api/calendar/2033/import", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(admin.upload("/api/calendar/2033/import", Map.of("photo.png", new byte[] { (byte) 0x89, 'P', 0, 0 }))
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(admin.upload("/api/calendar/2033/import", Map.of("empty.csv", "日期,类型,名称\n".getBytes()))
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		ResponseEntity<Map<String, Object>> badPut = admin.send(HttpMethod.PUT, "/api/calendar/2033",
				List.of(Map.of("date", "2033-10-01", "kind", "HOLIDAY"), Map.of("date", "2033-10-05", "kind", "WORKDAY"),
						Map.of("date", "2034-01-01", "kind", "HOLIDAY")));
		assertThat(badPut.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(violations(badPut)).hasSize(2)
			.anySatisfy(text -> assertThat(text).contains("2033-10-05").contains("调休上班"))
			.anySatisfy(text -> assertThat(text).contains("2034-01-01"));

		assertThat(days(admin.get("/api/calendar/2033"))).isEqualTo(before);
		assertThat(calendar.isWorkingDay(LocalDate.parse("2033-05-07"))).isTrue();
	}

	@Test
	void shouldLetStaffReadButOnlyAdminsChangeTheCalendar() {
		ApiClient lina = ApiClient.as(rest, "lina");

		assertThat(lina.get("/api/calendar/2040").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(lina.get("/api/calendar/working-days?from=2040-01-02T09:00:00Z&add=1WD").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(lina.send(HttpMethod.PUT, "/api/calendar/2040", List.of()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(lina.upload("/api/calendar/2040/import", Map.of("x.csv", "date,kind\n2040-01-01,HOLIDAY\n".getBytes()))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(ApiClient.anonymous(rest).get("/api/calendar/2040").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(jdbc.queryForObject("select count(*) from zr_holiday where cal_year = 2040", Integer.class)).isZero();
	}

	@Test
	void shouldShowPlainlyWhenAYearIsSampleDataOrMissing() throws IOException {
		if (!properties.loadSample()) {
			// Real-database profiles start without the sample; load it as the demo would.
			try (InputStream in = getClass().getResourceAsStream("/calendar/sample-cn-2026.csv")) {
				maintenance.loadSampleIfMissing(2026,
						CalendarFileReader.read("sample-cn-2026.csv", in.readAllBytes(), properties.zone()));
			}
		}
		ApiClient lina = ApiClient.as(rest, "lina");

		Map<String, Object> sample = lina.get("/api/calendar/2026").getBody();
		assertThat(sample).containsEntry("status", "SAMPLE").containsEntry("holidays", 33).containsEntry("workdays", 6);
		assertThat(sample.get("note").toString()).contains("示例数据");

		Map<String, Object> missing = lina.get("/api/calendar/2040").getBody();
		assertThat(missing).containsEntry("status", "MISSING").containsEntry("days", List.of());
		assertThat(missing.get("note").toString()).contains("只把周六、周日算作休息日");
		assertThat(lina.inEnglish().get("/api/calendar/2040").getBody().get("note").toString())
			.contains("only Saturdays and Sundays");

		// The example admins find in the API docs, on the 2026 sample: 8, 9, 10 (a working Saturday), 12, 13 October.
		Map<String, Object> nationalDay = lina.get("/api/calendar/working-days?from=2026-09-30T09:00:00+08:00&add=5WD")
			.getBody();
		assertThat(nationalDay).containsEntry("result", "2026-10-13T09:00:00+08:00")
			.containsEntry("calendars", Map.of("2026", "SAMPLE"));
		assertThat(warnings(nationalDay)).singleElement().asString().contains("示例数据");

		assertThat(lina.get("/api/calendar/1800").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldComputeWorkingDaysAsDeadlinesDo() {
		ApiClient admin = ApiClient.as(rest, "admin");
		List<Map<String, Object>> nationalDay = new ArrayList<>();
		for (int day = 1; day <= 7; day++) {
			nationalDay.add(Map.of("date", "2034-10-0" + day, "kind", "HOLIDAY", "name", "国庆节"));
		}
		nationalDay.add(Map.of("date", "2034-09-30", "kind", "WORKDAY", "name", "国庆节调休上班"));
		nationalDay.add(Map.of("date", "2034-10-08", "kind", "WORKDAY", "name", "国庆节调休上班"));
		assertThat(admin.send(HttpMethod.PUT, "/api/calendar/2034", nationalDay).getBody())
			.containsEntry("status", "COMPLETE");

		Map<String, Object> twoDays = admin.get("/api/calendar/working-days?from=2034-09-29T01:00:00Z&add=2WD")
			.getBody();
		assertThat(twoDays).containsEntry("from", "2034-09-29T09:00:00+08:00")
			.containsEntry("result", "2034-10-08T09:00:00+08:00")
			.containsEntry("zone", "Asia/Shanghai")
			.containsEntry("calendars", Map.of("2034", "COMPLETE"));
		assertThat(warnings(twoDays)).isEmpty();
		assertThat(admin.get("/api/calendar/working-days?from=2034-09-29T09:00&add=3WD").getBody())
			.containsEntry("result", "2034-10-09T09:00:00+08:00");
		assertThat(admin.get("/api/calendar/working-days?from=2034-09-30T01:00:00Z&add=P1D").getBody())
			.as("Sunday 1 October is a holiday: on to the working Sunday after")
			.containsEntry("result", "2034-10-08T09:00:00+08:00");
		assertThat(admin.get("/api/calendar/working-days?from=2034-12-29T09:00:00+08:00&add=2WD").getBody())
			.containsEntry("calendars", Map.of("2034", "COMPLETE", "2035", "MISSING"));

		ResponseEntity<Map<String, Object>> bad = admin.get("/api/calendar/working-days?from=2034-09-29&add=5 days");
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody().get("detail").toString()).contains("5 days").contains("5WD");
		assertThat(admin.get("/api/calendar/working-days?from=yesterday&add=1WD").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> days(ResponseEntity<Map<String, Object>> response) {
		return (List<Map<String, Object>>) response.getBody().get("days");
	}

	@SuppressWarnings("unchecked")
	private static List<String> violations(ResponseEntity<Map<String, Object>> response) {
		return (List<String>) response.getBody().get("violations");
	}

	@SuppressWarnings("unchecked")
	private static List<String> warnings(Map<String, Object> answer) {
		return (List<String>) answer.get("warnings");
	}

}
