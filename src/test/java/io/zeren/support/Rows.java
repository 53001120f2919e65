package io.zeren.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.TypedValue;

import io.zeren.shared.FormRows;

/**
 * Rows of a Camunda Form list ({@code dynamiclist}) as Tasklist submits them: a Json variable holding an array of
 * objects. {@code Rows.of("leader,measure,reason", "zhengyang", "ADMONITION", "逾期", ...)} reads the cells row by
 * row under the comma-separated columns.
 */
public final class Rows {

	private Rows() {
	}

	/** The rows as maps, column to cell. */
	public static List<Map<String, Object>> list(String columns, Object... cells) {
		String[] names = columns.split(",");
		if (cells.length % names.length != 0) {
			throw new IllegalArgumentException(cells.length + " cells do not fill rows of " + names.length);
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < cells.length; i += names.length) {
			Map<String, Object> row = new LinkedHashMap<>();
			for (int c = 0; c < names.length; c++) {
				row.put(names[c], cells[i + c]);
			}
			rows.add(row);
		}
		return rows;
	}

	/** The rows as a Json variable. */
	public static TypedValue of(String columns, Object... cells) {
		return FormRows.json(list(columns, cells));
	}

	/** The rows as JSON text, the value of a Json variable in a REST submission. */
	public static String text(String columns, Object... cells) {
		return ((org.camunda.bpm.engine.variable.value.SerializableValue) of(columns, cells)).getValueSerialized();
	}

}
