package io.zeren.responsibility;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.zeren.organisation.StaffCategory;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/**
 * Items as text, one per line, so that a list can be drafted and adjusted in a Tasklist form:
 * {@code 标题 | 目标 | 措施 | 权重 | 佐证要求 | 完成时限 | 适用类别 | 适用岗位 | 单位责任}. The first four are
 * required; categories and posts are separated by 、 or commas (empty: everyone); 单位责任 is 是 or 否.
 * Lines starting with # and blank lines are skipped. Every bad line is reported at once, with its number.
 */
final class ItemText {

	static final String HEADER = "# 标题 | 目标 | 措施 | 权重 | 佐证要求 | 完成时限(yyyy-MM-dd) | 适用类别 | 适用岗位 | 单位责任(是/否)";

	private static final String YES = "是";

	private static final String NO = "否";

	private ItemText() {
	}

	static List<ItemSpec> parse(String text) {
		List<ItemSpec> items = new ArrayList<>();
		List<Msg> errors = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int number = i + 1;
			String[] fields = Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
			if (fields.length < 4) {
				errors.add(new Msg("responsibility.text.fields", number));
				continue;
			}
			int before = errors.size();
			String title = fields[0];
			if (title.isEmpty() || title.length() > 200) {
				errors.add(new Msg("responsibility.text.title", number));
			}
			checkLength(errors, number, "目标", fields[1], 1000);
			checkLength(errors, number, "措施", fields[2], 1000);
			int weight = 0;
			try {
				weight = Integer.parseInt(fields[3]);
			}
			catch (NumberFormatException ex) {
				weight = -1;
			}
			if (weight < 1 || weight > 100) {
				errors.add(new Msg("responsibility.text.weight", number, fields[3]));
			}
			String evidence = field(fields, 4);
			checkLength(errors, number, "佐证要求", evidence, 500);
			LocalDate due = null;
			String dueText = field(fields, 5);
			if (!dueText.isEmpty()) {
				try {
					due = LocalDate.parse(dueText);
				}
				catch (DateTimeParseException ex) {
					errors.add(new Msg("responsibility.text.date", number, dueText));
				}
			}
			Set<StaffCategory> categories = new LinkedHashSet<>();
			for (String label : split(field(fields, 6))) {
				StaffCategory category = Arrays.stream(StaffCategory.values())
					.filter(c -> c.label().equals(label) || c.name().equalsIgnoreCase(label))
					.findFirst()
					.orElse(null);
				if (category == null) {
					errors.add(new Msg("responsibility.text.category", number, label));
				}
				else {
					categories.add(category);
				}
			}
			Set<String> posts = new LinkedHashSet<>(split(field(fields, 7)));
			checkLength(errors, number, "适用岗位", String.join("、", posts), 500);
			String flag = field(fields, 8);
			if (!flag.isEmpty() && !YES.equals(flag) && !NO.equals(flag)) {
				errors.add(new Msg("responsibility.text.flag", number, flag));
			}
			if (errors.size() == before) {
				items.add(new ItemSpec(title, blankToNull(fields[1]), blankToNull(fields[2]), weight, blankToNull(evidence),
						due, categories, posts, YES.equals(flag)));
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

	static String format(List<ItemSpec> items) {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		for (ItemSpec item : items) {
			text.append(String.join(" | ", nonNull(item.title()), nonNull(item.target()), nonNull(item.measure()),
					String.valueOf(item.weight()), nonNull(item.evidenceRequired()),
					item.dueOn() == null ? "" : item.dueOn().toString(),
					item.categories().stream().map(StaffCategory::label).sorted().collect(Collectors.joining("、")),
					item.posts().stream().sorted().collect(Collectors.joining("、")), item.forUnit() ? YES : NO))
				.append('\n');
		}
		return text.toString();
	}

	/** A numbered, readable rendering for a staff member who reviews their list. */
	static String numbered(List<ItemSpec> items) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < items.size(); i++) {
			ItemSpec item = items.get(i);
			text.append(i + 1).append(". ").append(item.title());
			if (item.forUnit()) {
				text.append("（单位责任）");
			}
			text.append("\n   目标：").append(nonNull(item.target()))
				.append("\n   措施：").append(nonNull(item.measure()))
				.append("\n   权重：").append(item.weight())
				.append("；佐证：").append(nonNull(item.evidenceRequired()))
				.append("；时限：").append(item.dueOn() == null ? "全年" : item.dueOn().toString())
				.append('\n');
		}
		return text.toString();
	}

	private static void checkLength(List<Msg> errors, int line, String field, String value, int max) {
		if (value != null && value.length() > max) {
			errors.add(new Msg("responsibility.text.too-long", line, field, max));
		}
	}

	private static String field(String[] fields, int index) {
		return index < fields.length ? fields[index] : "";
	}

	private static List<String> split(String text) {
		return Arrays.stream(text.split("[、,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}

}
