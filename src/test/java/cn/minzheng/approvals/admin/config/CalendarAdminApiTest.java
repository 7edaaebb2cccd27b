package cn.minzheng.approvals.admin.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.minzheng.approvals.admin.AdminAction;
import cn.minzheng.approvals.admin.AdminAudit;
import cn.minzheng.approvals.calendar.WorkdayCalendar;
import cn.minzheng.approvals.support.IntegrationTest;

/** The working-day calendar API for administrators: add 2027, correct it, refusals, who may, the audit trail. */
@IntegrationTest
class CalendarAdminApiTest {

  /** A 2027 arrangement in the form of the State Council's notice (春节 from Saturday 02-06; 调休 Sunday 02-14). */
  static final String YEAR_2027 = """
      # 2027 年部分节假日安排（测试用）
      2027-01-01..2027-01-03 休 元旦
      2027-02-06..2027-02-12 休 春节
      2027-02-14 班 春节调休
      2027-02-20 班 春节调休
      2027-10-01..2027-10-07 休 国庆节
      2027-10-09 班 国庆节调休
      """;
  static final String SOURCE = "国务院办公厅关于2027年部分节假日安排的通知";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkdayCalendar workdays;
  @Autowired AdminAudit audit;

  AdminHttp admin;

  @BeforeEach
  @AfterEach
  void without2027() {
    // other tests rely on 2027 being absent (the lenient count past the calendar)
    jdbc.update("DELETE FROM mz_calendar_day WHERE cal_date BETWEEN DATE '2027-01-01' AND DATE '2027-12-31'");
    jdbc.update("DELETE FROM mz_calendar_year WHERE cal_year = 2027");
    workdays.reload();
    admin = new AdminHttp(rest, "admin");
  }

  @Test
  void shouldCountOverNewHolidaysAtOnceWhenAdminAdds2027() {
    // given 2027 is not covered: a deadline into it cannot be computed
    assertThat(admin.get("/api/calendar/workdays?from=2027-02-05&add=1").getStatusCode())
        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

    // when
    ResponseEntity<Map<String, Object>> added = admin.post("/api/admin/calendar/2027",
        Map.of("source", SOURCE, "note", "录入2027年放假安排", "text", YEAR_2027));

    // then: Friday 02-05 + 1 working day skips 春节 (02-06..12) and Saturday 02-13 to the 调休 Sunday 02-14
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat((List<?>) added.getBody().get("days")).hasSize(3 + 7 + 2 + 7 + 1);
    ResponseEntity<Map<String, Object>> due = admin.get("/api/calendar/workdays?from=2027-02-05&add=1");
    assertThat(due.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(due.getBody().get("date")).isEqualTo("2027-02-14");
    assertThat(admin.get("/api/calendar/workdays?from=2026-12-31&add=1").getBody().get("date")).isEqualTo("2027-01-04");
    // and the change is on record: who, what, the note, no old content, the new year's text
    AdminAction entry = audit.recent("calendar:2027", 1).get(0);
    assertThat(entry.getActor()).isEqualTo("admin");
    assertThat(entry.getAction()).isEqualTo("calendar.add");
    assertThat(entry.getNote()).isEqualTo("录入2027年放假安排");
    assertThat(entry.getOldContent()).isNull();
    assertThat(entry.getNewContent()).contains("2027-02-14 班 春节调休", "2027-10-07 休 国庆节", SOURCE);
  }

  @Test
  void shouldReplaceYearAndRecordOldAndNewWhenAdminCorrectsIt() {
    // given 2027 as first entered, as JSON
    admin.post("/api/admin/calendar/2027", Map.of("source", SOURCE, "note", "录入", "days", List.of(
        Map.of("date", "2027-01-01", "kind", "holiday", "note", "元旦"),
        Map.of("date", "2027-05-03", "kind", "holiday", "note", "劳动节"))));
    assertThat(admin.get("/api/calendar/workdays?from=2027-04-30&add=1").getBody().get("date")).isEqualTo("2027-05-04");

    // when the 劳动节 day is corrected to 05-04
    ResponseEntity<Map<String, Object>> corrected = admin.send(HttpMethod.PUT, "/api/admin/calendar/2027",
        Map.of("source", SOURCE + "（更正）", "note", "劳动节调整为5月4日", "days", List.of(
            Map.of("date", "2027-01-01", "kind", "holiday", "note", "元旦"),
            Map.of("date", "2027-05-04", "kind", "holiday", "note", "劳动节"))));

    // then the next computation uses it, and the record holds both versions
    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.get("/api/calendar/workdays?from=2027-04-30&add=1").getBody().get("date")).isEqualTo("2027-05-03");
    AdminAction entry = audit.recent("calendar:2027", 1).get(0);
    assertThat(entry.getAction()).isEqualTo("calendar.replace");
    assertThat(entry.getNote()).isEqualTo("劳动节调整为5月4日");
    assertThat(entry.getOldContent()).contains("2027-05-03 休 劳动节").doesNotContain("2027-05-04");
    assertThat(entry.getNewContent()).contains("2027-05-04 休 劳动节", "（更正）").doesNotContain("2027-05-03");
    List<Map<String, Object>> history = admin.getList("/api/admin/calendar/2027/history").getBody();
    assertThat(history).extracting(h -> h.get("action")).startsWith("calendar.replace", "calendar.add");
  }

  @Test
  void shouldRefuseEveryBadDayAtOnceAndWriteNothing() {
    // when: outside the year, twice, both kinds, a 调休 on a Wednesday, an unknown kind, no note
    ResponseEntity<Map<String, Object>> refused = admin.post("/api/admin/calendar/2027", Map.of("source", SOURCE,
        "days", List.of(
            Map.of("date", "2026-12-31", "kind", "holiday"),
            Map.of("date", "2027-01-01", "kind", "holiday"),
            Map.of("date", "2027-01-01", "kind", "holiday"),
            Map.of("date", "2027-02-06", "kind", "holiday"),
            Map.of("date", "2027-02-06", "kind", "workday"),
            Map.of("date", "2027-02-10", "kind", "workday"),
            Map.of("date", "2027-03-01", "kind", "vacation"),
            Map.of("date", "2027-02-30", "kind", "holiday"))));

    // then
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(AdminHttp.rules(refused)).containsExactlyInAnyOrder("note-required", "date-outside-year",
        "date-duplicate", "holiday-and-workday", "workday-not-weekend", "kind-invalid", "date-invalid");
    Map<String, Object> weekday = AdminHttp.error(refused, "workday-not-weekend");
    assertThat(weekday.get("field")).isEqualTo("days[5].date");
    assertThat((String) weekday.get("message_zh")).contains("2027-02-10", "周末");
    assertThat((String) weekday.get("message_en")).contains("2027-02-10", "weekend");
    assertThat((String) AdminHttp.error(refused, "date-outside-year").get("message_zh")).contains("2026-12-31", "2027 年");
    assertThat(refused.getBody().get("detail_en")).isEqualTo("Calendar not saved: 7 problem(s).");
    assertThat(admin.get("/api/admin/calendar/2027").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(workdays.covers(2027)).isFalse();
  }

  @Test
  void shouldRefuseUnreadableLineNamingItsNumber() {
    // when
    ResponseEntity<Map<String, Object>> refused = admin.post("/api/admin/calendar/2027", Map.of("source", SOURCE,
        "note", "录入", "text", "2027-01-01 休 元旦\n1月2日放假\n"));

    // then
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(AdminHttp.rules(refused)).containsExactly("line-invalid");
    assertThat((String) AdminHttp.error(refused, "line-invalid").get("message_zh")).contains("第 2 行", "1月2日放假");
  }

  @Test
  void shouldAnswerConflictWhenYearExists() {
    // when 2026, which the calendar holds, is added again
    ResponseEntity<Map<String, Object>> again = admin.post("/api/admin/calendar/2026",
        Map.of("source", SOURCE, "note", "重复", "text", "2026-01-01 休 元旦"));

    // then nothing changes
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) again.getBody().get("detail")).contains("2026");
    assertThat(admin.get("/api/admin/calendar/2026").getBody().get("text").toString()).contains("2026-10-10 班");
  }

  @Test
  void shouldListYearsWithTheirCounts() {
    // when
    List<Map<String, Object>> years = admin.getList("/api/admin/calendar").getBody();

    // then 2026: 33 days off on the official list, 6 调休 workdays
    Map<String, Object> y2026 = years.stream().filter(y -> Integer.valueOf(2026).equals(y.get("year"))).findFirst().orElseThrow();
    assertThat(y2026.get("workdays")).isEqualTo(6);
    assertThat(((Number) y2026.get("holidays")).intValue()).isGreaterThan(20);
    assertThat(y2026.get("source").toString()).contains("2026");
  }

  @Test
  void shouldRefuseWhenCallerIsNotAdministrator() {
    for (String user : List.of("wjs-clerk", "qu-approver", "auditor")) {
      AdminHttp other = new AdminHttp(rest, user);
      assertThat(other.getText("/api/admin/calendar").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(other.post("/api/admin/calendar/2027", Map.of("source", SOURCE, "note", "x", "text", YEAR_2027))
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(other.getText("/admin/calendar").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(workdays.covers(2027)).isFalse();
    assertThat(new AdminHttp(rest, "admin").getText("/admin/calendar").getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
