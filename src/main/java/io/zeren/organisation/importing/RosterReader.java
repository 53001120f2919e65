package io.zeren.organisation.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import io.zeren.shared.Msg;
import io.zeren.shared.TextFiles;

/**
 * Turns an uploaded roster into tables: every sheet of an Excel workbook, or one CSV file. CSV in UTF-8
 * (with or without BOM) or in GB18030, which is what Excel on a Chinese Windows writes. Anything it
 * cannot read is refused whole with the reason.
 */
final class RosterReader {

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private RosterReader() {
	}

	static List<Table> read(String fileName, byte[] content) {
		if (content.length == 0) {
			throw new MalformedRosterException(new Msg("import.unreadable", fileName, "empty file"));
		}
		if (startsWith(content, ZIP_MAGIC) || startsWith(content, OLE2_MAGIC)) {
			return readWorkbook(fileName, content);
		}
		String text = TextFiles.decode(content)
			.orElseThrow(() -> new MalformedRosterException(
					new Msg("import.unreadable", fileName, "binary content, expected .xlsx or CSV text")));
		return List.of(readCsv(fileName, text));
	}

	private static List<Table> readWorkbook(String fileName, byte[] content) {
		DataFormatter formatter = new DataFormatter();
		try (InputStream in = new ByteArrayInputStream(content); Workbook workbook = WorkbookFactory.create(in)) {
			List<Table> tables = new ArrayList<>();
			for (Sheet sheet : workbook) {
				Row header = sheet.getRow(sheet.getFirstRowNum());
				if (header == null || sheet.getPhysicalNumberOfRows() == 0) {
					continue;
				}
				List<String> headers = new ArrayList<>();
				for (int col = 0; col < header.getLastCellNum(); col++) {
					Cell cell = header.getCell(col);
					headers.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
				}
				List<Table.Line> lines = new ArrayList<>();
				for (int index = header.getRowNum() + 1; index <= sheet.getLastRowNum(); index++) {
					Row row = sheet.getRow(index);
					if (row == null) {
						continue;
					}
					Map<String, String> cells = new LinkedHashMap<>();
					boolean blank = true;
					for (int col = 0; col < headers.size(); col++) {
						Cell cell = row.getCell(col);
						String value = cell == null ? "" : formatter.formatCellValue(cell).strip();
						blank &= value.isEmpty();
						cells.put(headers.get(col), value);
					}
					if (!blank) {
						lines.add(new Table.Line(index + 1, cells));
					}
				}
				tables.add(new Table(fileName + "!" + sheet.getSheetName(), headers, lines));
			}
			return tables;
		}
		catch (IOException | RuntimeException ex) {
			throw new MalformedRosterException(new Msg("import.unreadable", fileName, ex.getMessage()));
		}
	}

	private static Table readCsv(String fileName, String text) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(sniffDelimiter(text))
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<CSVRecord> records = parser.getRecords();
			if (records.isEmpty()) {
				throw new MalformedRosterException(new Msg("import.empty"));
			}
			List<String> headers = records.get(0).toList();
			List<Table.Line> lines = new ArrayList<>();
			for (CSVRecord record : records.subList(1, records.size())) {
				if (record.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (record.size() > headers.size()) {
					throw new MalformedRosterException(new Msg("import.unreadable", fileName, "row "
							+ record.getRecordNumber() + " has " + record.size()
							+ " cells but the header has " + headers.size()));
				}
				Map<String, String> cells = new LinkedHashMap<>();
				for (int col = 0; col < headers.size(); col++) {
					cells.put(headers.get(col), col < record.size() ? record.get(col) : "");
				}
				lines.add(new Table.Line((int) record.getRecordNumber(), cells));
			}
			return new Table(fileName, headers, lines);
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw new MalformedRosterException(new Msg("import.unreadable", fileName, ex.getMessage()));
		}
	}


	private static char sniffDelimiter(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		long commas = first.chars().filter(c -> c == ',').count();
		long semicolons = first.chars().filter(c -> c == ';').count();
		long tabs = first.chars().filter(c -> c == '\t').count();
		if (tabs > commas && tabs > semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
