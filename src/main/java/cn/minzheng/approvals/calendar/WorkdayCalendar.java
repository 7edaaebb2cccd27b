package cn.minzheng.approvals.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.minzheng.approvals.config.TimeConfig;
import cn.minzheng.approvals.process.ProcessBean;

/**
 * Working days (工作日) by the official calendar: weekends and public holidays are off, 调休 weekend
 * days are worked. Statutory limits are counted in these days. Models use it as {@code workdays}.
 */
@ProcessBean
@Component("workdays")
public class WorkdayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkdayCalendar.class);
  /** Due at the end of the office day. */
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final Supplier<CalendarDays> source;
  private volatile CalendarDays days;

  /** The calendar kept as data (mz_calendar_year, mz_calendar_day), read on first use. */
  @Autowired
  public WorkdayCalendar(CalendarMapper calendar) {
    this(() -> new CalendarDays(Set.copyOf(calendar.findDays("holiday")), Set.copyOf(calendar.findDays("workday")),
        Set.copyOf(calendar.findYears())));
  }

  public WorkdayCalendar(Supplier<CalendarDays> source) {
    this.source = source;
  }

  /** Reads the calendar again, after an administrator changed it. */
  public void reload() {
    days = source.get();
  }

  private CalendarDays days() {
    CalendarDays current = days;
    if (current == null) {
      current = source.get();
      days = current;
    }
    return current;
  }

  public boolean covers(int year) {
    return days().years().contains(year);
  }

  public boolean isWorkday(LocalDate day) {
    CalendarDays current = days();
    if (current.workdays().contains(day)) {
      return true;
    }
    if (current.holidays().contains(day)) {
      return false;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The day {@code days} working days after {@code from}; refuses years the calendar does not hold. */
  public LocalDate add(LocalDate from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative");
    }
    LocalDate day = from;
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (!covers(day.getYear())) {
        throw new CalendarYearMissingException(day.getYear());
      }
      if (isWorkday(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * Like {@link #add}, but past the calendar's last year counts weekends only and warns, so that a
   * missing calendar never stops a case.
   */
  public LocalDate addLenient(LocalDate from, int days) {
    try {
      return add(from, days);
    } catch (CalendarYearMissingException e) {
      log.warn("No holiday calendar for {}: counting weekends only. Add the year's calendar.", e.year());
      LocalDate day = from;
      for (int counted = 0; counted < days; ) {
        day = day.plusDays(1);
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
          counted++;
        }
      }
      return day;
    }
  }

  /**
   * Due date of a stage with a limit of {@code days} working days from now (engine time), for
   * {@code camunda:dueDate="${workdays.dueIn(10)}"}.
   */
  public Date dueIn(int days) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(TimeConfig.BEIJING).toLocalDate();
    return Date.from(addLenient(today, days).atTime(END_OF_DAY).atZone(TimeConfig.BEIJING).toInstant());
  }

  /** Thrown when a date falls in a year the calendar holds no official arrangement for. */
  public static class CalendarYearMissingException extends RuntimeException {
    private final int year;

    public CalendarYearMissingException(int year) {
      super("No working-day calendar for " + year);
      this.year = year;
    }

    public int year() {
      return year;
    }
  }
}
