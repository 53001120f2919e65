package io.zeren.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.Test;

import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitRole;
import io.zeren.shared.FormRows;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/** Which catalogue items land on whose personal list, and the form rows lists are edited in. */
class ListDerivationTests {

	static final ItemSpec TALKS = item("谈心谈话", Set.of(), Set.of(), false);

	static final ItemSpec CADRE_TRAINING = item("集中政治轮训", Set.of(StaffCategory.LEADING_CADRE,
			StaffCategory.NON_LEADING_CADRE), Set.of(), false);

	static final ItemSpec POLICE_DUTY = item("执勤执法思想教育", Set.of(), Set.of("民警"), false);

	static final ItemSpec UNIT_RESPONSIBILITY = item("履行单位主体责任", Set.of(), Set.of(), true);

	static final List<ItemSpec> UNIT_LIST = List.of(TALKS, CADRE_TRAINING, POLICE_DUTY, UNIT_RESPONSIBILITY);

	@Test
	void shouldGiveEveryoneTheItemsForAll() {
		assertThat(ListDerivation.itemsFor(UNIT_LIST, staff(StaffCategory.EMPLOYEE, "驾驶员", UnitRole.MEMBER)))
			.containsExactly(TALKS);
	}

	@Test
	void shouldMatchCategoryAndPost() {
		assertThat(ListDerivation.itemsFor(UNIT_LIST, staff(StaffCategory.NON_LEADING_CADRE, "民警", UnitRole.MEMBER)))
			.containsExactly(TALKS, CADRE_TRAINING, POLICE_DUTY);
		assertThat(ListDerivation.itemsFor(UNIT_LIST, staff(StaffCategory.PROFESSIONAL_TECHNICAL, "工程师", UnitRole.MEMBER)))
			.containsExactly(TALKS);
	}

	@Test
	void shouldGiveLeadingCadresTheUnitItems() {
		assertThat(ListDerivation.itemsFor(UNIT_LIST, staff(StaffCategory.LEADING_CADRE, "大队长", UnitRole.HEAD)))
			.containsExactly(TALKS, CADRE_TRAINING, UNIT_RESPONSIBILITY);
		// A deputy answers for the unit even if the roster files them in another category.
		assertThat(ListDerivation.itemsFor(UNIT_LIST, staff(StaffCategory.NON_LEADING_CADRE, "民警", UnitRole.DEPUTY)))
			.contains(UNIT_RESPONSIBILITY);
	}

	@Test
	void shouldReadTheRowsItWrites() {
		List<ItemSpec> items = List.of(CADRE_TRAINING, POLICE_DUTY, UNIT_RESPONSIBILITY);
		List<ItemRows.Row> rows = FormRows.parse("rows", ((SerializableValue) FormRows.json(ItemRows.rows(items))).getValueSerialized(),
				ItemRows.Row.class);
		assertThat(ItemRows.specs(rows)).isEqualTo(items);
	}

	@Test
	void shouldReportEveryBadRowAtOnceAndSkipEmptyRows() {
		String json = """
				[{"title":"谈心谈话","weight":20},
				 {"title":"读书分享","weight":200,"dueOn":"2121-13-01"},
				 {},
				 {"title":"","weight":10.5},
				 {"title":"主题党日","weight":"10","categories":["OUTSOURCED"]},
				 {"title":"家访","weight":30,"categories":["LEADING_CADRE"],"dueOn":"2122-06-30","posts":"民警、 辅警","forUnit":true}]
				""";
		List<ItemRows.Row> rows = FormRows.parse("rows", json, ItemRows.Row.class);
		assertThatThrownBy(() -> ItemRows.specs(rows)).isInstanceOfSatisfying(RuleViolationException.class,
				ex -> assertThat(ex.violations()).containsExactly(new Msg("responsibility.rows.weight", 2),
						new Msg("responsibility.text.date", 2, "2121-13-01"), new Msg("responsibility.text.title", 4),
						new Msg("responsibility.rows.weight", 4), new Msg("responsibility.text.category", 5, "OUTSOURCED")));
		assertThat(ItemRows.specs(List.of(rows.get(0), rows.get(2), rows.get(5)))).containsExactly(
				new ItemSpec("谈心谈话", null, null, 20, null, null, Set.of(), Set.of(), false),
				new ItemSpec("家访", null, null, 30, null, LocalDate.of(2122, 6, 30), Set.of(StaffCategory.LEADING_CADRE),
						Set.of("民警", "辅警"), true));
	}

	@Test
	void shouldRefuseAnEmptyListAndMalformedRows() {
		assertThatThrownBy(() -> ItemRows.specs(FormRows.parse("rows", "[{},{\"title\":\" \"}]", ItemRows.Row.class)))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.violations()).containsExactly(new Msg("responsibility.text.empty")));
		assertThatThrownBy(() -> FormRows.parse("rows", "[{\"title\":\"谈心\",\"categories\":\"LEADING_CADRE\"}]",
				ItemRows.Row.class))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.violations()).containsExactly(new Msg("form.rows.malformed")));
	}

	@Test
	void shouldShowTheItemsAsATableAPersonReads() {
		assertThat(ItemRows.view(List.of(CADRE_TRAINING, UNIT_RESPONSIBILITY)))
			.extracting(row -> row.get("no") + " " + row.get("categories") + " " + row.get("dueOn") + " " + row.get("forUnit"))
			.containsExactly("1 领导干部、非领导干部 2031-12-31 否", "2 全部 2031-12-31 是");
	}

	static ItemSpec item(String title, Set<StaffCategory> categories, Set<String> posts, boolean forUnit) {
		return new ItemSpec(title, "目标", "措施", 10, "记录", LocalDate.of(2031, 12, 31), categories, posts, forUnit);
	}

	static StaffInfo staff(StaffCategory category, String post, UnitRole role) {
		return new StaffInfo("someone", "某人", "OPS-1", "一大队", post, category, role, true, "x@zeren.example", true);
	}

}
