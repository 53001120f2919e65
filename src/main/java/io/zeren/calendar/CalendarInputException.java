package io.zeren.calendar;

import java.util.List;

import io.zeren.shared.Msg;

/** A request the calendar refuses whole (400): an unreadable upload, or a parameter it cannot parse. Nothing is written. */
class CalendarInputException extends RuntimeException {

	private final String titleCode;

	private final List<Msg> reasons;

	private CalendarInputException(String titleCode, List<Msg> reasons) {
		super(reasons.toString());
		this.titleCode = titleCode;
		this.reasons = List.copyOf(reasons);
	}

	/** The uploaded file cannot be imported. */
	static CalendarInputException malformedFile(List<Msg> reasons) {
		return new CalendarInputException("error.title.malformed", reasons);
	}

	static CalendarInputException malformedFile(Msg reason) {
		return malformedFile(List.of(reason));
	}

	/** A path or query parameter is invalid. */
	static CalendarInputException invalid(Msg reason) {
		return new CalendarInputException("error.title.invalid", List.of(reason));
	}

	String titleCode() {
		return titleCode;
	}

	List<Msg> reasons() {
		return reasons;
	}

}
