package io.zeren.organisation.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.zeren.organisation.OrganisationChange;
import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.UnitKind;
import io.zeren.organisation.UnitRole;

class RosterImportReadTests {

	static final String UNITS_CSV = """
			单位编码,单位名称,英文名称,上级单位编码,类型,排序,启用
			AG,示范厅,Demo Bureau,,机关,1,是
			POL,政治部,Political Department,AG,部门,2,是
			""";

	static final String STAFF_CSV = """
			用户名,姓名,单位编码,岗位,人员类别,职务角色,党员,邮箱,在职
			wangjianguo,王建国,AG,厅长,领导干部,负责人,是,wangjianguo@zeren.example,是
			lina,李娜,POL,科员,非领导干部,成员,否,lina@zeren.example,是
			""";

	@Test
	void shouldReadAWorkbookWithChineseSheetsAndTypedValues() throws IOException {
		byte[] workbook = workbook(new String[][] { { "单位编码", "单位名称", "类型*", "上级单位编码", "排序" },
				{ "AG", "示范厅", "机关", "", "1" }, { "POL", "政治部", "department", "AG", "2" } },
				new String[][] { { "用户名", "姓名", "单位编码", "人员类别", "职务角色", "邮箱", "党员" },
						{ "lina", "李娜", "POL", "专业技术人员", "副职", "lina@zeren.example", "否" } });

		OrganisationChange change = read(List.of(new RosterImport.Upload("roster.xlsx", workbook)));

		assertThat(change.units()).hasSize(2);
		assertThat(change.units().get(1).record().kind()).isEqualTo(UnitKind.DEPARTMENT);
		assertThat(change.units().get(1).record().sortNo()).isEqualTo(2);
		assertThat(change.units().get(1).line()).isEqualTo(3);
		assertThat(change.units().get(1).sheet()).isEqualTo("roster.xlsx!单位");
		assertThat(change.staff()).singleElement().satisfies(row -> {
			assertThat(row.record().category()).isEqualTo(StaffCategory.PROFESSIONAL_TECHNICAL);
			assertThat(row.record().unitRole()).isEqualTo(UnitRole.DEPUTY);
			assertThat(row.record().partyMember()).isFalse();
			assertThat(row.errors()).isEmpty();
		});
	}

	@Test
	void shouldRecogniseCsvTablesByTheirHeadersInUtf8WithBomAndInGb18030() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] units = concat(bom, UNITS_CSV.getBytes(StandardCharsets.UTF_8));
		byte[] staff = STAFF_CSV.getBytes(Charset.forName("GB18030"));

		OrganisationChange change = read(
				List.of(new RosterImport.Upload("staff.csv", staff), new RosterImport.Upload("units.csv", units)));

		assertThat(change.units()).extracting(row -> row.record().code()).containsExactly("AG", "POL");
		assertThat(change.staff()).extracting(row -> row.record().fullName()).containsExactly("王建国", "李娜");
		assertThat(change.staff().get(0).record().unitRole()).isEqualTo(UnitRole.HEAD);
	}

	@Test
	void shouldMarkOnlyTheRowWithAnUnreadableValue() {
		String staff = STAFF_CSV.replace("非领导干部,成员,否", "临时工,组长,也许");

		OrganisationChange change = read(List.of(new RosterImport.Upload("staff.csv", staff.getBytes(StandardCharsets.UTF_8))));

		assertThat(change.staff().get(0).errors()).isEmpty();
		assertThat(change.staff().get(1).errors()).extracting(msg -> msg.code())
			.containsExactly("import.bad-value", "import.bad-value", "import.bad-boolean");
	}

	@Test
	void shouldRefuseAFileWhoseTableCannotBeRecognised() {
		byte[] csv = "姓名,电话\n张三,123\n".getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> read(List.of(new RosterImport.Upload("phones.csv", csv))))
			.isInstanceOf(MalformedRosterException.class)
			.satisfies(ex -> assertThat(((MalformedRosterException) ex).msg().code()).isEqualTo("import.unknown-table"));
	}

	@Test
	void shouldRefuseASheetThatLacksARequiredColumn() throws IOException {
		byte[] workbook = workbook(new String[][] { { "单位编码", "单位名称" }, { "AG", "示范厅" } }, null);

		assertThatThrownBy(() -> read(List.of(new RosterImport.Upload("roster.xlsx", workbook))))
			.isInstanceOf(MalformedRosterException.class)
			.satisfies(ex -> {
				MalformedRosterException malformed = (MalformedRosterException) ex;
				assertThat(malformed.msg().code()).isEqualTo("import.missing-columns");
				assertThat(malformed.msg().args()[1].toString()).contains("类型");
			});
	}

	@Test
	void shouldRefuseBinaryGarbageACorruptWorkbookAndAnEmptyFile() {
		byte[] garbage = { 1, 2, 0, 3, 4 };
		byte[] corrupt = { 'P', 'K', 3, 4, 9, 9, 9, 9, 9 };

		for (byte[] content : List.of(garbage, corrupt, new byte[0], "用户名,姓名\n".getBytes(StandardCharsets.UTF_8))) {
			assertThatThrownBy(() -> read(List.of(new RosterImport.Upload("bad", content))))
				.isInstanceOf(MalformedRosterException.class);
		}
	}

	@Test
	void shouldRefuseARowWithMoreCellsThanTheHeader() {
		byte[] csv = (UNITS_CSV + "OPS,治安,Ops,AG,部门,3,是,extra\n").getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> read(List.of(new RosterImport.Upload("units.csv", csv))))
			.isInstanceOf(MalformedRosterException.class);
	}

	private static OrganisationChange read(List<RosterImport.Upload> uploads) {
		return RosterImport.read(uploads, 1_000);
	}

	@Test
	void shouldStreamALargeWorkbookRowByRow() throws IOException {
		byte[] workbook = staffWorkbook(50_000);

		List<Table> tables = RosterReader.read("big.xlsx", workbook, new RosterReader.RowBudget(50_000));

		assertThat(tables).singleElement().satisfies(table -> {
			assertThat(table.headers()).containsExactly("用户名", "姓名", "单位编码", "人员类别", "邮箱");
			assertThat(table.lines()).hasSize(50_000);
			assertThat(table.lines().get(49_999).number()).isEqualTo(50_001);
			assertThat(table.lines().get(49_999).cells()).containsEntry("用户名", "user49999")
				.containsEntry("姓名", "人员49999");
		});
	}

	@Test
	void shouldRefuseAWorkbookAboveTheRowCapNamingTheCap() throws IOException {
		byte[] workbook = staffWorkbook(101);

		assertThatThrownBy(() -> RosterImport.read(List.of(new RosterImport.Upload("big.xlsx", workbook)), 100))
			.isInstanceOf(MalformedRosterException.class)
			.satisfies(ex -> assertThat(((MalformedRosterException) ex).msg())
				.isEqualTo(new io.zeren.shared.Msg("import.too-many-rows", "big.xlsx", 100)));
		// The cap counts rows of all files of one import together.
		byte[] csv = ("用户名,姓名,单位编码,人员类别,邮箱\n" + "a,甲,AG,领导干部,a@x.cn\n".repeat(60))
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> RosterImport.read(
				List.of(new RosterImport.Upload("a.csv", csv), new RosterImport.Upload("b.csv", csv)), 100))
			.isInstanceOf(MalformedRosterException.class)
			.satisfies(ex -> assertThat(((MalformedRosterException) ex).msg().args()).containsExactly("b.csv", 100));
		assertThat(RosterImport.read(List.of(new RosterImport.Upload("big.xlsx", staffWorkbook(100))), 100).staff())
			.hasSize(100);
	}

	@Test
	void shouldRefuseAZipBombWithoutRunningOutOfMemory() throws IOException {
		byte[] bomb = zipBomb(workbook(new String[][] { { "单位编码", "单位名称", "类型" }, { "AG", "示范厅", "机关" } }, null),
				64 * 1024 * 1024);
		assertThat(bomb.length).isLessThan(1024 * 1024);

		assertThatThrownBy(() -> read(List.of(new RosterImport.Upload("bomb.xlsx", bomb))))
			.isInstanceOf(MalformedRosterException.class)
			.satisfies(ex -> assertThat(((MalformedRosterException) ex).msg().code()).isEqualTo("import.zip-bomb"));
	}

	/** A staff sheet of {@code rows} valid rows, written by POI's streaming writer. */
	static byte[] staffWorkbook(int rows) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("人员");
			String[] header = { "用户名", "姓名", "单位编码", "人员类别", "邮箱" };
			Row first = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				first.createCell(c).setCellValue(header[c]);
			}
			for (int r = 0; r < rows; r++) {
				Row row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue("user" + r);
				row.createCell(1).setCellValue("人员" + r);
				row.createCell(2).setCellValue("AG");
				row.createCell(3).setCellValue("非领导干部");
				row.createCell(4).setCellValue("user" + r + "@zeren.example");
			}
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
	}

	/**
	 * The workbook with {@code padding} blanks added inside its first sheet: still well-formed XML, but the part
	 * unzips to about a thousand times its compressed size, as a zip bomb does.
	 */
	static byte[] zipBomb(byte[] workbook, int padding) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] part = in.readAllBytes();
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(part, StandardCharsets.UTF_8);
					int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
					zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
					byte[] blanks = new byte[1024 * 1024];
					java.util.Arrays.fill(blanks, (byte) ' ');
					for (int written = 0; written < padding; written += blanks.length) {
						zip.write(blanks);
					}
					zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
				}
				else {
					zip.write(part);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	static byte[] workbook(String[][] units, String[][] staff) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fill(workbook.createSheet("单位"), units);
			if (staff != null) {
				fill(workbook.createSheet("人员"), staff);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void fill(Sheet sheet, String[][] cells) {
		for (int r = 0; r < cells.length; r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < cells[r].length; c++) {
				row.createCell(c).setCellValue(cells[r][c]);
			}
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
