package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.approvals.admin.AdminAction;
import cn.minzheng.approvals.admin.AdminAudit;
import cn.minzheng.approvals.application.ApplicationService;
import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.review.AnnualReviewRunner;
import cn.minzheng.approvals.review.AnnualReviews;
import cn.minzheng.approvals.review.DibaoReviewProcess;
import cn.minzheng.approvals.security.UserDirectory;
import cn.minzheng.approvals.support.CaseWalker.Case;
import cn.minzheng.approvals.support.DibaoCases;
import cn.minzheng.approvals.support.IntegrationTest;

/**
 * 年度复核 runs through the API (POST /api/admin/annual-reviews, GET …/{id}, POST …/{id}/pause|resume) on the
 * real engine and PostgreSQL: exactly one review case per approved 低保 household of the street, whether the
 * start is clicked twice, by two administrators at once, paused and resumed, or interrupted and resumed at
 * start-up. The tests drive the runner chunk by chunk (approvals.annual-review.background is off in tests,
 * chunk size 7), as they run due jobs themselves.
 */
@IntegrationTest
class AnnualReviewApiTest {

  static final String STREET = "420112001000";
  static final int N = 30;
  static final String PATH = "/api/admin/annual-reviews";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ApplicationService applications;
  @Autowired NoticeService notices;
  @Autowired UserDirectory users;
  @Autowired AnnualReviewRunner runner;
  @Autowired CaseHistory history;
  @Autowired AdminAudit audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  ApiClient admin;
  DibaoCases cases;
  int year;

  @BeforeEach
  void setUp() {
    admin = new ApiClient(rest, "admin");
    cases = new DibaoCases(engine, applications, notices, users);
    year = LocalDate.now().getYear();
  }

  /**
   * N approved 低保 households, and no others, in the street; no run or review of the street for the year (the
   * test database lives long: earlier runs and other tests' recipients are set aside). One household is walked
   * through the whole 低保 model; the others are copies of its row, which is all a review's start reads.
   */
  private Set<Long> households(int n) {
    jdbc.update("DELETE FROM mz_annual_review WHERE review_year = ? AND (run_id IN (SELECT id FROM mz_review_run"
        + " WHERE region_code = ?) OR application_id IN (SELECT id FROM mz_application WHERE street_code = ?))",
        year, STREET, STREET);
    jdbc.update("DELETE FROM mz_review_run WHERE region_code = ? AND review_year = ?", STREET, year);
    jdbc.update("UPDATE mz_application SET status = 'terminated' WHERE app_type = 'dibao' AND status = 'approved'"
        + " AND street_code = ?", STREET);
    Case c = cases.atDistrict();
    cases.decide(c, "approve", "homeVisitDone", false);
    String columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'mz_application'"
        + " AND table_schema = current_schema() AND column_name NOT IN ('id', 'app_no')", String.class)
        .stream().collect(Collectors.joining(", "));
    for (int k = 1; k < n; k++) {
      jdbc.update("INSERT INTO mz_application (" + columns + ", app_no) SELECT " + columns + ", app_no || '-C' || ?"
          + " FROM mz_application WHERE id = ?", String.valueOf(k), c.applicationId());
    }
    Set<Long> ids = new HashSet<>(jdbc.queryForList("SELECT id FROM mz_application WHERE app_type = 'dibao'"
        + " AND status = 'approved' AND street_code = ?", Long.class, STREET));
    assertThat(ids).hasSize(n).contains(c.applicationId());
    return ids;
  }

  private ResponseEntity<Map<String, Object>> start(ApiClient client) {
    return client.post(PATH, Map.of("regionCode", STREET, "year", year, "note", "2026年度低保复核"));
  }

  private long started() {
    ResponseEntity<Map<String, Object>> answer = start(admin);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    return ((Number) answer.getBody().get("reviewRunId")).longValue();
  }

  private Map<String, Object> progress(long runId) {
    ResponseEntity<Map<String, Object>> answer = admin.get(PATH + "/" + runId);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private List<Long> reviewed(long runId) {
    return jdbc.queryForList("SELECT application_id FROM mz_annual_review WHERE run_id = ?", Long.class, runId);
  }

  /** Every household exactly once, each with its review model waiting at 核对 as the case's instance. */
  private void assertEveryHouseholdOnce(long runId, Set<Long> households) {
    List<Long> reviewed = reviewed(runId);
    assertThat(reviewed).hasSize(households.size()).containsExactlyInAnyOrderElementsOf(households);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mz_annual_review WHERE review_year = ? AND application_id IN"
        + " (SELECT id FROM mz_application WHERE street_code = ?)", Integer.class, year, STREET)).isEqualTo(households.size());
    for (long id : households) {
      String instance = applications.getForProcess(id).getProcessInstanceId();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).processDefinitionKey(DibaoReviewProcess.KEY)
          .processInstanceBusinessKey(String.valueOf(id)).active().count()).isEqualTo(1);
      assertThat(runtime.getActiveActivityIds(instance)).containsExactly(DibaoReviewProcess.TASK_CHECK);
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DibaoReviewProcess.KEY)
        .variableValueEquals(DibaoReviewProcess.VAR_REVIEW_RUN_ID, runId).count()).isEqualTo(households.size());
  }

  @Test
  void shouldCreateOneReviewCaseForEveryHouseholdOfTheStreetInChunksWithProgress() {
    // given
    Set<Long> households = households(N);
    // when
    ResponseEntity<Map<String, Object>> answer = start(admin);
    // then: accepted, nothing created yet
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    long runId = ((Number) answer.getBody().get("reviewRunId")).longValue();
    assertThat(answer.getBody()).containsEntry("existing", false).containsEntry("state", "running").containsEntry("total", N)
        .containsEntry("created", 0);
    // when: one chunk
    assertThat(runner.runChunk(runId)).isEqualTo(7);
    // then: the progress shows it
    assertThat(progress(runId)).containsEntry("created", 7).containsEntry("state", "running");
    // when: the rest
    runner.runToEnd(runId);
    // then
    assertThat(progress(runId)).containsEntry("created", N).containsEntry("failed", 0).containsEntry("total", N)
        .containsEntry("state", "completed");
    assertEveryHouseholdOnce(runId, households);
    for (long id : households) {
      assertThat(history.of(id)).filteredOn(e -> DibaoReviewProcess.EVENT_STARTED.equals(e.getAction())).hasSize(1);
    }
    assertThat(audit.recent("annual-review:" + STREET + ":" + year, 10)).extracting(AdminAction::getAction)
        .contains(AnnualReviews.AUDIT_START);
    // when: the same region and year again
    ResponseEntity<Map<String, Object>> again = start(admin);
    // then: the run there is, nothing more
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(again.getBody()).containsEntry("reviewRunId", answer.getBody().get("reviewRunId")).containsEntry("existing", true);
    assertThat(runner.runChunk(runId)).isZero();
    assertEveryHouseholdOnce(runId, households);
    assertThat(admin.getList(PATH).getBody()).anyMatch(run -> runId == ((Number) run.get("reviewRunId")).longValue());
  }

  @Test
  void shouldStartOneRunWhenTwoAdministratorsClickAtOnce() throws Exception {
    // given
    Set<Long> households = households(N);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(threads.submit(() -> {
          go.await();
          return start(admin);
        }));
      }
      // when
      go.countDown();
      // then: one run, both answered with it
      Set<Object> runIds = new HashSet<>();
      for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
        assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        runIds.add(answer.get().getBody().get("reviewRunId"));
      }
      assertThat(runIds).hasSize(1);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mz_review_run WHERE region_code = ? AND review_year = ?",
          Integer.class, STREET, year)).isEqualTo(1);
      long runId = ((Number) runIds.iterator().next()).longValue();
      // and two runners working the same run at once still review each household once
      Future<?> first = threads.submit(() -> runner.runToEnd(runId));
      Future<?> second = threads.submit(() -> runner.runToEnd(runId));
      first.get();
      second.get();
      assertThat(progress(runId)).containsEntry("created", N).containsEntry("state", "completed");
      assertEveryHouseholdOnce(runId, households);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void shouldStopCreatingWhenPausedAndCompleteWhenResumed() {
    // given
    Set<Long> households = households(N);
    long runId = started();
    runner.runChunk(runId);
    // when
    ResponseEntity<Map<String, Object>> paused = admin.post(PATH + "/" + runId + "/pause", Map.of());
    // then: nothing more is created
    assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(paused.getBody()).containsEntry("state", "paused").containsEntry("created", 7);
    assertThat(runner.runChunk(runId)).isZero();
    runner.runToEnd(runId);
    assertThat(progress(runId)).containsEntry("created", 7).containsEntry("state", "paused");
    assertThat(reviewed(runId)).hasSize(7);
    assertThat(admin.post(PATH + "/" + runId + "/pause", Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    // when
    ResponseEntity<Map<String, Object>> resumed = admin.post(PATH + "/" + runId + "/resume", Map.of());
    runner.runToEnd(runId);
    // then
    assertThat(resumed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(resumed.getBody()).containsEntry("state", "running");
    assertThat(progress(runId)).containsEntry("created", N).containsEntry("state", "completed");
    assertEveryHouseholdOnce(runId, households);
    assertThat(admin.post(PATH + "/" + runId + "/resume", Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(audit.recent("annual-review:" + STREET + ":" + year, 10)).extracting(AdminAction::getAction)
        .contains(AnnualReviews.AUDIT_PAUSE, AnnualReviews.AUDIT_RESUME);
  }

  @Test
  void shouldResumeARunInterruptedMidwayAtStartUpWithoutReviewingAnyoneTwice() throws Exception {
    // given: two chunks done, the third cut off by a crash (its transaction never commits)
    Set<Long> households = households(N);
    long runId = started();
    runner.runChunk(runId);
    runner.runChunk(runId);
    transaction.executeWithoutResult(crash -> {
      runner.runChunk(runId);
      crash.setRollbackOnly();
    });
    assertThat(progress(runId)).containsEntry("created", 14).containsEntry("state", "running");
    assertThat(reviewed(runId)).hasSize(14);
    // when: the application starts again
    runner.resumeInterrupted();
    // then: the runner's own thread finishes the run
    long deadline = System.currentTimeMillis() + 120_000;
    while (!"completed".equals(progress(runId).get("state")) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertThat(progress(runId)).containsEntry("created", N).containsEntry("failed", 0).containsEntry("state", "completed");
    assertEveryHouseholdOnce(runId, households);
  }

  @Test
  void shouldWorkAReviewThroughTheInboxToAStopNotice() {
    // given: a run of three households, created
    Set<Long> households = households(3);
    long runId = started();
    runner.runToEnd(runId);
    long id = households.iterator().next();
    String instance = applications.getForProcess(id).getProcessInstanceId();
    // when: the street clerk checks, the district approver decides 停发, through the inbox
    String check = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    assertThat(new ApiClient(rest, "wjs-clerk").post("/api/tasks/" + check + "/complete", Map.of("decision", "approve",
        "data", Map.of("checkResult", "changed", "homeVisitNeeded", false, "checkFindings", "家庭成员已就业，月收入4000元")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    String decide = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    assertThat(engine.getTaskService().createTaskQuery().taskId(decide).singleResult().getTaskDefinitionKey())
        .isEqualTo(DibaoReviewProcess.TASK_DECIDE);
    ResponseEntity<Map<String, Object>> decided = new ApiClient(rest, "qu-approver").post("/api/tasks/" + decide + "/complete",
        Map.of("decision", "approve", "opinion", "人均收入超过当地低保标准", "data", Map.of("reviewOutcome", "stop")));
    // then
    assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(applications.getForProcess(id).getStatus()).isEqualTo("terminated");
    var stopped = notices.ofApplication(id).stream().filter(n -> "stopped".equals(n.getKind())).findFirst().orElseThrow();
    assertThat(notices.get(stopped.getId(), users.load("qu-approver").orElseThrow()).getContentHtml())
        .contains("停发", "家庭成员已就业，月收入4000元", "人均收入超过当地低保标准", "行政复议", "行政诉讼");
  }

  @Test
  void shouldLetOnlyAdministratorsRunReviews() {
    Map<String, Object> body = Map.of("regionCode", STREET, "year", year);
    assertThat(new ApiClient(rest, "wjs-clerk").post(PATH, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(new ApiClient(rest, "qu-approver").get(PATH + "/1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(new ApiClient(rest, "auditor").post(PATH + "/1/pause", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(new ApiClient(rest, null).post(PATH, body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // and what an administrator gets wrong is told, not started
    ResponseEntity<Map<String, Object>> community = admin.post(PATH, Map.of("regionCode", "420112001001", "year", year));
    assertThat(community.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(admin.post(PATH, Map.of("regionCode", STREET, "year", 1990)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(admin.get(PATH + "/999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
