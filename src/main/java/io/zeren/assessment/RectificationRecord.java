package io.zeren.assessment;

import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * How many of a person's rectifications (整改) failed verification or ran overdue in a year: an input of the
 * grade decision. The inspection module provides the real answer by declaring a bean of this type, which
 * replaces the fallback below.
 */
public interface RectificationRecord {

	int failedOrOverdue(String username, int year);

	/** Until the inspection module is there: no rectification record. */
	@Component
	@Fallback
	class None implements RectificationRecord {

		@Override
		public int failedOrOverdue(String username, int year) {
			return 0;
		}

	}

}
