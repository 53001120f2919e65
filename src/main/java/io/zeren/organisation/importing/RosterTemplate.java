package io.zeren.organisation.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The empty roster workbook: the expected sheets and columns (* = required), for the API and the roster page. */
final class RosterTemplate {

	static final String FILE_NAME = "zeren-roster-template.xlsx";

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private RosterTemplate() {
	}

	static byte[] workbook() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (Column.Kind kind : Column.Kind.values()) {
				Sheet sheet = workbook.createSheet(kind.sheetNames.get(0));
				Row header = sheet.createRow(0);
				List<Column> columns = kind.columns();
				for (int i = 0; i < columns.size(); i++) {
					header.createCell(i).setCellValue(columns.get(i).chinese + (columns.get(i).required ? "*" : ""));
					header.getCell(i).setCellStyle(bold);
					sheet.setColumnWidth(i, 16 * 256);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
