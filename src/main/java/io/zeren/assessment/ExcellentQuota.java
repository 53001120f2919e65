package io.zeren.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import io.zeren.shared.Msg;

/**
 * The 优秀 quota of a unit: {@code floor(assessed × share)}, but at least one when the unit assesses anyone,
 * so that a unit of three is not barred from 优秀 altogether (a unit of 6 at 20% gets 1, of 10 gets 2, of 14
 * gets 2, of 15 gets 3). Pure policy: no Spring, no persistence.
 */
public final class ExcellentQuota {

	private final BigDecimal share;

	public ExcellentQuota(BigDecimal share) {
		if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("zeren.assessment.excellent-quota must be between 0 and 1: " + share);
		}
		this.share = share;
	}

	/** How many of {@code assessed} people may be graded 优秀. */
	public int allowed(int assessed) {
		if (assessed <= 0) {
			return 0;
		}
		int floor = share.multiply(BigDecimal.valueOf(assessed)).setScale(0, RoundingMode.FLOOR).intValueExact();
		return share.signum() == 0 ? 0 : Math.max(1, floor);
	}

	/** The violation if {@code excellent} people of the unit's {@code assessed} exceed the quota. */
	public Optional<Msg> check(String unitCode, int assessed, long excellent) {
		int allowed = allowed(assessed);
		if (excellent <= allowed) {
			return Optional.empty();
		}
		return Optional.of(new Msg("assessment.quota.exceeded", unitCode, allowed, assessed,
				share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString(), excellent));
	}

}
