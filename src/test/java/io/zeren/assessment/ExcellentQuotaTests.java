package io.zeren.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.zeren.shared.Msg;

class ExcellentQuotaTests {

	private final ExcellentQuota twentyPercent = new ExcellentQuota(new BigDecimal("0.20"));

	@ParameterizedTest(name = "{0} assessed → {1} 优秀")
	@CsvSource({ "0,0", "1,1", "3,1", "4,1", "5,1", "6,1", "9,1", "10,2", "14,2", "15,3", "20,4", "101,20" })
	void shouldFloorTheShareButAllowAtLeastOne(int assessed, int allowed) {
		assertThat(twentyPercent.allowed(assessed)).isEqualTo(allowed);
	}

	@Test
	void shouldAllowNoneWhenThePolicyIsZero() {
		assertThat(new ExcellentQuota(BigDecimal.ZERO).allowed(10)).isZero();
	}

	@Test
	void shouldNameUnitQuotaAndCountWhenOverQuota() {
		assertThat(twentyPercent.check("OPS-1", 6, 1)).isEmpty();
		assertThat(twentyPercent.check("OPS-1", 6, 2))
			.contains(new Msg("assessment.quota.exceeded", "OPS-1", 1, 6, "20", 2L));
	}

	@Test
	void shouldRefuseAShareOutsideZeroToOne() {
		assertThatThrownBy(() -> new ExcellentQuota(new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ExcellentQuota(new BigDecimal("-0.1"))).isInstanceOf(IllegalArgumentException.class);
	}

}
