package cn.minzheng.approvals.admin.config;

import java.util.List;

/**
 * A year's official arrangement as an administrator enters it: the notice it comes from, the change
 * note for auditors, and the days either as JSON ({@code days}) or as text lines ({@code text}, see
 * {@link CalendarText}), not both.
 */
public record CalendarYearRequest(String source, String note, List<DayInput> days, String text) {

  /** A day off ({@code holiday}) or a weekend day worked ({@code workday}, 调休), with its festival. */
  public record DayInput(String date, String kind, String note) {
  }
}
