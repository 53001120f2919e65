package io.zeren.responsibility;

import java.util.Arrays;
import java.util.List;

/**
 * A batch of whole units as the processes carry it (a multi-instance element, a KickOffBatchProcess variable):
 * the unit codes joined by commas, short enough to name in a variable.
 */
final class UnitBatch {

	private UnitBatch() {
	}

	static String of(List<String> unitCodes) {
		return String.join(",", unitCodes);
	}

	static List<String> codes(String batch) {
		return Arrays.stream(batch.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
	}

}
