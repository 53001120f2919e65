package io.zeren.calendar;

import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface HolidayRepository extends Repository<Holiday, Long> {

	/** Every special day, as the in-memory calendar holds them (no managed entities: it may run inside any transaction). */
	@Query("select new io.zeren.calendar.SpecialDay(h.dayDate, h.kind, h.name) from Holiday h order by h.dayDate")
	List<SpecialDay> findAllDays();

	List<Holiday> findByCalYearOrderByDayDate(int calYear);

	@Query("select distinct h.calYear from Holiday h where h.sample = :sample order by h.calYear")
	List<Integer> findYears(boolean sample);

	/** A bulk delete runs at once, before the replacing rows are inserted (they may reuse the same dates). */
	@Modifying
	@Query("delete from Holiday h where h.calYear = :calYear")
	int deleteYear(int calYear);

	Holiday save(Holiday holiday);

}
