package io.zeren.organisation.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import io.zeren.shared.Msg;
import io.zeren.shared.TextFiles;

/**
 * Turns an uploaded roster into tables: every sheet of an Excel workbook, or one CSV file. CSV in UTF-8
 * (with or without BOM) or in GB18030, which is what Excel on a Chinese Windows writes. Anything it
 * cannot read is refused whole with the reason.
 * <p>
 * An .xlsx is read as a stream (POI's SAX event API: one row in memory at a time, shared strings read-only),
 * not as a workbook object model, which costs about twenty times the unzipped XML: a 7.8 MB upload that unzips
 * to 90 MB took ~1.8 GB that way. POI's zip-bomb guard (ZipSecureFile: inflate ratio and largest entry) stays on,
 * and the {@link RowBudget} stops reading at the configured number of rows. Legacy .xls (OLE2) keeps POI's
 * object model: it is not compressed and holds at most 65,536 rows a sheet, so its cost is bounded by the upload
 * limit.
 */
final class RosterReader {

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private RosterReader() {
	}

	/**
	 * Counts data rows across all files of one import and refuses the import once there are more than
	 * {@code max}: the rows read so far are only a parse result, nothing is written.
	 */
	static final class RowBudget {

		private final int max;

		private int used;

		RowBudget(int max) {
			this.max = max;
		}

		void take(String fileName) {
			if (++used > max) {
				throw new MalformedRosterException(new Msg("import.too-many-rows", fileName, max));
			}
		}

	}

	static List<Table> read(String fileName, byte[] content, RowBudget budget) {
		if (content.length == 0) {
			throw new MalformedRosterException(new Msg("import.unreadable", fileName, "empty file"));
		}
		if (startsWith(content, ZIP_MAGIC)) {
			return readXlsx(fileName, content, budget);
		}
		if (startsWith(content, OLE2_MAGIC)) {
			return readXls(fileName, content, budget);
		}
		String text = TextFiles.decode(content)
			.orElseThrow(() -> new MalformedRosterException(
					new Msg("import.unreadable", fileName, "binary content, expected .xlsx or CSV text")));
		return List.of(readCsv(fileName, text, budget));
	}

	private static List<Table> readXlsx(String fileName, byte[] content, RowBudget budget) {
		// From a file, not a stream: OPCPackage.open(InputStream) unzips every part into memory first.
		Path file = null;
		try {
			file = Files.createTempFile("zeren-roster-", ".xlsx");
			Files.write(file, content);
			try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
				XSSFReader reader = new XSSFReader(pkg);
				ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
				StylesTable styles = reader.getStylesTable();
				DataFormatter formatter = new DataFormatter();
				List<Table> tables = new ArrayList<>();
				XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
				while (sheets.hasNext()) {
					try (InputStream sheet = sheets.next()) {
						SheetCollector collector = new SheetCollector(fileName, budget);
						XMLReader parser = XMLHelper.newXMLReader();
						parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, formatter, false));
						parser.parse(new InputSource(sheet));
						collector.table(fileName + "!" + sheets.getSheetName()).ifPresent(tables::add);
					}
				}
				return tables;
			}
		}
		catch (MalformedRosterException ex) {
			throw ex;
		}
		catch (IOException | SAXException | OpenXML4JException | ParserConfigurationException | RuntimeException ex) {
			throw unreadable(fileName, ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ignored) {
					// A temp file left behind is removed with the temp directory; the import's answer matters more.
				}
			}
		}
	}

	/** Receives one sheet's cells in order; the first row is the header, as in the template. */
	private static final class SheetCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final String fileName;

		private final RowBudget budget;

		private List<String> headers;

		private final List<Table.Line> lines = new ArrayList<>();

		private Map<Integer, String> row;

		SheetCollector(String fileName, RowBudget budget) {
			this.fileName = fileName;
			this.budget = budget;
		}

		@Override
		public void startRow(int rowNum) {
			row = new LinkedHashMap<>();
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			if (reference == null || formattedValue == null) {
				return;
			}
			int col = new CellReference(reference).getCol();
			// Data cells beyond the header have no column to go into; skip them before they cost memory.
			if (headers == null || col < headers.size()) {
				row.put(col, formattedValue.strip());
			}
		}

		@Override
		public void endRow(int rowNum) {
			if (headers == null) {
				int width = row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
				headers = new ArrayList<>(width);
				for (int col = 0; col < width; col++) {
					headers.add(row.getOrDefault(col, ""));
				}
				return;
			}
			if (row.values().stream().allMatch(String::isEmpty)) {
				return;
			}
			budget.take(fileName);
			Map<String, String> cells = new LinkedHashMap<>();
			for (int col = 0; col < headers.size(); col++) {
				cells.put(headers.get(col), row.getOrDefault(col, ""));
			}
			lines.add(new Table.Line(rowNum + 1, cells));
		}

		java.util.Optional<Table> table(String name) {
			return headers == null ? java.util.Optional.empty() : java.util.Optional.of(new Table(name, headers, lines));
		}

	}

	private static List<Table> readXls(String fileName, byte[] content, RowBudget budget) {
		DataFormatter formatter = new DataFormatter();
		try (InputStream in = new ByteArrayInputStream(content); HSSFWorkbook workbook = new HSSFWorkbook(in)) {
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
						budget.take(fileName);
						lines.add(new Table.Line(index + 1, cells));
					}
				}
				tables.add(new Table(fileName + "!" + sheet.getSheetName(), headers, lines));
			}
			return tables;
		}
		catch (MalformedRosterException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(fileName, ex);
		}
	}

	/**
	 * POI reports a zip bomb as a plain IOException (somewhere in the cause chain, wrapped by the SAX parser or
	 * the package reader) whose text is the only mark; a person gets our sentence, not POI's advice to raise limits.
	 */
	private static MalformedRosterException unreadable(String fileName, Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && (message.contains("Zip bomb detected")
					|| message.contains("more internal file entries than expected"))) {
				return new MalformedRosterException(new Msg("import.zip-bomb", fileName));
			}
		}
		return new MalformedRosterException(new Msg("import.unreadable", fileName,
				ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
	}

	private static Table readCsv(String fileName, String text, RowBudget budget) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(sniffDelimiter(text))
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<String> headers = null;
			List<Table.Line> lines = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (headers == null) {
					headers = record.toList();
					continue;
				}
				if (record.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (record.size() > headers.size()) {
					throw new MalformedRosterException(new Msg("import.unreadable", fileName, "row "
							+ record.getRecordNumber() + " has " + record.size()
							+ " cells but the header has " + headers.size()));
				}
				budget.take(fileName);
				Map<String, String> cells = new LinkedHashMap<>();
				for (int col = 0; col < headers.size(); col++) {
					cells.put(headers.get(col), col < record.size() ? record.get(col) : "");
				}
				lines.add(new Table.Line((int) record.getRecordNumber(), cells));
			}
			if (headers == null) {
				throw new MalformedRosterException(new Msg("import.empty"));
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
