package cn.minzheng.approvals.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
  private final Supplier<Object> version;
  private final long refreshNanos;
  private final LongSupplier nanoTime;
  private volatile Loaded loaded;

  /**
   * The calendar kept as data (mz_calendar_year, mz_calendar_day), read on first use. Another node of a
   * cluster may change it: every {@code approvals.calendar.refresh} the version in the database is compared
   * (day count and the last administrator change of a calendar year) and the calendar read again if it moved.
   */
  @Autowired
  public WorkdayCalendar(CalendarMapper calendar, @Value("${approvals.calendar.refresh:PT30S}") Duration refresh) {
    this(calendar, refresh, System::nanoTime);
  }

  WorkdayCalendar(CalendarMapper calendar, Duration refresh, LongSupplier nanoTime) {
    this(() -> new CalendarDays(Set.copyOf(calendar.findDays("holiday")), Set.copyOf(calendar.findDays("workday")),
        Set.copyOf(calendar.findYears())), () -> List.of(calendar.countDays(), Objects.toString(calendar.lastChange())),
        refresh, nanoTime);
  }

  /** A fixed calendar (tests): read once, never checked again. */
  public WorkdayCalendar(Supplier<CalendarDays> source) {
    this(source, () -> "fixed", Duration.ofDays(10_000), System::nanoTime);
  }

  WorkdayCalendar(Supplier<CalendarDays> source, Supplier<Object> version, Duration refresh, LongSupplier nanoTime) {
    this.source = source;
    this.version = version;
    this.refreshNanos = refresh.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Reads the calendar again at once, after an administrator changed it on this node. */
  public void reload() {
    loaded = load();
  }

  private Loaded load() {
    Object stamp = version.get();
    return new Loaded(source.get(), stamp, nanoTime.getAsLong());
  }

  private CalendarDays days() {
    Loaded current = loaded;
    if (current == null) {
      current = load();
      loaded = current;
    } else if (nanoTime.getAsLong() - current.checkedAt() >= refreshNanos) {
      Object stamp = version.get();
      current = stamp.equals(current.version()) ? new Loaded(current.days(), stamp, nanoTime.getAsLong()) : load();
      loaded = current;
    }
    return current.days();
  }

  /** The calendar as read, the version it was read at and when that version was last compared (nanoTime). */
  private record Loaded(CalendarDays days, Object version, long checkedAt) {
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
