package io.zeren.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitRole;
import io.zeren.shared.Msg;
import io.zeren.shared.RuleViolationException;

/** Which catalogue items land on whose personal list, and the text format lists are edited in. */
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
	void shouldReadWhatItWrites() {
		List<ItemSpec> items = List.of(CADRE_TRAINING, POLICE_DUTY, UNIT_RESPONSIBILITY);
		assertThat(ItemText.parse(ItemText.format(items))).isEqualTo(items);
	}

	@Test
	void shouldReportEveryBadLineAtOnce() {
		String text = """
				谈心谈话 | 每季度一次 | 谈话 | 20
				读书分享 | 全年 | 分享 | 200 | | 2031-13-01
				家访 | 全年
				主题党日 | 每月 | 组织 | 10 | | | 外包人员 | | 也许
				""";
		assertThatThrownBy(() -> ItemText.parse(text)).isInstanceOfSatisfying(RuleViolationException.class,
				ex -> assertThat(ex.violations()).containsExactly(new Msg("responsibility.text.weight", 2, "200"),
						new Msg("responsibility.text.date", 2, "2031-13-01"), new Msg("responsibility.text.fields", 3),
						new Msg("responsibility.text.category", 4, "外包人员"), new Msg("responsibility.text.flag", 4, "也许")));
	}

	@Test
	void shouldRefuseAnEmptyList() {
		assertThatThrownBy(() -> ItemText.parse("# 只有注释\n\n")).isInstanceOfSatisfying(RuleViolationException.class,
				ex -> assertThat(ex.violations()).containsExactly(new Msg("responsibility.text.empty")));
	}

	static ItemSpec item(String title, Set<StaffCategory> categories, Set<String> posts, boolean forUnit) {
		return new ItemSpec(title, "目标", "措施", 10, "记录", LocalDate.of(2031, 12, 31), categories, posts, forUnit);
	}

	static StaffInfo staff(StaffCategory category, String post, UnitRole role) {
		return new StaffInfo("someone", "某人", "OPS-1", "一大队", post, category, role, true, "x@zeren.example", true);
	}

}
