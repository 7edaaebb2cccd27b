package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.application.CaseActionService;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestIds;

/**
 * GET /api/dashboard with known data: the figures move by exactly the cases the test creates (the
 * database is shared with other tests, so each figure is compared before and after), and each figure's
 * link lists exactly its cases.
 */
@IntegrationTest
class DashboardApiTest {

  static final String WJS = "420112001000";
  static final String JJL = "420112002000";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired CaseActionService caseActions;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired JdbcTemplate jdbc;

  ApiClient auditor;
  ApiClient wjsClerk;
  DibaoCases cases;

  @BeforeEach
  void init() {
    auditor = new ApiClient(rest, "auditor");
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    cases = new DibaoCases(engine, applications, notices, users);
  }

  @Test
  void shouldCountTheCasesBehindEveryFigure() {
    // given
    Map<String, Object> before = auditor.get("/api/dashboard").getBody();
    Case approved = cases.atDistrict();
    cases.decide(approved, "approve", "homeVisitDone", false);
    cases.refused("收入超过标准");
    Case appealed = cases.refused("收入超过标准");
    caseActions.fileAppeal(appealed.applicationId(), "收入计算有误", users.load("wjs-clerk").orElseThrow());
    Case overdue = jjlOnPublicNotice();
    jdbc.update("UPDATE mz_application SET procedure_due = ? WHERE id = ?", LocalDate.now().minusDays(3),
        overdue.applicationId());
    List<Long> tekun = List.of(approvedTekun("institution", 5), approvedTekun("home", 2), approvedTekun("home", 0));
    String institution = "YLT" + java.util.UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("INSERT INTO mz_institution (code, name, region_code) VALUES (?, '测试养老院', '420112000000')", institution);
    // occupied (by ids no admission uses), so that no other test's admission is placed in them
    for (int i = 0; i < 3; i++) {
      jdbc.update("INSERT INTO mz_bed (institution_code, bed_no, nursing, occupant_app_id) VALUES (?, ?, ?, ?)", institution,
          "T" + i, i < 2 ? 1 : 0, tekun.get(i));
    }
    // when
    Map<String, Object> after = auditor.get("/api/dashboard").getBody();
    // then
    assertThat(after.get("scope")).isEqualTo(Map.of("level", "district", "code", "420112000000", "name", "东西湖区"));
    assertThat(sum(after, "openByStage", "cases", r -> JJL.equals(r.get("street")) && "dibao".equals(r.get("type"))))
        .isEqualTo(sum(before, "openByStage", "cases", r -> JJL.equals(r.get("street")) && "dibao".equals(r.get("type"))) + 1);
    assertThat(sum(after, "overdueByStreet", "cases", r -> JJL.equals(r.get("street"))))
        .isEqualTo(sum(before, "overdueByStreet", "cases", r -> JJL.equals(r.get("street"))) + 1);
    assertThat(sum(after, "outcomes", "approved", dibao())).isEqualTo(sum(before, "outcomes", "approved", dibao()) + 1);
    assertThat(sum(after, "outcomes", "rejected", dibao())).isEqualTo(sum(before, "outcomes", "rejected", dibao()) + 1);
    Map<String, Object> dibaoOutcome = only(after, "outcomes", dibao());
    long yes = ((Number) dibaoOutcome.get("approved")).longValue();
    long no = ((Number) dibaoOutcome.get("rejected")).longValue();
    assertThat(new BigDecimal(dibaoOutcome.get("approvalRate").toString()))
        .isEqualByComparingTo(BigDecimal.valueOf(yes).divide(BigDecimal.valueOf(yes + no), 4, java.math.RoundingMode.HALF_UP));
    assertThat(sum(after, "appeals", "pending", dibao())).isEqualTo(sum(before, "appeals", "pending", dibao()) + 1);
    // 集中供养率: one more of two more people who cannot care for themselves (the self-caring one is not counted)
    assertThat(indicator(after, "tekunConcentratedCare", "institution")).isEqualTo(indicator(before, "tekunConcentratedCare", "institution") + 1);
    assertThat(indicator(after, "tekunConcentratedCare", "cannotCareForSelf"))
        .isEqualTo(indicator(before, "tekunConcentratedCare", "cannotCareForSelf") + 2);
    // 低保: one more household of two people, 1160 元 a month, in 吴家山街
    Map<String, Object> dibaoWjsBefore = dibaoStreet(before, WJS);
    Map<String, Object> dibaoWjsAfter = dibaoStreet(after, WJS);
    assertThat(number(dibaoWjsAfter, "households")).isEqualTo(number(dibaoWjsBefore, "households") + 1);
    assertThat(number(dibaoWjsAfter, "persons")).isEqualTo(number(dibaoWjsBefore, "persons") + 2);
    assertThat(new BigDecimal(dibaoWjsAfter.get("amount").toString()).subtract(new BigDecimal(dibaoWjsBefore.get("amount").toString())))
        .isEqualByComparingTo("1160");
    // 护理型床位占比: 3 more beds, 2 of them nursing beds
    assertThat(indicator(after, "nursingBeds", "beds")).isEqualTo(indicator(before, "nursingBeds", "beds") + 3);
    assertThat(indicator(after, "nursingBeds", "nursing")).isEqualTo(indicator(before, "nursingBeds", "nursing") + 2);
    // processing times: the finished 低保 case and its tasks are in the samples, p90 never below the median
    @SuppressWarnings("unchecked")
    Map<String, List<Map<String, Object>>> times = (Map<String, List<Map<String, Object>>>) after.get("processingTimes");
    assertThat(times.get("processes")).anySatisfy(r -> {
      assertThat(r.get("type")).isEqualTo("dibao");
      assertThat(number(r, "samples")).isPositive();
      assertThat(number(r, "p90Millis")).isGreaterThanOrEqualTo(number(r, "medianMillis"));
    });
    assertThat(times.get("stages")).anySatisfy(r -> {
      assertThat(r).containsEntry("type", "dibao").containsEntry("taskKey", "Task_Accept");
      assertThat(number(r, "samples")).isGreaterThanOrEqualTo(4);
    });
  }

  @Test
  void shouldListExactlyTheCasesOfAFigureThroughItsLink() {
    // given
    Case overdue = jjlOnPublicNotice();
    jdbc.update("UPDATE mz_application SET procedure_due = ? WHERE id = ?", LocalDate.now().minusDays(3),
        overdue.applicationId());
    Map<String, Object> figures = auditor.get("/api/dashboard").getBody();
    Map<String, Object> jjlOverdue = only(figures, "overdueByStreet", r -> JJL.equals(r.get("street")));
    // when
    Map<String, Object> listed = auditor.get("/api/applications?size=100&" + jjlOverdue.get("link")).getBody();
    // then
    assertThat(jjlOverdue.get("link")).isEqualTo("street=" + JJL + "&overdue=true");
    assertThat(number(listed, "total")).isEqualTo(number(jjlOverdue, "cases"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) listed.get("items");
    assertThat(items).extracting(i -> ((Number) i.get("id")).longValue()).contains(overdue.applicationId());
    // the unfiltered list is unchanged by the new parameters
    assertThat(number(auditor.get("/api/applications?size=1").getBody(), "total")).isGreaterThan(number(listed, "total"));
  }

  @Test
  void shouldShowStreetStaffOnlyTheirStreet() {
    // given
    jjlOnPublicNotice();
    // when
    var answer = wjsClerk.get("/api/dashboard");
    // then
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> figures = answer.getBody();
    assertThat(figures.get("scope")).isEqualTo(Map.of("level", "street", "code", WJS, "name", "吴家山街道"));
    for (String list : List.of("openByStage", "overdueByStreet")) {
      assertThat(rows(figures, list)).allSatisfy(r -> assertThat(r.get("street")).isEqualTo(WJS));
    }
    assertThat(rows(indicators(figures), "dibaoByStreet")).allSatisfy(r -> assertThat(r.get("street")).isEqualTo(WJS));
    assertThat(number(auditor.get("/api/applications?street=" + JJL).getBody(), "total")).isPositive();
    assertThat(number(wjsClerk.get("/api/applications?street=" + JJL).getBody(), "total")).isZero();
    assertThat(new ApiClient(rest, null).get("/api/dashboard").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // --- helpers

  private Case jjlOnPublicNotice() {
    ApplicationRecord created = applications.submit(Applications.dibao(Applications.JJL_COMMUNITY),
        users.load("jjl-clerk").orElseThrow());
    Case c = new Case(created.getId(), engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(created.getProcessInstanceId()).singleResult());
    cases.decide(c, "approve");
    cases.investigate(c, false);
    cases.decide(c, "approve");
    return c;
  }

  /** A 特困 case approved by the district; {@code failed} of six daily activities the person cannot manage. */
  private long approvedTekun(String careMode, int failed) {
    ApplicationRequest request = new ApplicationRequest("tekun", Applications.WJS_COMMUNITY,
        new ApplicationRequest.Applicant("刘孤老", TestIds.random(), "13812345678"), null, null, null, null,
        "年老无依", Map.of("category", "elderly", "supporter", "none", "careMode", careMode),
        List.of(new ApplicationRequest.Material("id_card", "身份证", true)));
    ApplicationRecord created = applications.submit(request, users.load("wjs-clerk").orElseThrow());
    Case c = new Case(created.getId(), engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(created.getProcessInstanceId()).singleResult());
    cases.decide(c, "approve");
    cases.decide(c, "approve", "investigator1", "王五", "investigator2", "赵六", "noWorkAbility", true, "noIncome", true,
        "noSupporter", true, "note", "符合特困人员认定条件", "canEat", failed < 1, "canDress", failed < 2,
        "canTransfer", failed < 3, "canToilet", failed < 4, "canWalk", failed < 5, "canBathe", failed < 6);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(cases.timer(c));
    cases.decide(c, "approve", "spotCheck", "no", ProcessVariables.DECIDED_BY, "qu-approver");
    assertThat(cases.application(c).getStatus()).isEqualTo("approved");
    return c.applicationId();
  }

  private static Predicate<Map<String, Object>> dibao() {
    return r -> "dibao".equals(r.get("type"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> figures, String key) {
    return (List<Map<String, Object>>) figures.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> indicators(Map<String, Object> figures) {
    return (Map<String, Object>) figures.get("indicators");
  }

  @SuppressWarnings("unchecked")
  private static long indicator(Map<String, Object> figures, String name, String field) {
    return number((Map<String, Object>) indicators(figures).get(name), field);
  }

  private static Map<String, Object> dibaoStreet(Map<String, Object> figures, String street) {
    return rows(indicators(figures), "dibaoByStreet").stream().filter(r -> street.equals(r.get("street"))).findFirst()
        .orElse(Map.of("households", 0, "persons", 0, "amount", 0));
  }

  private static long sum(Map<String, Object> figures, String list, String field, Predicate<Map<String, Object>> which) {
    return rows(figures, list).stream().filter(which).mapToLong(r -> number(r, field)).sum();
  }

  private static Map<String, Object> only(Map<String, Object> figures, String list, Predicate<Map<String, Object>> which) {
    List<Map<String, Object>> found = rows(figures, list).stream().filter(which).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static long number(Map<String, Object> row, String field) {
    Object value = row.get(field);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
