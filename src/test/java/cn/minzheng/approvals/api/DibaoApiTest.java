package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.process.DibaoProcess;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.PublicNoticeTimer;

/**
 * 低保 end to end through the HTTP API as the demo users of two streets and the district, against
 * the running application, its engine and PostgreSQL.
 */
@IntegrationTest
class DibaoApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired ObjectMapper json;

  ApiClient wjsClerk;
  ApiClient wjsReviewer;
  ApiClient jjlClerk;
  ApiClient approver;
  ApiClient approver2;
  ApiClient admin;
  ApiClient anonymous;

  @BeforeEach
  void clients() {
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    wjsReviewer = new ApiClient(rest, "wjs-reviewer");
    jjlClerk = new ApiClient(rest, "jjl-clerk");
    approver = new ApiClient(rest, "qu-approver");
    approver2 = new ApiClient(rest, "qu-approver2");
    admin = new ApiClient(rest, "admin");
    anonymous = new ApiClient(rest, null);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldCarryAnApplicationFromSubmissionToPublication() {
    // given: a clerk of 吴家山街 submits
    ApplicationRequest request = Applications.dibao(Applications.WJS_COMMUNITY);
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", request);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    String number = (String) created.getBody().get("number");
    assertThat(number).matches("DB-420112-\\d{4}-\\d{6}");
    assertThat(created.getBody()).containsEntry("status", "in_progress").containsEntry("stage", "Task_Accept");

    // when: every stage is worked by its role
    complete(wjsClerk, number, DibaoProcess.TASK_ACCEPT, "approve", null, Map.of());
    complete(wjsClerk, number, DibaoProcess.TASK_INVESTIGATE, "approve", null, investigation());
    complete(wjsReviewer, number, DibaoProcess.TASK_STREET_REVIEW, "approve", null, Map.of("note", "同意"));
    assertThat(wjsClerk.get("/api/applications/" + id).getBody()).containsEntry("stage", DibaoProcess.WAIT_PUBLIC_NOTICE);
    firePublicNoticeTimer(wjsClerk.get("/api/applications/" + id).getBody());
    complete(approver, number, DibaoProcess.TASK_DISTRICT_APPROVE, "approve", null, Map.of("homeVisitDone", false));

    // then
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "approved").containsEntry("stage", DibaoProcess.END_PUBLISHED);
    assertThat(((Number) application.get("amount")).doubleValue()).isEqualTo(1160.0);
    Map<?, ?> applicant = (Map<?, ?>) application.get("applicant");
    assertThat((String) applicant.get("idNumber")).matches("420112\\*{8}\\d{3}[\\dX]")
        .isNotEqualTo(request.applicant().idNumber());
    for (Object member : (List<?>) application.get("members")) {
      assertThat((String) ((Map<?, ?>) member).get("idNumber")).contains("********");
    }
    List<?> notices = (List<?>) application.get("notices");
    assertThat(notices.stream().map(n -> ((Map<?, ?>) n).get("kind")).map(String::valueOf).toList()).containsExactly("accepted", "publicity", "approved");

    List<Map<String, Object>> history = wjsClerk.getList("/api/applications/" + id + "/history").getBody();
    assertThat(history.get(0)).containsEntry("action", "submit").containsEntry("actor", "wjs-clerk");
    assertThat(history).extracting(e -> e.get("action")).contains("approve", "notice_issued", "published");
    assertThat(history).filteredOn(e -> "approve".equals(e.get("action")))
        .extracting(e -> e.get("actor")).containsExactly("wjs-clerk", "wjs-clerk", "wjs-reviewer", "qu-approver");
    assertThat(approver.get("/api/applications/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldRefuseThenUpholdOnAppealByAnotherApprover() {
    // given: a case refused by qu-approver
    long id = submitted();
    String number = numberOf(id);
    toDistrict(number, id);
    ResponseEntity<Map<String, Object>> noOpinion = complete(approver, number, DibaoProcess.TASK_DISTRICT_APPROVE, "reject", null, Map.of());
    assertThat(noOpinion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    complete(approver, number, DibaoProcess.TASK_DISTRICT_APPROVE, "reject", "家庭人均收入高于保障标准", Map.of());
    assertThat(wjsClerk.get("/api/applications/" + id).getBody()).containsEntry("status", "rejected");

    // when: the household appeals
    assertThat(wjsClerk.post("/api/applications/" + id + "/appeal", Map.of("reason", "收入计算有误")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(wjsClerk.get("/api/applications/" + id).getBody()).containsEntry("status", "appealing");

    // then: the one who refused may not decide (回避); the other approver upholds
    String appealTask = approver2.taskId(number, DibaoProcess.TASK_DECIDE_APPEAL);
    ResponseEntity<Map<String, Object>> recused = approver.post("/api/tasks/" + appealTask + "/complete",
        Map.of("decision", "approve", "opinion", "x"));
    assertThat(recused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(recused.getBody()).containsEntry("code", "error.recusal");
    complete(approver2, number, DibaoProcess.TASK_DECIDE_APPEAL, "reject", "经复核，原决定认定事实清楚", Map.of());
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "rejected").containsEntry("stage", DibaoProcess.END_REFUSED);
    assertThat(((List<?>) application.get("notices")).stream().map(n -> ((Map<?, ?>) n).get("kind")).map(String::valueOf).toList())
        .containsExactly("accepted", "publicity", "rejected", "appeal_decision");
    assertThat(wjsClerk.post("/api/applications/" + id + "/appeal", Map.of("reason", "再次申诉")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void shouldSendCaseBackToInvestigationWhenObjectionIsFiledDuringPublicNotice() {
    // given
    long id = submitted();
    String number = numberOf(id);
    assertThat(wjsClerk.post("/api/applications/" + id + "/objections", Map.of("content", "早了")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    complete(wjsClerk, number, DibaoProcess.TASK_ACCEPT, "approve", null, Map.of());
    complete(wjsClerk, number, DibaoProcess.TASK_INVESTIGATE, "approve", null, investigation());
    complete(wjsReviewer, number, DibaoProcess.TASK_STREET_REVIEW, "approve", null, Map.of());
    // when
    ResponseEntity<Map<String, Object>> objection = wjsClerk.post("/api/applications/" + id + "/objections",
        Map.of("content", "该户有未申报的经营收入", "contact", "13900001111"));
    // then
    assertThat(objection.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(wjsClerk.get("/api/applications/" + id).getBody()).containsEntry("stage", DibaoProcess.TASK_INVESTIGATE);
    assertThat(wjsClerk.getList("/api/applications/" + id + "/history").getBody())
        .anySatisfy(e -> assertThat(e).containsEntry("action", "objection").containsEntry("opinion", "该户有未申报的经营收入"));
  }

  @Test
  void shouldEndTheCaseWhenTheClerkWithdrawsIt() {
    // given
    long id = submitted();
    // when
    assertThat(wjsClerk.post("/api/applications/" + id + "/withdraw", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map<String, Object>> withdrawn = wjsClerk.post("/api/applications/" + id + "/withdraw",
        Map.of("reason", "申请人书面撤回"));
    // then
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(wjsClerk.get("/api/applications/" + id).getBody()).containsEntry("status", "withdrawn");
    assertThat(wjsClerk.post("/api/applications/" + id + "/withdraw", Map.of("reason", "again")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Nested
  class Refusals {

    @Test
    void shouldAnswer401WithoutLogin() {
      assertThat(anonymous.get("/api/applications").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(anonymous.get("/api/tasks").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(anonymous.post("/api/applications", Applications.dibao(Applications.WJS_COMMUNITY)).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(anonymous.getText("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldHideAnotherStreetsCaseAs404() {
      // given
      long id = submitted();
      String number = numberOf(id);
      String task = wjsClerk.taskId(number, DibaoProcess.TASK_ACCEPT);
      // then
      assertThat(jjlClerk.get("/api/applications/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(jjlClerk.get("/api/applications/" + id + "/history").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(jjlClerk.get("/api/tasks/" + task).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(jjlClerk.post("/api/tasks/" + task + "/complete", Map.of("decision", "approve")).getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(jjlClerk.get("/api/tasks?q=" + number).getBody()).containsEntry("total", 0);
      assertThat(jjlClerk.get("/api/applications?q=" + number).getBody()).containsEntry("total", 0);
      assertThat(approver.get("/api/applications?q=" + number).getBody()).containsEntry("total", 1);
    }

    @Test
    void shouldRefuseACaseFiledInAnotherStreet() {
      ResponseEntity<Map<String, Object>> answer = jjlClerk.post("/api/applications", Applications.dibao(Applications.WJS_COMMUNITY));
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(errorFields(answer)).contains("regionCode");
    }

    @Test
    void shouldAnswer409ForTheSamePersonInAnOpenApplication() {
      // given
      ApplicationRequest request = Applications.dibao(Applications.WJS_COMMUNITY);
      assertThat(wjsClerk.post("/api/applications", request).getStatusCode()).isEqualTo(HttpStatus.CREATED);
      // when
      ResponseEntity<Map<String, Object>> again = wjsClerk.post("/api/applications", request);
      // then
      assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat((String) again.getBody().get("detail")).contains("张*三");
    }

    @Test
    void shouldAnswer409ForASecondCompletion() {
      // given
      long id = submitted();
      String task = wjsClerk.taskId(numberOf(id), DibaoProcess.TASK_ACCEPT);
      // when
      ResponseEntity<Map<String, Object>> first = wjsClerk.post("/api/tasks/" + task + "/complete", Map.of("decision", "approve"));
      ResponseEntity<Map<String, Object>> second = wjsClerk.post("/api/tasks/" + task + "/complete", Map.of("decision", "approve"));
      // then
      assertThat(first.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void shouldLetExactlyOneOfTwoSimultaneousCompletionsWin() throws Exception {
      // given
      long id = submitted();
      String task = wjsClerk.taskId(numberOf(id), DibaoProcess.TASK_ACCEPT);
      CountDownLatch start = new CountDownLatch(1);
      Callable<HttpStatus> completion = () -> {
        start.await();
        return (HttpStatus) wjsClerk.post("/api/tasks/" + task + "/complete", Map.of("decision", "approve")).getStatusCode();
      };
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<HttpStatus> a = pool.submit(completion);
        Future<HttpStatus> b = pool.submit(completion);
        // when
        start.countDown();
        List<HttpStatus> statuses = List.of(a.get(), b.get());
        // then
        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
      } finally {
        pool.shutdownNow();
      }
      assertThat(((List<?>) wjsClerk.get("/api/applications/" + id).getBody().get("notices"))).hasSize(1);
    }

    @Test
    void shouldAnswer400ForADecisionTheStageDoesNotAllow() {
      long id = submitted();
      String number = numberOf(id);
      complete(wjsClerk, number, DibaoProcess.TASK_ACCEPT, "approve", null, Map.of());
      String task = wjsClerk.taskId(number, DibaoProcess.TASK_INVESTIGATE);
      ResponseEntity<Map<String, Object>> answer = wjsClerk.post("/api/tasks/" + task + "/complete",
          Map.of("decision", "supplement", "data", investigation()));
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).containsEntry("code", "error.decision-not-allowed");
    }

    @Test
    void shouldAnswer400WhenRequiredFormFieldsOrTwoInvestigatorsAreMissing() {
      long id = submitted();
      String number = numberOf(id);
      complete(wjsClerk, number, DibaoProcess.TASK_ACCEPT, "approve", null, Map.of());
      String task = wjsClerk.taskId(number, DibaoProcess.TASK_INVESTIGATE);
      Map<String, Object> data = new HashMap<>(investigation());
      data.remove("visitDate");
      data.put("investigator2", data.get("investigator1"));
      ResponseEntity<Map<String, Object>> answer = wjsClerk.post("/api/tasks/" + task + "/complete",
          Map.of("decision", "approve", "data", data));
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(errorFields(answer)).contains("data.visitDate", "data.investigator2");
    }

    @Test
    void shouldExplainInvalidIdNumbersFieldByFieldInChineseOrEnglish() {
      // given
      ApplicationRequest valid = Applications.dibao(Applications.WJS_COMMUNITY);
      ApplicationRequest.Member bad = new ApplicationRequest.Member("王五", "42011219800101001x", "child", true,
          java.math.BigDecimal.ZERO, null, null, null);
      List<ApplicationRequest.Member> members = new ArrayList<>(valid.members());
      members.add(bad);
      ApplicationRequest request = new ApplicationRequest("dibao", "999999999999", valid.applicant(), members, null, null,
          null, null, null, null);
      // when
      ResponseEntity<Map<String, Object>> zh = wjsClerk.post("/api/applications", request);
      ResponseEntity<Map<String, Object>> en = wjsClerk.post("/api/applications", request, "en");
      // then
      assertThat(zh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(zh.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat(errorFields(zh)).contains("members[2].idNumber", "regionCode");
      assertThat((String) zh.getBody().get("detail")).contains("提交的内容有误");
      assertThat((String) zh.getBody().get("detail_en")).contains("invalid");
      assertThat((String) en.getBody().get("detail")).contains("invalid");
      assertThat(errorMessages(en)).anyMatch(m -> m.contains("ID number"));
      assertThat(wjsClerk.post("/api/applications", Map.of("type", "dibao", "members", "not-a-list")).getStatusCode())
          .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldKeepTheEngineApiForAdministratorsAndRefuseExpressions() {
      assertThat(wjsClerk.getText("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(anonymous.getText("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(admin.getText("/engine-rest/task?maxResults=1").getStatusCode()).isEqualTo(HttpStatus.OK);
      Map<String, Object> orQuery = Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}")));
      ResponseEntity<String> refused = admin.postText("/engine-rest/task", orQuery);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("表达式");
      assertThat(admin.getText("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D").getStatusCode())
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(admin.postText("/engine-rest/task", Map.of("assignee", "nobody")).getStatusCode()).isEqualTo(HttpStatus.OK);
      // the Camunda webapps take the Spring Security login (one sign-in), for administrators only
      String webappApi = "/camunda/api/engine/engine/default/process-definition/count";
      ResponseEntity<String> cockpit = admin.getText(webappApi);
      assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(cockpit.getBody()).contains("\"count\"");
      assertThat(wjsClerk.getText(webappApi).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  // ---- helpers

  private long submitted() {
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", Applications.dibao(Applications.WJS_COMMUNITY));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private String numberOf(long id) {
    return (String) wjsClerk.get("/api/applications/" + id).getBody().get("number");
  }

  private void toDistrict(String number, long id) {
    complete(wjsClerk, number, DibaoProcess.TASK_ACCEPT, "approve", null, Map.of());
    complete(wjsClerk, number, DibaoProcess.TASK_INVESTIGATE, "approve", null, investigation());
    complete(wjsReviewer, number, DibaoProcess.TASK_STREET_REVIEW, "approve", null, Map.of());
    firePublicNoticeTimer(wjsClerk.get("/api/applications/" + id).getBody());
  }

  private static Map<String, Object> investigation() {
    return Map.of("investigator1", "王五", "investigator2", "赵六", "visitDate", "2026-11-18",
        "verificationResult", "consistent", "holdDemocraticReview", false, "skipReason", "家庭情况清楚，无争议");
  }

  private ResponseEntity<Map<String, Object>> complete(ApiClient client, String number, String taskKey, String decision,
                                                       String opinion, Map<String, Object> data) {
    String task = client.taskId(number, taskKey);
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("data", data);
    if (opinion != null) {
      body.put("opinion", opinion);
    }
    ResponseEntity<Map<String, Object>> answer = client.post("/api/tasks/" + task + "/complete", body);
    if (opinion != null || !"reject".equals(decision)) {
      assertThat(answer.getStatusCode()).as("%s %s: %s", taskKey, decision, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    return answer;
  }

  /** Moves the engine clock past the 公示 and runs the timer, as the job executor would. */
  private void firePublicNoticeTimer(Map<String, Object> application) {
    String processInstanceId = (String) application.get("processInstanceId");
    Job timer = PublicNoticeTimer.of(management, runtime, processInstanceId);
    assertThat(timer).isNotNull();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    management.executeJob(timer.getId());
    ClockUtil.reset();
  }

  private static List<String> errorFields(ResponseEntity<Map<String, Object>> answer) {
    return ((List<?>) answer.getBody().get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
  }

  private static List<String> errorMessages(ResponseEntity<Map<String, Object>> answer) {
    return ((List<?>) answer.getBody().get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("message")).toList();
  }
}
