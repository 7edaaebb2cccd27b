package cn.minzheng.approvals.admin.config;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.minzheng.approvals.admin.AdminAction;
import cn.minzheng.approvals.admin.AdminAudit;
import cn.minzheng.approvals.calendar.CalendarDay;
import cn.minzheng.approvals.calendar.CalendarMapper;
import cn.minzheng.approvals.calendar.WorkdayCalendar;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.web.ApiException;

/**
 * The working-day calendar as administrators keep it: a year is added (next year's holidays, once the
 * State Council publishes them) or replaced as a whole (a correction). Every change is recorded with
 * the year's text before and after, and the deadlines use it from the next computation on.
 */
@Service
public class CalendarAdmin {

  static final String ADD = "calendar.add";
  static final String REPLACE = "calendar.replace";

  private final CalendarMapper calendar;
  private final WorkdayCalendar workdays;
  private final AdminAudit audit;

  public CalendarAdmin(CalendarMapper calendar, WorkdayCalendar workdays, AdminAudit audit) {
    this.calendar = calendar;
    this.workdays = workdays;
    this.audit = audit;
  }

  public record YearSummary(int year, String source, long holidays, long workdays) {
  }

  public record Year(int year, String source, List<CalendarDay> days, String text) {
  }

  public List<YearSummary> years() {
    return calendar.findYears().stream().map(this::year).map(y -> new YearSummary(y.year(), y.source(),
        count(y, CalendarDay.HOLIDAY), count(y, CalendarDay.WORKDAY))).toList();
  }

  public Year year(int year) {
    String source = calendar.findYearSource(year);
    if (source == null) {
      throw ApiException.notFound();
    }
    List<CalendarDay> days = calendar.findDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    return new Year(year, source, days, CalendarText.format(year, source, days));
  }

  /** Adds a year the calendar does not hold yet. */
  @Transactional
  public Year add(int year, CalendarYearRequest request, CurrentUser admin) {
    List<CalendarDay> days = CalendarYearValidator.validate(year, request);
    if (calendar.findYearSource(year) != null) {
      throw ApiException.conflict("calendar.year-exists", year);
    }
    calendar.insertYear(year, request.source().strip());
    return write(year, request, days, admin, ADD, null);
  }

  /** Replaces a year's source and every one of its days (a correction). */
  @Transactional
  public Year replace(int year, CalendarYearRequest request, CurrentUser admin) {
    List<CalendarDay> days = CalendarYearValidator.validate(year, request);
    String old = year(year).text();
    calendar.updateYearSource(year, request.source().strip());
    return write(year, request, days, admin, REPLACE, old);
  }

  public List<AdminAction> history(int year) {
    return audit.recent(target(year), 100);
  }

  private Year write(int year, CalendarYearRequest request, List<CalendarDay> days, CurrentUser admin,
                     String action, String oldText) {
    calendar.deleteDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    days.forEach(calendar::insertDay);
    Year written = year(year);
    audit.record(admin.id(), action, target(year), request.note().strip(), oldText, written.text());
    // the cached calendar is read again once the change is committed, never from a rolled-back one
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        workdays.reload();
      }
    });
    return written;
  }

  static String target(int year) {
    return "calendar:" + year;
  }

  private static long count(Year year, String kind) {
    return year.days().stream().filter(d -> kind.equals(d.getKind())).count();
  }
}
