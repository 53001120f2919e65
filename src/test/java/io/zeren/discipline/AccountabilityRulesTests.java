package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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

	// --- measure lines ------------------------------------------------------------------------------------

	@Test
	void shouldReadOneMeasureAndReasonPerLeader() {
		MeasureLines.Parsed parsed = MeasureLines.parse(
				"zhengyang（郑阳，大队长）：诫勉：三项整改逾期\n\n xuguoqiang 徐国强:ORGANISATIONAL_ADJUSTMENT:督促不力：屡次提醒无果 ",
				List.of("zhengyang", "xuguoqiang"), 500);

		assertThat(parsed.ok()).isTrue();
		assertThat(parsed.lines()).containsEntry("zhengyang", new MeasureLines.Line(LeaderMeasure.ADMONITION, "三项整改逾期"))
			.containsEntry("xuguoqiang",
					new MeasureLines.Line(LeaderMeasure.ORGANISATIONAL_ADJUSTMENT, "督促不力：屡次提醒无果"));
		assertThat(MeasureLines.format(List.of("zhengyang", "xuguoqiang"), parsed.lines()))
			.isEqualTo("zhengyang：诫勉：三项整改逾期\nxuguoqiang：组织调整：督促不力：屡次提醒无果");
		assertThat(MeasureLines.format(List.of("zhengyang", "xuguoqiang"), java.util.Map.of()))
			.isEqualTo("zhengyang：\nxuguoqiang：");
	}

	@Test
	void shouldListEveryProblemOfTheLines() {
		MeasureLines.Parsed parsed = MeasureLines.parse("""
				zhengyang：警告：x
				huangxin：通报：不是责任领导
				zhengyang：通报：重复
				没有冒号
				""", List.of("zhengyang", "xuguoqiang"), 500);

		assertThat(parsed.ok()).isFalse();
		assertThat(parsed.lines()).isEmpty();
		assertThat(parsed.problems()).containsExactly(new Msg("discipline.accountability.line-measure", 1, "警告"),
				new Msg("discipline.accountability.line-not-leader", 2, "huangxin"),
				new Msg("discipline.accountability.line-duplicate", 3, "zhengyang"),
				new Msg("discipline.accountability.line-format", 4),
				new Msg("discipline.accountability.line-missing", "xuguoqiang"));
	}

	@Test
	void shouldRequireAReasonForEveryMeasureIncludingNone() {
		assertThat(MeasureLines.parse("zhengyang：不予问责", List.of("zhengyang"), 500).problems())
			.containsExactly(new Msg("discipline.accountability.line-reason", 1, "zhengyang"));
		assertThat(MeasureLines.parse("zhengyang：诫勉：" + "长".repeat(11), List.of("zhengyang"), 10).problems())
			.containsExactly(new Msg("discipline.accountability.too-long", "10"));
		assertThat(MeasureLines.parse("  ", List.of("zhengyang"), 10).problems())
			.containsExactly(new Msg("discipline.accountability.measures-required"));
	}

	private static StaffInfo staff(String username, String unit) {
		return new StaffInfo(username, username, unit, unit, "负责人", StaffCategory.LEADING_CADRE, UnitRole.HEAD, true,
				username + "@zeren.example", true);
	}

}
