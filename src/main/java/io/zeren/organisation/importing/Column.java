package io.zeren.organisation.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns a roster may carry, by table. Each is recognised by its Chinese header (what the template
 * writes) or its English field name, ignoring case, blanks and a trailing "*".
 */
enum Column {

	UNIT_CODE(Kind.UNITS, true, "单位编码", "code"),
	UNIT_NAME(Kind.UNITS, true, "单位名称", "name"),
	UNIT_NAME_EN(Kind.UNITS, false, "英文名称", "nameEn"),
	UNIT_PARENT(Kind.UNITS, false, "上级单位编码", "parentCode"),
	UNIT_KIND(Kind.UNITS, true, "类型", "kind"),
	UNIT_SORT(Kind.UNITS, false, "排序", "sortNo"),
	UNIT_ACTIVE(Kind.UNITS, false, "启用", "active"),

	STAFF_USERNAME(Kind.STAFF, true, "用户名", "username"),
	STAFF_NAME(Kind.STAFF, true, "姓名", "fullName"),
	STAFF_UNIT(Kind.STAFF, true, "单位编码", "unitCode"),
	STAFF_POST(Kind.STAFF, false, "岗位", "post"),
	STAFF_CATEGORY(Kind.STAFF, true, "人员类别", "category"),
	STAFF_ROLE(Kind.STAFF, false, "职务角色", "unitRole"),
	STAFF_PARTY(Kind.STAFF, false, "党员", "partyMember"),
	STAFF_EMAIL(Kind.STAFF, true, "邮箱", "email"),
	STAFF_ACTIVE(Kind.STAFF, false, "在职", "active"),

	ROLE_CODE(Kind.ROLES, true, "职能编码", "code"),
	ROLE_NAME(Kind.ROLES, true, "职能名称", "name"),
	ROLE_OWNER(Kind.ROLES, true, "承担单位编码", "ownerUnitCode"),
	ROLE_SUBUNITS(Kind.ROLES, false, "含下级单位", "withSubunits");

	enum Kind {

		/** Sheet names a workbook may use, Chinese first. */
		UNITS("单位", "units"), STAFF("人员", "staff"), ROLES("职能", "roles");

		final List<String> sheetNames;

		Kind(String... sheetNames) {
			this.sheetNames = List.of(sheetNames);
		}

		List<Column> columns() {
			return Arrays.stream(Column.values()).filter(column -> column.kind == this).toList();
		}

		List<Column> required() {
			return columns().stream().filter(column -> column.required).toList();
		}

		static Optional<Kind> bySheetName(String name) {
			String wanted = normalise(name);
			return Arrays.stream(values())
				.filter(kind -> kind.sheetNames.stream().anyMatch(sheet -> normalise(sheet).equals(wanted)))
				.findFirst();
		}

	}

	final Kind kind;

	final boolean required;

	final String chinese;

	final String english;

	Column(Kind kind, boolean required, String chinese, String english) {
		this.kind = kind;
		this.required = required;
		this.chinese = chinese;
		this.english = english;
	}

	boolean matches(String header) {
		String wanted = normalise(header);
		return normalise(chinese).equals(wanted) || normalise(english).equals(wanted);
	}

	String display() {
		return chinese + "(" + english + ")";
	}

	static String normalise(String header) {
		String text = header == null ? "" : header.strip().replace("*", "").replace(" ", "").replace("\u3000", "");
		return text.toLowerCase(Locale.ROOT);
	}

}
