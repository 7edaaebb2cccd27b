package cn.minzheng.approvals.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import cn.minzheng.approvals.config.TimeConfig;

/**
 * The calendar as the migration {@code V2__workspace.sql} stores it; expected dates reasoned
 * from the State Council's 2026 arrangement (国办发明电〔2025〕7号).
 */
class WorkdayCalendarTest {

  private static CalendarDays configured;
  private static WorkdayCalendar calendar;

  private static final Pattern ROW = Pattern.compile(
      "INSERT INTO mz_calendar_(day|year) \\((?:cal_date|cal_year)[^)]*\\) VALUES \\((?:DATE '([0-9-]{10})', '(holiday|workday)'|(\\d{4}),)");

  @BeforeAll
  static void loadCalendarFromTheMigration() throws IOException {
    // the calendar is data: read it exactly as the Flyway migration inserts it
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> workdays = new HashSet<>();
    Set<Integer> years = new HashSet<>();
    for (String line : Files.readAllLines(Path.of("src/main/resources/db/migration/V2__workspace.sql"))) {
      Matcher m = ROW.matcher(line);
      if (!m.find()) {
        continue;
      }
      if (m.group(4) != null) {
        years.add(Integer.parseInt(m.group(4)));
      } else if ("holiday".equals(m.group(3))) {
        holidays.add(LocalDate.parse(m.group(2)));
      } else {
        workdays.add(LocalDate.parse(m.group(2)));
      }
    }
    configured = new CalendarDays(holidays, workdays, years);
    calendar = new WorkdayCalendar(() -> configured);
  }

  private static List<LocalDate> range(String first, String last) {
    return Stream.iterate(LocalDate.parse(first), d -> !d.isAfter(LocalDate.parse(last)), d -> d.plusDays(1)).toList();
  }

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldMatchOfficialArrangementWhenReadingThe2026Calendar() {
    // given the official 2026 arrangement
    List<LocalDate> officialHolidays = new ArrayList<>();
    officialHolidays.addAll(range("2026-01-01", "2026-01-03")); // 元旦
    officialHolidays.addAll(range("2026-02-15", "2026-02-23")); // 春节
    officialHolidays.addAll(range("2026-04-04", "2026-04-06")); // 清明节
    officialHolidays.addAll(range("2026-05-01", "2026-05-05")); // 劳动节
    officialHolidays.addAll(range("2026-06-19", "2026-06-21")); // 端午节
    officialHolidays.addAll(range("2026-09-25", "2026-09-27")); // 中秋节
    officialHolidays.addAll(range("2026-10-01", "2026-10-07")); // 国庆节
    List<LocalDate> officialWorkdays = Stream.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
        "2026-09-20", "2026-10-10").map(LocalDate::parse).toList();

    // when
    List<LocalDate> holidays2026 = configured.holidays().stream().filter(d -> d.getYear() == 2026).toList();
    List<LocalDate> workdays2026 = configured.workdays().stream().filter(d -> d.getYear() == 2026).toList();

    // then
    assertThat(holidays2026).containsExactlyInAnyOrderElementsOf(officialHolidays);
    assertThat(workdays2026).containsExactlyInAnyOrderElementsOf(officialWorkdays);
    assertThat(configured.years()).contains(2025, 2026).doesNotContain(2027);
  }

  @Test
  void shouldSkipNationalDayWeekWhenAddingOneDayFromSeptember30() {
    // given Wednesday 2026-09-30; 10-01..10-07 are off
    LocalDate from = LocalDate.of(2026, 9, 30);

    // when
    LocalDate due = calendar.add(from, 1);

    // then Thursday 10-08
    assertThat(due).isEqualTo(LocalDate.of(2026, 10, 8));
  }

  @Test
  void shouldCountTiaoxiuSaturdayWhenAddingTenDaysAfterNationalDay() {
    // given 2026-09-30: 10-08 (1), 10-09 (2), Sat 10-10 worked (3), 10-12..10-16 (4-8), 10-19 (9), 10-20 (10)
    LocalDate from = LocalDate.of(2026, 9, 30);

    // when
    LocalDate due = calendar.add(from, 10);

    // then
    assertThat(due).isEqualTo(LocalDate.of(2026, 10, 20));
  }

  @Test
  void shouldBeWorkdayWhenSaturdayIsATiaoxiuDay() {
    // given Saturday 2026-10-10, worked in exchange for National Day
    LocalDate day = LocalDate.of(2026, 10, 10);

    // when
    boolean workday = calendar.isWorkday(day);

    // then
    assertThat(workday).isTrue();
    assertThat(calendar.isWorkday(LocalDate.of(2026, 10, 11))).as("Sunday 10-11 stays off").isFalse();
  }

  @Test
  void shouldReachTiaoxiuSaturdayWhenAddingOneDayBeforeSpringFestival() {
    // given Friday 2026-02-13; Saturday 02-14 is worked
    LocalDate from = LocalDate.of(2026, 2, 13);

    // when
    LocalDate due = calendar.add(from, 1);

    // then
    assertThat(due).isEqualTo(LocalDate.of(2026, 2, 14));
  }

  @Test
  void shouldSkipSpringFestivalWhenAddingTwoDaysFromFebruary13() {
    // given Friday 2026-02-13: Sat 02-14 worked (1), 02-15..02-23 off, Tue 02-24 (2)
    LocalDate from = LocalDate.of(2026, 2, 13);

    // when
    LocalDate due = calendar.add(from, 2);

    // then
    assertThat(due).isEqualTo(LocalDate.of(2026, 2, 24));
  }

  @Test
  void shouldReachWorkedSundayWhenAddingOneDayAcrossNewYear() {
    // given Wednesday 2025-12-31; 2026-01-01..01-03 are off, Sunday 01-04 is worked
    LocalDate from = LocalDate.of(2025, 12, 31);

    // when
    LocalDate due = calendar.add(from, 1);

    // then
    assertThat(due).isEqualTo(LocalDate.of(2026, 1, 4));
  }

  @Test
  void shouldSkipLabourDayWhenAddingOneDayFromApril30() {
    // given Thursday 2026-04-30; 05-01..05-05 are off
    LocalDate from = LocalDate.of(2026, 4, 30);

    // when
    LocalDate due = calendar.add(from, 1);

    // then Wednesday 05-06
    assertThat(due).isEqualTo(LocalDate.of(2026, 5, 6));
  }

  @Test
  void shouldSkipMidAutumnWhenAddingOneDayFromSeptember24() {
    // given Thursday 2026-09-24; Friday 09-25 (中秋) and the weekend are off
    LocalDate from = LocalDate.of(2026, 9, 24);

    // when
    LocalDate due = calendar.add(from, 1);

    // then Monday 09-28
    assertThat(due).isEqualTo(LocalDate.of(2026, 9, 28));
  }

  @Test
  void shouldSkipWeekendWhenWeekIsOrdinary() {
    // given Friday 2026-03-06, an ordinary week in March

    // when
    LocalDate nextDay = calendar.add(LocalDate.of(2026, 3, 6), 1);
    LocalDate afterFive = calendar.add(LocalDate.of(2026, 3, 9), 5);

    // then
    assertThat(nextDay).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(afterFive).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(calendar.isWorkday(LocalDate.of(2026, 3, 7))).isFalse();
    assertThat(calendar.isWorkday(LocalDate.of(2026, 3, 8))).isFalse();
  }

  @Test
  void shouldReturnSameDayWhenAddingZero() {
    // given a working day and a holiday

    // when / then
    assertThat(calendar.add(LocalDate.of(2026, 3, 10), 0)).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(calendar.add(LocalDate.of(2026, 10, 1), 0)).isEqualTo(LocalDate.of(2026, 10, 1));
  }

  @Test
  void shouldThrowWhenAddingIntoAYearTheCalendarDoesNotHold() {
    // given Thursday 2026-12-31, the last day the calendar covers
    LocalDate from = LocalDate.of(2026, 12, 31);

    // when
    WorkdayCalendar.CalendarYearMissingException e =
        catchThrowableOfType(WorkdayCalendar.CalendarYearMissingException.class, () -> calendar.add(from, 1));

    // then
    assertThat(e).isNotNull();
    assertThat(e.year()).isEqualTo(2027);
    assertThat(calendar.covers(2026)).isTrue();
    assertThat(calendar.covers(2027)).isFalse();
  }

  @Test
  void shouldStayInYearWhenLastWorkdayIsDecember31() {
    // given Wednesday 2026-12-30

    // when
    LocalDate due = calendar.add(LocalDate.of(2026, 12, 30), 1);

    // then no year is missing: 12-31 is a Thursday
    assertThat(due).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void shouldBeDueAtEndOfBeijingDayWhenComputingDueIn() {
    // given engine time 2026-09-30 07:00 in Beijing (still 09-29 in UTC)
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 9, 30, 7, 0).atZone(TimeConfig.BEIJING).toInstant()));

    // when
    Date due = calendar.dueIn(1);

    // then 10-08 23:59:59 Beijing time
    assertThat(due.toInstant())
        .isEqualTo(LocalDateTime.of(2026, 10, 8, 23, 59, 59).atZone(TimeConfig.BEIJING).toInstant());
  }

  @Test
  void shouldCountWeekendsOnlyWhenDueInRunsPastTheCalendar() {
    // given engine time Thursday 2026-12-31; 2027 has no calendar
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 12, 31, 9, 0).atZone(TimeConfig.BEIJING).toInstant()));

    // when
    Date due = calendar.dueIn(2);

    // then Friday 2027-01-01 (1) and Monday 01-04 (2), weekends only
    assertThat(due.toInstant())
        .isEqualTo(LocalDateTime.of(2027, 1, 4, 23, 59, 59).atZone(TimeConfig.BEIJING).toInstant());
  }
}
