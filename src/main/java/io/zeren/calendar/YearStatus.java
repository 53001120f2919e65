package io.zeren.calendar;

/** How far a year of the calendar can be trusted. */
public enum YearStatus {

	/** Maintained by an admin. */
	COMPLETE,

	/** Holds the shipped sample, to be checked against the State Council notice before production. */
	SAMPLE,

	/** No special days at all: only weekends count as days off, holidays and 调休 are ignored. */
	MISSING

}
