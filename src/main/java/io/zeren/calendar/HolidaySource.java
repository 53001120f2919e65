package io.zeren.calendar;

import java.util.List;

/** Where {@link HolidayCalendar} reads the special days from: the database, or a list in a unit test. */
@FunctionalInterface
interface HolidaySource {

	List<SpecialDay> load();

}
