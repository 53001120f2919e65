package io.zeren.assessment;

import org.springframework.stereotype.Component;

import io.zeren.inspection.Rectifications;

/** The real rectification record: the inspection module's overdue or failed rectifications of the year. */
@Component
class InspectionRectificationRecord implements RectificationRecord {

	private final Rectifications rectifications;

	InspectionRectificationRecord(Rectifications rectifications) {
		this.rectifications = rectifications;
	}

	@Override
	public int failedOrOverdue(String username, int year) {
		return rectifications.failedOrOverdue(username, year);
	}

}
