package cn.minzheng.approvals.calendar;

import java.time.LocalDate;
import java.util.Set;

/** One snapshot of the official calendar: days off on weekdays, weekend days worked, years covered. */
public record CalendarDays(Set<LocalDate> holidays, Set<LocalDate> workdays, Set<Integer> years) {

  public CalendarDays {
    holidays = Set.copyOf(holidays);
    workdays = Set.copyOf(workdays);
    years = Set.copyOf(years);
  }
}
