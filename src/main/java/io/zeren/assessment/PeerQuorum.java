package io.zeren.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many peers must vote before the democratic evaluation may end early: {@code ceil(peers × share)}, the
 * share written as a fraction ("2/3") or a decimal ("0.6"), so that "two thirds of three" is exactly two.
 */
public record PeerQuorum(BigDecimal numerator, BigDecimal denominator) {

	public PeerQuorum {
		if (numerator.signum() < 0 || denominator.signum() <= 0 || numerator.compareTo(denominator) > 0) {
			throw new IllegalArgumentException("zeren.assessment.peer-completion-share must be between 0 and 1");
		}
	}

	public static PeerQuorum parse(String share) {
		if (share == null || share.isBlank()) {
			throw new IllegalArgumentException("zeren.assessment.peer-completion-share is empty");
		}
		String[] parts = share.trim().split("/");
		try {
			return parts.length == 2 ? new PeerQuorum(new BigDecimal(parts[0].trim()), new BigDecimal(parts[1].trim()))
					: new PeerQuorum(new BigDecimal(parts[0]), BigDecimal.ONE);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("zeren.assessment.peer-completion-share is not a share: " + share, ex);
		}
	}

	public int required(int peers) {
		if (peers <= 0) {
			return 0;
		}
		BigDecimal exact = BigDecimal.valueOf(peers).multiply(numerator).divide(denominator, 6, RoundingMode.HALF_UP);
		return Math.max(1, exact.setScale(0, RoundingMode.CEILING).intValueExact());
	}

}
