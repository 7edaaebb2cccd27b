package cn.minzheng.approvals.admin.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.approvals.admin.config.CalendarYearRequest.DayInput;
import cn.minzheng.approvals.calendar.CalendarDay;

/**
 * The plain-text form of a year's days, one line each, as the State Council's notice reads:
 * <pre>
 * # comment
 * 2027-01-01 休 元旦
 * 2027-02-06..2027-02-12 休 春节
 * 2027-02-14 班 春节调休
 * </pre>
 * The kind is {@code 休}/{@code holiday} or {@code 班}/{@code workday}; a range {@code a..b} stands for
 * every day in it. The same form is what auditors see as the old and new content of a change.
 */
final class CalendarText {

  private static final Pattern LINE = Pattern.compile(
      "^(\\d{4}-\\d{2}-\\d{2})(?:\\s*(?:\\.\\.|~|至)\\s*(\\d{4}-\\d{2}-\\d{2}))?\\s+(\\S+)(?:\\s+(.+))?$");
  private static final Map<String, String> KINDS = Map.of(
      "休", CalendarDay.HOLIDAY, "holiday", CalendarDay.HOLIDAY,
      "班", CalendarDay.WORKDAY, "workday", CalendarDay.WORKDAY);

  private CalendarText() {
  }

  /** A line that is not a day: its number (from 1) and text. */
  record BadLine(int number, String text) {
  }

  record Parsed(List<DayInput> days, List<BadLine> badLines) {
  }

  /** The days of the text; a range is given as its days, each checked later like any other. */
  static Parsed parse(String text) {
    List<DayInput> days = new ArrayList<>();
    List<BadLine> bad = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        bad.add(new BadLine(i + 1, line));
        continue;
      }
      String kind = KINDS.getOrDefault(m.group(3).toLowerCase(Locale.ROOT), m.group(3));
      if (m.group(2) == null) {
        days.add(new DayInput(m.group(1), kind, m.group(4)));
        continue;
      }
      try {
        var from = java.time.LocalDate.parse(m.group(1));
        var to = java.time.LocalDate.parse(m.group(2));
        if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
          bad.add(new BadLine(i + 1, line));
          continue;
        }
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
          days.add(new DayInput(day.toString(), kind, m.group(4)));
        }
      } catch (java.time.format.DateTimeParseException e) {
        bad.add(new BadLine(i + 1, line));
      }
    }
    return new Parsed(days, bad);
  }

  /** The canonical text of a year: its source as a comment, then one line per day by date. */
  static String format(int year, String source, List<CalendarDay> days) {
    StringBuilder text = new StringBuilder("# ").append(year).append(' ').append(source).append('\n');
    for (CalendarDay day : days) {
      text.append(day.getDate()).append(' ').append(CalendarDay.WORKDAY.equals(day.getKind()) ? "班" : "休");
      if (day.getNote() != null && !day.getNote().isBlank()) {
        text.append(' ').append(day.getNote());
      }
      text.append('\n');
    }
    return text.toString();
  }
}
