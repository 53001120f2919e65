/**
 * The working-day calendar: weekends, public holidays and adjusted working weekends (调休), maintained
 * by admins per year. Deadlines "in working days" are computed here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar", allowedDependencies = "shared")
package io.zeren.calendar;
