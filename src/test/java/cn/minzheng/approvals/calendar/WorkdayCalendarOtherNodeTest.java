package cn.minzheng.approvals.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.minzheng.approvals.support.IntegrationTest;

/**
 * Two nodes of a cluster share the calendar's tables: a year an administrator adds through this node is
 * seen by another node's calendar (a second {@link WorkdayCalendar} over the same database) once its
 * refresh interval has passed, without a restart, and not before.
 */
@IntegrationTest
class WorkdayCalendarOtherNodeTest {

  static final String YEAR_2027 = """
      2027-01-01..2027-01-03 休 元旦
      2027-02-06..2027-02-12 休 春节
      2027-02-14 班 春节调休
      """;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired CalendarMapper mapper;
  @Autowired WorkdayCalendar workdays;

  @BeforeEach
  @AfterEach
  void without2027() {
    jdbc.update("DELETE FROM mz_calendar_day WHERE cal_date BETWEEN DATE '2027-01-01' AND DATE '2027-12-31'");
    jdbc.update("DELETE FROM mz_calendar_year WHERE cal_year = 2027");
    workdays.reload();
  }

  @Test
  void shouldSeeAYearAddedOnAnotherNodeAfterTheRefreshInterval() {
    // given the other node has read the calendar (no 2027) and checks its version every 30 s
    AtomicLong now = new AtomicLong(0);
    WorkdayCalendar otherNode = new WorkdayCalendar(mapper, Duration.ofSeconds(30), now::get);
    assertThat(otherNode.covers(2027)).isFalse();

    // when an administrator adds 2027 through this node
    var added = rest.withBasicAuth("admin", "demo123").postForEntity("/api/admin/calendar/2027",
        Map.of("source", "国务院办公厅关于2027年部分节假日安排的通知", "note", "集群测试", "text", YEAR_2027), Map.class);
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(workdays.covers(2027)).isTrue();

    // then the other node still counts with what it read until the interval is over
    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(otherNode.covers(2027)).isFalse();
    // and afterwards sees the new year: Friday 02-05 + 1 working day is the 调休 Sunday 02-14
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(otherNode.covers(2027)).isTrue();
    assertThat(otherNode.add(LocalDate.of(2027, 2, 5), 1)).isEqualTo(LocalDate.of(2027, 2, 14));
  }

  @Test
  void shouldSeeACorrectionWithTheSameNumberOfDaysOnAnotherNode() {
    // given 2027 with 元旦 on 01-01..01-03, read by the other node
    var admin = rest.withBasicAuth("admin", "demo123");
    admin.postForEntity("/api/admin/calendar/2027",
        Map.of("source", "通知", "note", "录入", "text", "2027-01-01..2027-01-03 休 元旦\n"), Map.class);
    AtomicLong now = new AtomicLong(0);
    WorkdayCalendar otherNode = new WorkdayCalendar(mapper, Duration.ofSeconds(30), now::get);
    assertThat(otherNode.isWorkday(LocalDate.of(2027, 1, 4))).isTrue();

    // when the year is corrected to three other days (same count of days)
    admin.put("/api/admin/calendar/2027",
        Map.of("source", "通知", "note", "更正", "text", "2027-01-02..2027-01-04 休 元旦\n"));

    // then after the interval the other node reads the corrected days
    now.addAndGet(Duration.ofSeconds(30).toNanos());
    assertThat(otherNode.isWorkday(LocalDate.of(2027, 1, 4))).isFalse();
    assertThat(otherNode.isWorkday(LocalDate.of(2027, 1, 1))).isTrue();
  }
}
