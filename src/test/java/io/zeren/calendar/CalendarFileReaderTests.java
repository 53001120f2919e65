package io.zeren.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.zeren.shared.Msg;

/** Reading calendar uploads: CSV in Chinese or English, iCalendar feeds, and everything refused whole. */
class CalendarFileReaderTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void shouldReadTheShippedSampleAsThe2026Arrangement() throws IOException {
		byte[] content;
		try (InputStream in = getClass().getResourceAsStream("/calendar/sample-cn-2026.csv")) {
			content = in.readAllBytes();
		}
		String firstLine = new String(content, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();

		List<SpecialDay> days = CalendarFileReader.read("sample-cn-2026.csv", content, SHANGHAI);

		assertThat(firstLine).startsWith("#").contains("示例数据").contains("SAMPLE");
		assertThat(CalendarMaintenance.problems(2026, days)).isEmpty();
		assertThat(days).filteredOn(day -> day.kind() == DayKind.HOLIDAY).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
		assertThat(days).filteredOn(day -> day.kind() == DayKind.WORKDAY)
			.extracting(SpecialDay::date)
			.extracting(LocalDate::toString)
			.containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
		assertThat(days).contains(new SpecialDay(LocalDate.parse("2026-02-17"), DayKind.HOLIDAY, "春节"));
		assertThat(days).allSatisfy(day -> assertThat(day.name()).isNotBlank());
	}

	@Test
	void shouldReadEnglishHeadersKindsInAnyCaseAndSlashDates() {
		String csv = """
				Date,Kind,Name,Remark
				2031/1/1,holiday,New Year,
				2031-01-04,WORKDAY,,bridge
				20310102,放假,,
				""";

		List<SpecialDay> days = read("2031.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(days).containsExactly(new SpecialDay(LocalDate.parse("2031-01-01"), DayKind.HOLIDAY, "New Year"),
				new SpecialDay(LocalDate.parse("2031-01-04"), DayKind.WORKDAY, null),
				new SpecialDay(LocalDate.parse("2031-01-02"), DayKind.HOLIDAY, null));
	}

	@Test
	void shouldReadCsvSavedByExcelOnAChineseWindows() {
		String csv = "日期;类型;名称\r\n2031-10-01;放假;国庆节\r\n2031-10-11;调休上班;国庆节调休\r\n";

		List<SpecialDay> days = read("2031.csv", csv.getBytes(Charset.forName("GB18030")));

		assertThat(days).containsExactly(new SpecialDay(LocalDate.parse("2031-10-01"), DayKind.HOLIDAY, "国庆节"),
				new SpecialDay(LocalDate.parse("2031-10-11"), DayKind.WORKDAY, "国庆节调休"));
	}

	@Test
	void shouldReportEveryBadRowWithItsLineInTheFile() {
		String csv = """
				# 2031 年
				日期,类型,名称
				2031-01-01,放假,元旦
				# 下一行日期错误
				2031-02-30,放假,春节
				2031-02-01,请假,春节
				""";

		CalendarInputException refused = refuse("bad.csv", csv);

		assertThat(refused.reasons()).containsExactly(new Msg("calendar.import.bad-date", "bad.csv", "5", "2031-02-30"),
				new Msg("calendar.import.bad-kind", "bad.csv", "6", "请假"));
		assertThat(refused.titleCode()).isEqualTo("error.title.malformed");
	}

	@Test
	void shouldRefuseFilesWithoutTheColumnsOrDays() {
		assertThat(refuse("notes.csv", "备注,日期\n随便,2031-01-01\n").reasons()).extracting(Msg::code)
			.containsExactly("calendar.import.missing-columns");
		assertThat(refuse("empty.csv", "# nothing\n日期,类型,名称\n").reasons()).extracting(Msg::code)
			.containsExactly("calendar.import.empty");
		assertThat(refuse("zero.csv", "").reasons()).extracting(Msg::code).containsExactly("calendar.import.empty");
		assertThat(catchThrowableOfType(CalendarInputException.class,
				() -> read("photo.csv", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1 }))
			.reasons()).extracting(Msg::code).containsExactly("calendar.import.unreadable");
	}

	@Test
	void shouldReadICalendarRangesWithExclusiveEnds() {
		String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//zeren//CN",
				"BEGIN:VEVENT", "UID:1", "DTSTART;VALUE=DATE:20311001", "DTEND;VALUE=DATE:20311008",
				"SUMMARY:国庆", "  节", "BEGIN:VALARM", "TRIGGER:-PT15M", "DURATION:PT5M", "ACTION:DISPLAY", "END:VALARM",
				"END:VEVENT",
				"BEGIN:VEVENT", "UID:2", "DTSTART;VALUE=DATE:20311011", "SUMMARY:国庆节补班", "END:VEVENT",
				"BEGIN:VEVENT", "UID:3", "DTSTART;VALUE=DATE:20310928", "DTEND;VALUE=DATE:20310929",
				"SUMMARY:调休", "END:VEVENT",
				"BEGIN:VEVENT", "UID:4", "DTSTART:20310101T000000", "DURATION:P1D",
				"SUMMARY:元旦\\, New Year", "END:VEVENT",
				"END:VCALENDAR", "");

		List<SpecialDay> days = read("cn.ics", ics.getBytes(StandardCharsets.UTF_8));

		assertThat(days).filteredOn(day -> day.kind() == DayKind.HOLIDAY)
			.extracting(day -> day.date().toString())
			.containsExactly("2031-01-01", "2031-10-01", "2031-10-02", "2031-10-03", "2031-10-04", "2031-10-05",
					"2031-10-06", "2031-10-07");
		assertThat(days).filteredOn(day -> day.kind() == DayKind.WORKDAY)
			.extracting(day -> day.date().toString())
			.containsExactly("2031-09-28", "2031-10-11");
		assertThat(days).contains(new SpecialDay(LocalDate.parse("2031-10-01"), DayKind.HOLIDAY, "国庆 节"),
				new SpecialDay(LocalDate.parse("2031-01-01"), DayKind.HOLIDAY, "元旦, New Year"));
	}

	@Test
	void shouldRefuseICalendarItCannotReadExactly() {
		String ics = String.join("\n", "BEGIN:VCALENDAR",
				"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20310101", "RRULE:FREQ=YEARLY", "SUMMARY:元旦", "END:VEVENT",
				"BEGIN:VEVENT", "DTSTART;VALUE=DATE:2031-05-01", "SUMMARY:劳动节", "END:VEVENT",
				"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20310601", "DTEND;VALUE=DATE:20310601", "SUMMARY:?", "END:VEVENT",
				"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20310202", "SUMMARY:春节", "END:VEVENT",
				"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20310202", "SUMMARY:春节补班", "END:VEVENT",
				"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20310301", "END:VCALENDAR");

		CalendarInputException refused = refuse("broken.ics", ics);

		assertThat(refused.reasons()).extracting(Msg::code)
			.containsExactly("calendar.import.ics-recurring", "calendar.import.ics-bad-date",
					"calendar.import.ics-bad-range", "calendar.import.conflict", "calendar.import.ics-unterminated");
		assertThat(refuse("calendar.ics", "日期,类型\n").reasons()).extracting(Msg::code)
			.containsExactly("calendar.import.not-ics");
	}

	@Test
	void shouldTellWorkingWeekendsFromHolidaysBySummary() {
		assertThat(CalendarFileReader.kindOf("春节补班")).isEqualTo(DayKind.WORKDAY);
		assertThat(CalendarFileReader.kindOf("上班")).isEqualTo(DayKind.WORKDAY);
		assertThat(CalendarFileReader.kindOf("调休")).isEqualTo(DayKind.WORKDAY);
		assertThat(CalendarFileReader.kindOf("Workday (Spring Festival)")).isEqualTo(DayKind.WORKDAY);
		assertThat(CalendarFileReader.kindOf("国庆节放假调休")).isEqualTo(DayKind.HOLIDAY);
		assertThat(CalendarFileReader.kindOf("春节 休")).isEqualTo(DayKind.HOLIDAY);
		assertThat(CalendarFileReader.kindOf("中秋节")).isEqualTo(DayKind.HOLIDAY);
	}

	@Test
	void shouldFindEveryProblemOfAYearAtOnce() {
		List<SpecialDay> days = List.of(new SpecialDay(LocalDate.parse("2031-01-01"), DayKind.HOLIDAY, "元旦"),
				new SpecialDay(LocalDate.parse("2031-01-01"), DayKind.HOLIDAY, "元旦"),
				new SpecialDay(LocalDate.parse("2031-01-07"), DayKind.WORKDAY, "周二"),
				new SpecialDay(LocalDate.parse("2030-12-31"), DayKind.HOLIDAY, null),
				new SpecialDay(LocalDate.parse("2031-03-01"), null, "x".repeat(101)),
				new SpecialDay(null, DayKind.HOLIDAY, null));

		assertThat(CalendarMaintenance.problems(2031, days)).containsExactly(
				new Msg("calendar.workday-on-weekday", "2031-01-07"), new Msg("calendar.kind.required", "2031-03-01"),
				new Msg("calendar.name-too-long", "2031-03-01", 100), new Msg("calendar.day.required", "6"),
				new Msg("calendar.day.outside-year", "2031", 1, "2030-12-31"),
				new Msg("calendar.day.duplicate", "2031-01-01"));
	}

	private static List<SpecialDay> read(String fileName, byte[] content) {
		return CalendarFileReader.read(fileName, content, SHANGHAI);
	}

	private static CalendarInputException refuse(String fileName, String content) {
		return catchThrowableOfType(CalendarInputException.class,
				() -> read(fileName, content.getBytes(StandardCharsets.UTF_8)));
	}

}
