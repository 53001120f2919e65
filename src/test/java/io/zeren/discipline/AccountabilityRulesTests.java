package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.zeren.organisation.StaffCategory;
import io.zeren.organisation.StaffInfo;
import io.zeren.organisation.UnitRole;
import io.zeren.shared.Msg;

/** Trigger counting, the walk up the supervisor chain and the measure lines of the accountability forms. */
class AccountabilityRulesTests {

	// --- trigger counting ---------------------------------------------------------------------------------

	@Test
	void shouldWaitUntilTheThresholdThenOpen() {
		assertThat(GroundPolicy.decide(0, false, 3)).isEqualTo(GroundPolicy.Action.WAIT);
		assertThat(GroundPolicy.decide(2, false, 3)).isEqualTo(GroundPolicy.Action.WAIT);
		assertThat(GroundPolicy.decide(3, false, 3)).isEqualTo(GroundPolicy.Action.OPEN);
		// A ground that could not open a matter before (no free handler) still counts.
		assertThat(GroundPolicy.decide(5, false, 3)).isEqualTo(GroundPolicy.Action.OPEN);
		assertThat(GroundPolicy.decide(1, false, 1)).isEqualTo(GroundPolicy.Action.OPEN);
	}

	@Test
	void shouldJoinTheOpenMatterInsteadOfOpeningAnother() {
		assertThat(GroundPolicy.decide(1, true, 3)).isEqualTo(GroundPolicy.Action.JOIN);
		assertThat(GroundPolicy.decide(4, true, 3)).isEqualTo(GroundPolicy.Action.JOIN);
		assertThat(GroundPolicy.decide(0, true, 3)).isEqualTo(GroundPolicy.Action.WAIT);
	}

	@Test
	void shouldRefuseAThresholdBelowOne() {
		assertThatThrownBy(() -> GroundPolicy.decide(1, false, 0)).hasMessageContaining("at least 1");
	}

	// --- chain walking ------------------------------------------------------------------------------------

	@Test
	void shouldTakeTheHeadAndTheConfiguredLevelsAbove() {
		StaffInfo head = staff("zhengyang", "OPS-1");
		List<StaffInfo> chain = List.of(staff("xuguoqiang", "OPS"), staff("wangjianguo", "AG"));

		assertThat(ResponsibleLeaders.walk(head, chain, 0)).extracting(ResponsibleLeaders.Leader::username)
			.containsExactly("zhengyang");
		assertThat(ResponsibleLeaders.walk(head, chain, 1))
			.containsExactly(new ResponsibleLeaders.Leader("zhengyang", "负责人", "OPS-1", 0),
					new ResponsibleLeaders.Leader("xuguoqiang", "负责人", "OPS", 1));
		assertThat(ResponsibleLeaders.walk(head, chain, 2)).extracting(ResponsibleLeaders.Leader::username)
			.containsExactly("zhengyang", "xuguoqiang", "wangjianguo");
		// The chain ends at the agency head.
		assertThat(ResponsibleLeaders.walk(head, chain, 5)).hasSize(3);
		assertThat(ResponsibleLeaders.walk(staff("wangjianguo", "AG"), List.of(), 1))
			.extracting(ResponsibleLeaders.Leader::username)
			.containsExactly("wangjianguo");
	}

	@Test
	void shouldNotCountAPersonTwice() {
		assertThat(ResponsibleLeaders.walk(staff("a", "U"), List.of(staff("a", "U"), staff("b", "P")), 1))
			.extracting(ResponsibleLeaders.Leader::username, ResponsibleLeaders.Leader::level)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a", 0), org.assertj.core.groups.Tuple.tuple("b", 1));
		assertThatThrownBy(() -> ResponsibleLeaders.walk(staff("a", "U"), List.of(), -1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	// --- measure rows -------------------------------------------------------------------------------------

	private static final java.util.function.Function<String, String> NAMES = Map.of("zhengyang", "郑阳", "xuguoqiang",
			"徐国强")::get;

	@Test
	void shouldReadOneMeasureAndReasonPerLeader() {
		MeasureRows.Parsed parsed = MeasureRows.check(List.of(new MeasureRows.Row("zhengyang", "ADMONITION", " 三项整改逾期 "),
				new MeasureRows.Row("xuguoqiang", "ORGANISATIONAL_ADJUSTMENT", "督促不力：屡次提醒无果")),
				List.of("zhengyang", "xuguoqiang"), NAMES, 500);

		assertThat(parsed.ok()).isTrue();
		assertThat(parsed.lines()).containsEntry("zhengyang", new MeasureRows.Line(LeaderMeasure.ADMONITION, "三项整改逾期"))
			.containsEntry("xuguoqiang",
					new MeasureRows.Line(LeaderMeasure.ORGANISATIONAL_ADJUSTMENT, "督促不力：屡次提醒无果"));
		assertThat(MeasureRows.format(List.of("zhengyang", "xuguoqiang"), parsed.lines()))
			.isEqualTo("zhengyang：诫勉：三项整改逾期\nxuguoqiang：组织调整：督促不力：屡次提醒无果");
		assertThat(MeasureRows.rows(List.of("zhengyang", "xuguoqiang"), parsed.lines())).containsExactly(
				new MeasureRows.Row("zhengyang", "ADMONITION", "三项整改逾期"),
				new MeasureRows.Row("xuguoqiang", "ORGANISATIONAL_ADJUSTMENT", "督促不力：屡次提醒无果"));
		assertThat(MeasureRows.rows(List.of("zhengyang"), Map.of()))
			.containsExactly(new MeasureRows.Row("zhengyang", null, null));
	}

	@Test
	void shouldListEveryProblemOfTheRowsByName() {
		MeasureRows.Parsed parsed = MeasureRows.check(List.of(new MeasureRows.Row("zhengyang", "WARNING", "x"),
				new MeasureRows.Row("huangxin", "CIRCULATED_CRITICISM", "不是责任领导"),
				new MeasureRows.Row("zhengyang", "CIRCULATED_CRITICISM", "重复"),
				new MeasureRows.Row(null, null, null)), List.of("zhengyang", "xuguoqiang"), NAMES, 500);

		assertThat(parsed.ok()).isFalse();
		assertThat(parsed.lines()).isEmpty();
		assertThat(parsed.problems()).containsExactly(new Msg("discipline.accountability.row-measure", 1, "郑阳"),
				new Msg("discipline.accountability.row-not-leader", 2),
				new Msg("discipline.accountability.row-duplicate", 3, "郑阳"),
				new Msg("discipline.accountability.row-not-leader", 4),
				new Msg("discipline.accountability.row-missing", "徐国强"));
	}

	@Test
	void shouldRequireAReasonForEveryMeasureIncludingNone() {
		assertThat(MeasureRows.check(List.of(new MeasureRows.Row("zhengyang", "NONE", " ")), List.of("zhengyang"), NAMES,
				500).problems())
			.containsExactly(new Msg("discipline.accountability.row-reason", 1, "郑阳"));
		assertThat(MeasureRows.check(List.of(new MeasureRows.Row("zhengyang", "ADMONITION", "长".repeat(11))),
				List.of("zhengyang"), NAMES, 10).problems())
			.containsExactly(new Msg("discipline.accountability.too-long", "10"));
		assertThat(MeasureRows.check(List.of(), List.of("zhengyang"), NAMES, 10).problems())
			.containsExactly(new Msg("discipline.accountability.rows-required"));
	}

	private static StaffInfo staff(String username, String unit) {
		return new StaffInfo(username, username, unit, unit, "负责人", StaffCategory.LEADING_CADRE, UnitRole.HEAD, true,
				username + "@zeren.example", true);
	}

}
