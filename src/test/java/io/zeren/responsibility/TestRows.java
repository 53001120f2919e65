package io.zeren.responsibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.TypedValue;

import io.zeren.shared.FormRows;

/** Rows of the item lists as Tasklist submits them (a Json variable of objects), for tests. */
public final class TestRows {

	private TestRows() {
	}

	/** One row: title, target, measure, weight; no deadline, every category and post, not a unit item. */
	public static Map<String, Object> row(String title, String target, String measure, Object weight) {
		return row(title, target, measure, weight, null, null, List.of(), null, false);
	}

	public static Map<String, Object> row(String title, String target, String measure, Object weight, String evidence,
			String dueOn, List<String> categories, String posts, boolean forUnit) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("title", title);
		row.put("target", target);
		row.put("measure", measure);
		row.put("weight", weight);
		row.put("evidenceRequired", evidence);
		row.put("dueOn", dueOn);
		row.put("categories", categories);
		row.put("posts", posts);
		row.put("forUnit", forUnit);
		return row;
	}

	@SafeVarargs
	public static List<Map<String, Object>> rows(Map<String, Object>... rows) {
		return new ArrayList<>(Arrays.asList(rows));
	}

	/** The rows as the Json variable Tasklist submits. */
	@SafeVarargs
	public static TypedValue json(Map<String, Object>... rows) {
		return FormRows.json(rows(rows));
	}

	/** The catalogue the ITs draft: three items, one for leading and non-leading cadres, one a unit item. */
	public static TypedValue catalogue() {
		return json(row("谈心谈话", "每季度至少一次", "与本单位干警谈心", 30, "谈话记录", null, List.of(), null, false),
				row("集中政治轮训", "全年参训", "参加轮训", 20, "培训证明", null, List.of("LEADING_CADRE", "NON_LEADING_CADRE"),
						null, false),
				row("履行单位主体责任", "单位无违纪", "研究部署", 50, "会议纪要", null, List.of(), null, true));
	}

}
