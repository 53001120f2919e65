package io.zeren.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.zeren.shared.Msg;
import io.zeren.shared.TextFiles;

/**
 * Reads a calendar upload into special days, or refuses it whole with every reason found.
 * <ul>
 * <li>CSV with a header {@code 日期,类型,名称} or {@code date,kind,name}; kind 放假/调休上班 or HOLIDAY/WORKDAY;
 * lines starting with {@code #} are comments. UTF-8 (with or without BOM) or GB18030, as Excel on a Chinese
 * Windows saves it.</li>
 * <li>iCalendar (.ics): every VEVENT's all-day range DTSTART … DTEND (exclusive) is a HOLIDAY, or a WORKDAY if
 * its SUMMARY marks a working day (班, workday, or 调休 without 假).</li>
 * </ul>
 * Checking the days against the year being replaced is {@link CalendarMaintenance}'s job.
 */
final class CalendarFileReader {

	private static final List<String> DATE_HEADERS = List.of("日期", "date", "day");

	private static final List<String> KIND_HEADERS = List.of("类型", "kind", "type");

	private static final List<String> NAME_HEADERS = List.of("名称", "name", "节日", "summary");

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?|(\\d{4})(\\d{2})(\\d{2})");

	/** Longest event an .ics may hold: a longer one is a mistake (or not a holiday calendar). */
	private static final int MAX_EVENT_DAYS = 31;

	private CalendarFileReader() {
	}

	static List<SpecialDay> read(String fileName, byte[] content, ZoneId zone) {
		if (content.length == 0) {
			throw CalendarInputException.malformedFile(new Msg("calendar.import.empty", fileName));
		}
		String text = TextFiles.decode(content)
			.orElseThrow(() -> CalendarInputException.malformedFile(
					new Msg("calendar.import.unreadable", fileName, "binary content, expected CSV or .ics text")));
		List<SpecialDay> days = isICalendar(fileName, text) ? readICalendar(fileName, text, zone)
				: readCsv(fileName, text);
		if (days.isEmpty()) {
			throw CalendarInputException.malformedFile(new Msg("calendar.import.empty", fileName));
		}
		return days;
	}

	private static boolean isICalendar(String fileName, String text) {
		return fileName.toLowerCase(Locale.ROOT).endsWith(".ics")
				|| text.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15);
	}

	// CSV

	private static List<SpecialDay> readCsv(String fileName, String text) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(sniffDelimiter(text))
			.setCommentMarker('#')
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.setTrim(true)
			.get();
		List<CSVRecord> records;
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			records = parser.getRecords();
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw CalendarInputException.malformedFile(new Msg("calendar.import.unreadable", fileName, ex.getMessage()));
		}
		if (records.isEmpty()) {
			throw CalendarInputException.malformedFile(new Msg("calendar.import.empty", fileName));
		}
		List<String> header = records.get(0).stream().map(CalendarFileReader::normalise).toList();
		int dateColumn = column(header, DATE_HEADERS);
		int kindColumn = column(header, KIND_HEADERS);
		int nameColumn = column(header, NAME_HEADERS);
		if (dateColumn < 0 || kindColumn < 0) {
			throw CalendarInputException
				.malformedFile(new Msg("calendar.import.missing-columns", fileName, String.join(",", records.get(0).toList())));
		}
		Lines lines = new Lines(text);
		List<Msg> problems = new ArrayList<>();
		List<SpecialDay> days = new ArrayList<>();
		for (CSVRecord record : records.subList(1, records.size())) {
			if (record.stream().allMatch(String::isBlank)) {
				continue;
			}
			String line = String.valueOf(lines.lineOf(record.getCharacterPosition()));
			if (record.size() > header.size()) {
				problems.add(new Msg("calendar.import.too-many-cells", fileName, line, record.size(), header.size()));
				continue;
			}
			String dateText = cell(record, dateColumn);
			String kindText = cell(record, kindColumn);
			Optional<LocalDate> date = parseDate(dateText);
			Optional<DayKind> kind = DayKind.parse(kindText);
			if (date.isEmpty()) {
				problems.add(new Msg("calendar.import.bad-date", fileName, line, dateText));
			}
			if (kind.isEmpty()) {
				problems.add(new Msg("calendar.import.bad-kind", fileName, line, kindText));
			}
			if (date.isPresent() && kind.isPresent()) {
				String name = nameColumn < 0 ? "" : cell(record, nameColumn);
				days.add(new SpecialDay(date.get(), kind.get(), name.isBlank() ? null : name));
			}
		}
		if (!problems.isEmpty()) {
			throw CalendarInputException.malformedFile(problems);
		}
		return days;
	}

	static Optional<LocalDate> parseDate(String text) {
		Matcher matcher = DATE.matcher(text == null ? "" : text.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int offset = matcher.group(1) != null ? 1 : 4;
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(offset)),
					Integer.parseInt(matcher.group(offset + 1)), Integer.parseInt(matcher.group(offset + 2))));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static int column(List<String> header, List<String> names) {
		for (int i = 0; i < header.size(); i++) {
			if (names.contains(header.get(i))) {
				return i;
			}
		}
		return -1;
	}

	private static String cell(CSVRecord record, int column) {
		return column < record.size() ? record.get(column).strip() : "";
	}

	private static String normalise(String header) {
		String text = header.strip().toLowerCase(Locale.ROOT).replace(" ", "");
		return text.endsWith("*") ? text.substring(0, text.length() - 1) : text;
	}

	/**
	 * Line numbers of CSV records for messages. A record's position is where any comment or blank lines before
	 * it begin, so those are skipped.
	 */
	private static final class Lines {

		private final List<String> lines;

		private final List<Integer> starts = new ArrayList<>();

		Lines(String text) {
			this.lines = text.lines().toList();
			starts.add(0);
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == '\n') {
					starts.add(i + 1);
				}
			}
		}

		int lineOf(long position) {
			int index = Collections.binarySearch(starts, (int) position);
			int line = index >= 0 ? index : -index - 2;
			while (line < lines.size() - 1 && (lines.get(line).isBlank() || lines.get(line).startsWith("#"))) {
				line++;
			}
			return line + 1;
		}

	}

	private static char sniffDelimiter(String text) {
		String first = text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).findFirst().orElse("");
		long commas = first.chars().filter(c -> c == ',').count();
		long semicolons = first.chars().filter(c -> c == ';').count();
		long tabs = first.chars().filter(c -> c == '\t').count();
		if (tabs > commas && tabs > semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	// iCalendar (RFC 5545), as far as holiday calendars use it

	private record ContentLine(int number, String name, Map<String, String> params, String value) {
	}

	private static List<SpecialDay> readICalendar(String fileName, String text, ZoneId zone) {
		List<ContentLine> lines = contentLines(text);
		if (lines.isEmpty() || !lines.get(0).name().equals("BEGIN") || !lines.get(0).value().equalsIgnoreCase("VCALENDAR")) {
			throw CalendarInputException.malformedFile(new Msg("calendar.import.not-ics", fileName));
		}
		List<Msg> problems = new ArrayList<>();
		Map<LocalDate, SpecialDay> days = new TreeMap<>();
		Map<String, ContentLine> event = null;
		int eventLine = 0;
		// Components nested in an event (VALARM) have properties of their own, DURATION among them.
		int nested = 0;
		for (ContentLine line : lines) {
			boolean eventMarker = line.value().equalsIgnoreCase("VEVENT");
			if (line.name().equals("BEGIN") && eventMarker) {
				event = new HashMap<>();
				eventLine = line.number();
				nested = 0;
			}
			else if (line.name().equals("END") && eventMarker && event != null) {
				addEvent(fileName, eventLine, event, zone, days, problems);
				event = null;
			}
			else if (event != null && line.name().equals("BEGIN")) {
				nested++;
			}
			else if (event != null && line.name().equals("END")) {
				nested--;
			}
			else if (event != null && nested == 0) {
				event.putIfAbsent(line.name(), line);
			}
		}
		if (event != null) {
			problems.add(new Msg("calendar.import.ics-unterminated", fileName, String.valueOf(eventLine)));
		}
		if (!problems.isEmpty()) {
			throw CalendarInputException.malformedFile(problems);
		}
		return new ArrayList<>(days.values());
	}

	private static void addEvent(String fileName, int eventLine, Map<String, ContentLine> event, ZoneId zone,
			Map<LocalDate, SpecialDay> days, List<Msg> problems) {
		String line = String.valueOf(eventLine);
		if (event.containsKey("RRULE") || event.containsKey("RDATE")) {
			problems.add(new Msg("calendar.import.ics-recurring", fileName, line));
			return;
		}
		ContentLine startLine = event.get("DTSTART");
		Optional<Moment> start = startLine == null ? Optional.empty() : moment(startLine, zone);
		if (start.isEmpty()) {
			problems.add(new Msg("calendar.import.ics-bad-date", fileName, line, "DTSTART",
					startLine == null ? "" : startLine.value()));
			return;
		}
		LocalDate first = start.get().day();
		LocalDate endExclusive;
		if (event.containsKey("DTEND")) {
			Optional<Moment> end = moment(event.get("DTEND"), zone);
			if (end.isEmpty()) {
				problems.add(new Msg("calendar.import.ics-bad-date", fileName, line, "DTEND", event.get("DTEND").value()));
				return;
			}
			// DTEND is exclusive: an all-day event ending on the 8th ends with the 7th; a timed one includes its day.
			endExclusive = end.get().midnight() ? end.get().day() : end.get().day().plusDays(1);
		}
		else if (event.containsKey("DURATION")) {
			try {
				endExclusive = first.plus(Period.parse(event.get("DURATION").value().strip()));
			}
			catch (DateTimeParseException ex) {
				problems.add(new Msg("calendar.import.ics-bad-date", fileName, line, "DURATION",
						event.get("DURATION").value()));
				return;
			}
		}
		else {
			endExclusive = first.plusDays(1);
		}
		long length = ChronoUnit.DAYS.between(first, endExclusive);
		if (length < 1 || length > MAX_EVENT_DAYS) {
			problems.add(new Msg("calendar.import.ics-bad-range", fileName, line, first.toString(),
					endExclusive.toString(), MAX_EVENT_DAYS));
			return;
		}
		String summary = event.containsKey("SUMMARY") ? unescape(event.get("SUMMARY").value()).strip() : "";
		DayKind kind = kindOf(summary);
		String name = summary.isEmpty() ? null : summary;
		for (LocalDate day = first; day.isBefore(endExclusive); day = day.plusDays(1)) {
			SpecialDay earlier = days.get(day);
			if (earlier == null) {
				days.put(day, new SpecialDay(day, kind, name));
			}
			else if (earlier.kind() != kind) {
				problems.add(new Msg("calendar.import.conflict", day.toString()));
			}
		}
	}

	/**
	 * Feeds mark the working weekends as "春节补班", "上班", "班" or "调休"; "国庆节放假调休" is a day off, so
	 * 调休 counts only without 假.
	 */
	static DayKind kindOf(String summary) {
		String text = summary.toLowerCase(Locale.ROOT);
		boolean working = text.contains("班") || text.contains("workday") || text.contains("working day")
				|| text.contains("调休") && !text.contains("假");
		return working ? DayKind.WORKDAY : DayKind.HOLIDAY;
	}

	/** A DTSTART/DTEND value: the day it falls on in the agency's zone, and whether it is at the day's start. */
	private record Moment(LocalDate day, boolean midnight) {
	}

	private static Optional<Moment> moment(ContentLine line, ZoneId zone) {
		String value = line.value().strip();
		try {
			if (value.matches("\\d{8}")) {
				return Optional.of(new Moment(LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE), true));
			}
			if (value.matches("\\d{8}T\\d{6}Z?")) {
				LocalDateTime local = LocalDateTime.parse(value.substring(0, 15),
						DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"));
				ZonedDateTime at;
				if (value.endsWith("Z")) {
					at = Instant.parse(local + "Z").atZone(zone);
				}
				else if (line.params().containsKey("TZID")) {
					at = local.atZone(ZoneId.of(line.params().get("TZID"))).withZoneSameInstant(zone);
				}
				else {
					at = local.atZone(zone);
				}
				return Optional.of(new Moment(at.toLocalDate(), at.toLocalTime().equals(LocalTime.MIDNIGHT)));
			}
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	/** Unfolds continuation lines and splits each into name, parameters and value. */
	private static List<ContentLine> contentLines(String text) {
		List<ContentLine> lines = new ArrayList<>();
		StringBuilder current = null;
		int currentNumber = 0;
		int number = 0;
		for (String raw : text.split("\r?\n|\r", -1)) {
			number++;
			if ((raw.startsWith(" ") || raw.startsWith("\t")) && current != null) {
				current.append(raw, 1, raw.length());
				continue;
			}
			if (current != null) {
				parse(currentNumber, current.toString()).ifPresent(lines::add);
			}
			current = new StringBuilder(raw);
			currentNumber = number;
		}
		if (current != null) {
			parse(currentNumber, current.toString()).ifPresent(lines::add);
		}
		return lines;
	}

	private static Optional<ContentLine> parse(int number, String line) {
		if (line.isBlank()) {
			return Optional.empty();
		}
		int colon = -1;
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ':' && !quoted) {
				colon = i;
				break;
			}
		}
		if (colon < 0) {
			return Optional.empty();
		}
		String[] nameAndParams = line.substring(0, colon).split(";");
		Map<String, String> params = new HashMap<>();
		for (int i = 1; i < nameAndParams.length; i++) {
			int equals = nameAndParams[i].indexOf('=');
			if (equals > 0) {
				params.put(nameAndParams[i].substring(0, equals).strip().toUpperCase(Locale.ROOT),
						nameAndParams[i].substring(equals + 1).strip().replace("\"", ""));
			}
		}
		return Optional.of(new ContentLine(number, nameAndParams[0].strip().toUpperCase(Locale.ROOT), params,
				line.substring(colon + 1)));
	}

	private static String unescape(String value) {
		StringBuilder text = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				text.append(next == 'n' || next == 'N' ? ' ' : next);
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

	// Encoding


}
