package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.PublicNoticeTimer;
import cn.minzheng.approvals.support.TestIds;
import cn.minzheng.approvals.tekun.TekunProcess;
import cn.minzheng.approvals.tekun.TekunTerminationProcess;
import cn.minzheng.approvals.support.PdfText;

/** 特困人员救助供养 end to end through the HTTP API as the demo users. */
@IntegrationTest
@SuppressWarnings("unchecked")
class TekunApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  ApiClient wjsClerk;
  ApiClient approver;

  @BeforeEach
  void clients() {
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    approver = new ApiClient(rest, "qu-approver");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldCarryAnApplicationFromSubmissionToConfirmationAndStartTheAdmissionForInstitutionCare() {
    // given
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", request("institution"));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    String number = (String) created.getBody().get("number");
    assertThat(number).matches("TK-420112-\\d{4}-\\d{6}");
    // when
    complete(wjsClerk, number, SharedStages.TASK_ACCEPT, "approve", Map.of());
    Map<String, Object> investigation = new HashMap<>(Map.of("investigator1", "王五", "investigator2", "赵六",
        "noWorkAbility", true, "noIncome", true, "noSupporter", true, "note", "符合条件"));
    TekunProcess.SELF_CARE_ITEMS.forEach(item -> investigation.put(item, true));
    complete(wjsClerk, number, TekunProcess.TASK_INVESTIGATE, "approve", investigation);
    Job timer = PublicNoticeTimer.of(management, runtime, (String) created.getBody().get("processInstanceId"));
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    management.executeJob(timer.getId());
    ClockUtil.reset();
    complete(approver, number, TekunProcess.TASK_DISTRICT_REVIEW, "approve", Map.of("spotCheck", "yes"));
    // then
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "approved").containsEntry("stage", TekunProcess.END_INSTITUTION_CARE);
    assertThat(((Number) application.get("amount")).doubleValue()).isEqualTo(1660.0);
    assertThat(((List<?>) application.get("notices")).stream().map(n -> String.valueOf(((Map<?, ?>) n).get("kind"))).toList())
        .containsExactly("accepted", "publicity", "approved", "certificate");
    Map<String, Object> admissions = wjsClerk.get("/api/applications?type=yanglao&q=" + "刘孤老").getBody();
    assertThat(admissions.toString()).contains("YL-420112-");
  }

  /** Submitted, accepted, investigated and through its 公示: waiting for the district's review. */
  private String[] atDistrictReview(String careMode) {
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", request(careMode));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    String number = (String) created.getBody().get("number");
    complete(wjsClerk, number, SharedStages.TASK_ACCEPT, "approve", Map.of());
    Map<String, Object> investigation = new HashMap<>(Map.of("investigator1", "王五", "investigator2", "赵六",
        "noWorkAbility", true, "noIncome", true, "noSupporter", true, "note", "符合条件"));
    TekunProcess.SELF_CARE_ITEMS.forEach(item -> investigation.put(item, true));
    complete(wjsClerk, number, TekunProcess.TASK_INVESTIGATE, "approve", investigation);
    passPublicNotice((String) created.getBody().get("processInstanceId"));
    return new String[] {String.valueOf(created.getBody().get("id")), number};
  }

  private void passPublicNotice(String caseInstanceId) {
    Job timer = PublicNoticeTimer.of(management, runtime, caseInstanceId);
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    management.executeJob(timer.getId());
    ClockUtil.reset();
  }

  /** Reviews of the district this period that are not spot-checked, added so that the quota binds. */
  private void belowQuota() {
    Map<String, Object> tally = jdbc.queryForMap("SELECT COUNT(*) AS reviewed, COALESCE(SUM(spot_checked), 0) AS checked"
        + " FROM mz_spot_check WHERE district_code = '420112000000' AND reviewed_at >= ?",
        java.sql.Timestamp.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).withDayOfMonth(1).atStartOfDay()));
    long reviewed = ((Number) tally.get("reviewed")).longValue();
    long checked = ((Number) tally.get("checked")).longValue();
    long needed = Math.max(0, (long) Math.ceil(checked / 0.3) - reviewed) + 1;
    addReviews(needed, 0);
  }

  private void addReviews(long count, int spotChecked) {
    for (long i = 0; i < count; i++) {
      jdbc.update("INSERT INTO mz_spot_check (application_id, district_code, spot_checked, reviewed_by, reviewed_at)"
          + " VALUES (0, '420112000000', ?, 'quota-test', ?)", spotChecked,
          java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))));
    }
  }

  @AfterEach
  void removeMadeUpReviews() {
    jdbc.update("DELETE FROM mz_spot_check WHERE reviewed_by = 'quota-test'");
  }

  @Test
  void shouldRefuseToCompleteTheReviewWithoutASpotCheckWhenTheQuotaWouldBeMissed() {
    // given: this month's share of spot-checks is at its floor
    String[] c = atDistrictReview("home");
    belowQuota();
    String task = approver.taskId(c[1], TekunProcess.TASK_DISTRICT_REVIEW);
    // then: the task says a spot-check is required
    Map<String, Object> view = approver.get("/api/tasks/" + task).getBody();
    assertThat((List<Map<String, Object>>) view.get("notes")).singleElement()
        .satisfies(n -> assertThat(n).containsEntry("code", "spot-check-required"))
        .satisfies(n -> assertThat((String) n.get("detail")).contains("30%", "入户抽查"));
    // when: completed without one
    ResponseEntity<Map<String, Object>> refused = approver.post("/api/tasks/" + task + "/complete",
        Map.of("decision", "approve", "data", Map.of("spotCheck", "no")));
    // then: refused with the reason, nothing recorded
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat((String) refused.getBody().get("detail")).contains("抽查比例低于 30%");
    assertThat((String) refused.getBody().get("detail_en")).contains("below 30%");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mz_spot_check WHERE application_id = ?", Long.class,
        Long.valueOf(c[0]))).isZero();
    // and with a spot-check it goes through, recorded as spot-checked
    complete(approver, c[1], TekunProcess.TASK_DISTRICT_REVIEW, "approve", Map.of("spotCheck", "yes"));
    assertThat(jdbc.queryForObject("SELECT spot_checked FROM mz_spot_check WHERE application_id = ?", Integer.class,
        Long.valueOf(c[0]))).isEqualTo(1);
  }

  @Test
  void shouldAllowAReviewWithoutSpotCheckWhileTheShareStaysAboveTheQuota() {
    // given: plenty of spot-checks this month
    String[] c = atDistrictReview("home");
    addReviews(20, 1);
    String task = approver.taskId(c[1], TekunProcess.TASK_DISTRICT_REVIEW);
    assertThat((List<?>) approver.get("/api/tasks/" + task).getBody().get("notes")).isEmpty();
    // when
    complete(approver, c[1], TekunProcess.TASK_DISTRICT_REVIEW, "approve", Map.of("spotCheck", "no"));
    // then: the per-case decision is kept
    assertThat(jdbc.queryForObject("SELECT spot_checked FROM mz_spot_check WHERE application_id = ?", Integer.class,
        Long.valueOf(c[0]))).isZero();
  }

  @Test
  void shouldTerminateAConfirmedPersonThroughTheApiWithALawfulNotice() throws Exception {
    // given: a confirmed 特困 person
    String[] c = atDistrictReview("home");
    long id = Long.parseLong(c[0]);
    complete(approver, c[1], TekunProcess.TASK_DISTRICT_REVIEW, "approve", Map.of("spotCheck", "yes"));
    // when: bad requests are refused, then the street starts the termination
    ResponseEntity<Map<String, Object>> bad = wjsClerk.post("/api/applications/" + id + "/termination",
        Map.of("reason", "rich"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("errors").toString()).contains("reason", "facts");
    assertThat(approver.post("/api/applications/" + id + "/termination",
        Map.of("reason", "death", "facts", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> started = wjsClerk.post("/api/applications/" + id + "/termination",
        Map.of("reason", "supporter", "facts", "其子刘大已返乡定居，具备赡养能力"));
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(wjsClerk.post("/api/applications/" + id + "/termination",
        Map.of("reason", "death", "facts", "已死亡")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    // the 公示 runs, then the district decides to terminate
    passPublicNotice((String) started.getBody().get("processInstanceId"));
    ResponseEntity<Map<String, Object>> decided = approver.post("/api/tasks/"
        + approver.taskId(c[1], TekunTerminationProcess.TASK_DECIDE_TERMINATION) + "/complete",
        Map.of("decision", "approve", "opinion", "经入户核实，赡养人具备赡养能力", "data", Map.of()));
    assertThat(decided.getStatusCode()).as("%s", decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    // then
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "terminated");
    Map<?, ?> notice = ((List<?>) application.get("notices")).stream().map(n -> (Map<?, ?>) n)
        .filter(n -> "terminated".equals(n.get("kind"))).findFirst().orElseThrow();
    String pdf = PdfText.of(wjsClerk.getBytes("/api/notices/" + notice.get("id") + ".pdf").getBody());
    assertThat(pdf).contains("终止特困人员救助供养决定书", (String) notice.get("docNumber"), "武汉市东西湖区民政局", "（印章）",
        "420112********", c[1], "事实和理由", "具备赡养", "赡养人具备赡养能力", "第二十四条至第二十六条",
        "60日内向武汉市东西湖区人民政府申请行政复议", "6个月内直接向武汉市东西湖区人民法院提起行政诉讼");
    List<Map<String, Object>> history = wjsClerk.getList("/api/applications/" + id + "/history").getBody();
    assertThat(history).extracting(e -> e.get("action")).contains("termination_started", "approve");
    // and the applicant may appeal against it
    assertThat(wjsClerk.post("/api/applications/" + id + "/appeal", Map.of("reason", "其子并未返乡"))
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(approver.get("/api/tasks?q=" + c[1]).getBody().toString()).contains(SharedStages.TASK_DECIDE_APPEAL);
  }

  @Test
  void shouldRefuseMissingAndUnknownData() {
    ApplicationRequest bad = new ApplicationRequest("tekun", Applications.WJS_COMMUNITY,
        new ApplicationRequest.Applicant("刘孤老", TestIds.random(), null), null, null, null, null, "年老无依",
        Map.of("category", "rich", "careMode", "home"), null);
    ResponseEntity<Map<String, Object>> answer = wjsClerk.post("/api/applications", bad);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("errors").toString()).contains("data.category", "data.supporter");
  }

  private static ApplicationRequest request(String careMode) {
    return new ApplicationRequest("tekun", Applications.WJS_COMMUNITY,
        new ApplicationRequest.Applicant("刘孤老", TestIds.random(), "13812345678"), null, null, null, null, "年老无依",
        Map.of("category", "elderly", "supporter", "none", "careMode", careMode),
        List.of(new ApplicationRequest.Material("id_card", "身份证", true)));
  }

  private void complete(ApiClient client, String number, String taskKey, String decision, Map<String, Object> data) {
    String task = client.taskId(number, taskKey);
    ResponseEntity<Map<String, Object>> answer = client.post("/api/tasks/" + task + "/complete",
        Map.of("decision", decision, "data", data));
    assertThat(answer.getStatusCode()).as("%s %s: %s", taskKey, decision, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }
}
