package cn.minzheng.approvals.calendar;

import java.time.LocalDate;

/** One row of mz_calendar_day: a weekday off ({@link #HOLIDAY}) or a weekend day worked ({@link #WORKDAY}, 调休). */
public class CalendarDay {

  public static final String HOLIDAY = "holiday";
  public static final String WORKDAY = "workday";

  private LocalDate date;
  private String kind;
  private String note;

  public CalendarDay() {
  }

  public CalendarDay(LocalDate date, String kind, String note) {
    this.date = date;
    this.kind = kind;
    this.note = note;
  }

  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
}
