package io.zeren.responsibility;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.zeren.organisation.StaffCategory;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * Items as the rows of a Camunda Form {@code dynamiclist}, so that a list is drafted and adjusted in Tasklist field
 * by field: title, target, measure, weight (a number), evidence requirement, deadline (a date picker, yyyy-MM-dd),
 * staff categories (a checklist submitting {@link StaffCategory} names, shown with their Chinese labels), posts
 * (separated by 、 or commas; empty: everyone) and the unit-responsibility checkbox. Rows left entirely empty are
 * skipped; every bad row is reported at once, with its number as the person sees it.
 */
final class ItemRows {

	/** One row as the form submits it; every field as typed, checked by {@link #specs}. */
	record Row(String title, String target, String measure, Object weight, String evidenceRequired, String dueOn,
			List<String> categories, String posts, Boolean forUnit) {
	}

	private ItemRows() {
	}

	/** The items of the submitted rows; refused with a sentence per bad row, or when there is none. */
	static List<ItemSpec> specs(List<Row> rows) {
		List<ItemSpec> items = new ArrayList<>();
		List<Msg> errors = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			if (empty(row)) {
				continue;
			}
			int number = i + 1;
			int before = errors.size();
			String title = strip(row.title());
			if (title == null || title.length() > 200) {
				errors.add(new Msg("responsibility.text.title", number));
			}
			checkLength(errors, number, "目标", row.target(), 1000);
			checkLength(errors, number, "措施", row.measure(), 1000);
			Integer weight = weight(row.weight());
			if (weight == null || weight < 1 || weight > 100) {
				errors.add(new Msg("responsibility.rows.weight", number));
			}
			checkLength(errors, number, "佐证要求", row.evidenceRequired(), 500);
			LocalDate due = null;
			String dueText = strip(row.dueOn());
			if (dueText != null) {
				try {
					due = LocalDate.parse(dueText.length() > 10 ? dueText.substring(0, 10) : dueText);
				}
				catch (DateTimeParseException ex) {
					errors.add(new Msg("responsibility.text.date", number, dueText));
				}
			}
			Set<StaffCategory> categories = new LinkedHashSet<>();
			for (String code : row.categories() == null ? List.<String>of() : row.categories()) {
				StaffCategory category = Arrays.stream(StaffCategory.values())
					.filter(c -> c.name().equals(code) || c.label().equals(code))
					.findFirst()
					.orElse(null);
				if (category == null) {
					errors.add(new Msg("responsibility.text.category", number, String.valueOf(code)));
				}
				else {
					categories.add(category);
				}
			}
			Set<String> posts = new LinkedHashSet<>(split(row.posts()));
			checkLength(errors, number, "适用岗位", String.join("、", posts), 500);
			if (errors.size() == before) {
				items.add(new ItemSpec(title, strip(row.target()), strip(row.measure()), weight,
						strip(row.evidenceRequired()), due, categories, posts, Boolean.TRUE.equals(row.forUnit())));
			}
		}
		if (errors.isEmpty() && items.isEmpty()) {
			errors.add(new Msg("responsibility.text.empty"));
		}
		if (!errors.isEmpty()) {
			throw new RuleViolationException(errors);
		}
		return items;
	}

	/** The rows a form starts from: the items as they are. */
	static List<Row> rows(List<ItemSpec> items) {
		return items.stream()
			.map(item -> new Row(item.title(), item.target(), item.measure(), item.weight(), item.evidenceRequired(),
					item.dueOn() == null ? null : item.dueOn().toString(),
					item.categories().stream().sorted().map(StaffCategory::name).toList(),
					item.posts().stream().sorted().collect(Collectors.joining("、")), item.forUnit()))
			.toList();
	}

	/**
	 * The items as a form's read-only table ({@code table} with {@code dataSource}): numbered, every cell a text a
	 * person reads (categories by their Chinese labels, 全年 for no deadline, 是/否).
	 */
	static List<Map<String, Object>> view(List<ItemSpec> items) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			ItemSpec item = items.get(i);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("no", i + 1);
			row.put("title", item.title());
			row.put("target", nonNull(item.target()));
			row.put("measure", nonNull(item.measure()));
			row.put("weight", item.weight());
			row.put("evidenceRequired", nonNull(item.evidenceRequired()));
			row.put("dueOn", item.dueOn() == null ? "全年" : item.dueOn().toString());
			row.put("categories", item.categories().isEmpty() ? "全部"
					: item.categories().stream().sorted().map(StaffCategory::label).collect(Collectors.joining("、")));
			row.put("posts", item.posts().isEmpty() ? "全部" : item.posts().stream().sorted().collect(Collectors.joining("、")));
			row.put("forUnit", item.forUnit() ? "是" : "否");
			rows.add(row);
		}
		return rows;
	}

	static boolean empty(Row row) {
		return strip(row.title()) == null && strip(row.target()) == null && strip(row.measure()) == null
				&& (row.weight() == null || String.valueOf(row.weight()).isBlank())
				&& strip(row.evidenceRequired()) == null && strip(row.dueOn()) == null
				&& (row.categories() == null || row.categories().isEmpty()) && strip(row.posts()) == null
				&& !Boolean.TRUE.equals(row.forUnit());
	}

	/** A whole number: form-js submits a number field as a JSON number, or as text when typed oddly. */
	private static Integer weight(Object value) {
		if (value instanceof Number number) {
			double d = number.doubleValue();
			return d == Math.rint(d) && Math.abs(d) < 1_000_000 ? (int) d : null;
		}
		if (value instanceof String text) {
			try {
				return Integer.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static void checkLength(List<Msg> errors, int row, String field, String value, int max) {
		if (value != null && value.length() > max) {
			errors.add(new Msg("responsibility.text.too-long", row, field, max));
		}
	}

	private static List<String> split(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("[、,，;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String strip(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}

}
