package cn.minzheng.approvals.admin.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.approvals.admin.config.CalendarYearRequest.DayInput;
import cn.minzheng.approvals.calendar.CalendarDay;

/**
 * The rules of a year's arrangement: the year is plausible, the source and change note are given,
 * every date is a real date inside the year, no date twice (and so none both off and worked), and a
 * 调休 workday falls on a weekend (a weekday is a workday anyway). Answers every problem at once.
 */
final class CalendarYearValidator {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;
  private static final int SOURCE_LENGTH = 200;
  private static final int DAY_NOTE_LENGTH = 100;

  private CalendarYearValidator() {
  }

  /** The checked days, or the refusal naming every problem. */
  static List<CalendarDay> validate(int year, CalendarYearRequest request) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      problems.add(new ConfigProblem("year", "year-range", "calendar.year-range", year, FIRST_YEAR, LAST_YEAR));
    }
    if (blank(request.source()) || request.source().strip().length() > SOURCE_LENGTH) {
      problems.add(new ConfigProblem("source", "source-required", "calendar.source-required", SOURCE_LENGTH));
    }
    if (blank(request.note())) {
      problems.add(new ConfigProblem("note", "note-required", "calendar.note-required"));
    }
    boolean hasDays = request.days() != null && !request.days().isEmpty();
    boolean hasText = !blank(request.text());
    List<DayInput> inputs = new ArrayList<>();
    String prefix = "days";
    if (hasDays && hasText) {
      problems.add(new ConfigProblem("text", "days-or-text", "calendar.days-or-text"));
    } else if (hasText) {
      CalendarText.Parsed parsed = CalendarText.parse(request.text());
      parsed.badLines().forEach(bad -> problems.add(
          new ConfigProblem("text", "line-invalid", "calendar.line-invalid", bad.number(), bad.text())));
      inputs = parsed.days();
      prefix = "text";
    } else if (hasDays) {
      inputs = request.days();
    }
    if (inputs.isEmpty() && problems.stream().noneMatch(p -> p.rule().equals("line-invalid") || p.rule().equals("days-or-text"))) {
      problems.add(new ConfigProblem(hasText ? "text" : "days", "days-required", "calendar.days-required"));
    }
    List<CalendarDay> days = new ArrayList<>();
    Map<LocalDate, String> seen = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      DayInput input = inputs.get(i);
      String field = prefix.equals("text") ? "text" : "days[" + i + "]";
      CalendarDay day = check(year, input, field, seen, problems);
      if (day != null) {
        days.add(day);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigRefusedException("calendar.refused", problems);
    }
    days.sort(java.util.Comparator.comparing(CalendarDay::getDate));
    return days;
  }

  private static CalendarDay check(int year, DayInput input, String field, Map<LocalDate, String> seen,
                                   List<ConfigProblem> problems) {
    LocalDate date;
    try {
      date = LocalDate.parse(input.date() == null ? "" : input.date().strip());
    } catch (DateTimeParseException e) {
      problems.add(new ConfigProblem(field + (field.equals("text") ? "" : ".date"), "date-invalid",
          "calendar.date-invalid", String.valueOf(input.date())));
      return null;
    }
    String dateField = field.equals("text") ? "text" : field + ".date";
    String kind = input.kind() == null ? "" : input.kind().strip();
    boolean valid = true;
    if (!CalendarDay.HOLIDAY.equals(kind) && !CalendarDay.WORKDAY.equals(kind)) {
      problems.add(new ConfigProblem(field.equals("text") ? "text" : field + ".kind", "kind-invalid",
          "calendar.kind-invalid", date.toString(), kind));
      valid = false;
    }
    if (date.getYear() != year) {
      problems.add(new ConfigProblem(dateField, "date-outside-year", "calendar.date-outside-year", date.toString(), year));
      valid = false;
    }
    String before = seen.putIfAbsent(date, kind);
    if (before != null) {
      boolean both = !before.equals(kind);
      problems.add(new ConfigProblem(dateField, both ? "holiday-and-workday" : "date-duplicate",
          both ? "calendar.holiday-and-workday" : "calendar.date-duplicate", date.toString()));
      valid = false;
    }
    if (CalendarDay.WORKDAY.equals(kind) && !weekend(date)) {
      problems.add(new ConfigProblem(dateField, "workday-not-weekend", "calendar.workday-not-weekend", date.toString()));
      valid = false;
    }
    String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
    if (note != null && note.length() > DAY_NOTE_LENGTH) {
      problems.add(new ConfigProblem(field.equals("text") ? "text" : field + ".note", "day-note-length",
          "calendar.day-note-length", date.toString(), DAY_NOTE_LENGTH));
      valid = false;
    }
    return valid ? new CalendarDay(date, kind, note) : null;
  }

  private static boolean weekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
