package io.zeren.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseNumbersTests {

	@Test
	void shouldFillYearAndPaddedSequence() {
		assertThat(CaseNumbers.format("纪线〔{year}〕{seq:4}号", 2026, 7)).isEqualTo("纪线〔2026〕0007号");
		assertThat(CaseNumbers.format("A-{seq}", 2026, 12345)).isEqualTo("A-12345");
		assertThat(CaseNumbers.format("{year}/{seq:2}/{year}", 2031, 123)).isEqualTo("2031/123/2031");
	}

}
