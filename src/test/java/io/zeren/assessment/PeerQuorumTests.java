package io.zeren.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeerQuorumTests {

	@ParameterizedTest(name = "{0} of {1} peers → {2} votes")
	@CsvSource({ "2/3,0,0", "2/3,1,1", "2/3,3,2", "2/3,4,3", "2/3,5,4", "2/3,6,4", "0.5,4,2", "0.5,5,3", "1,5,5" })
	void shouldRoundTheShareOfPeersUp(String share, int peers, int required) {
		assertThat(PeerQuorum.parse(share).required(peers)).isEqualTo(required);
	}

	@Test
	void shouldRefuseWhatIsNotAShare() {
		assertThatThrownBy(() -> PeerQuorum.parse("3/2")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PeerQuorum.parse("two thirds")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PeerQuorum.parse(" ")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldCountConsecutiveYearsEndingWithTheYear() {
		Map<Integer, Grade> grades = Map.of(2023, Grade.EXCELLENT, 2024, Grade.EXCELLENT, 2025, Grade.EXCELLENT, 2026,
				Grade.EXCELLENT, 2022, Grade.INCOMPETENT);
		assertThat(ConsecutiveYears.streak(grades, 2026, Grade.EXCELLENT)).isEqualTo(4);
		assertThat(ConsecutiveYears.streak(Map.of(2025, Grade.INCOMPETENT, 2026, Grade.INCOMPETENT), 2026, Grade.INCOMPETENT))
			.isEqualTo(2);
		assertThat(ConsecutiveYears.streak(Map.of(2024, Grade.EXCELLENT, 2026, Grade.EXCELLENT), 2026, Grade.EXCELLENT))
			.isEqualTo(1);
		assertThat(ConsecutiveYears.streak(grades, 2027, Grade.EXCELLENT)).isZero();
	}

}
