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

import cn.minzheng.approvals.linshi.LinshiProcess;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.PdfText;
import cn.minzheng.approvals.support.PublicNoticeTimer;
import cn.minzheng.approvals.support.TestIds;

/** 临时救助 end to end through the HTTP API as the demo users of 吴家山街 and the district. */
@IntegrationTest
@SuppressWarnings("unchecked")
class LinshiApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  ApiClient wjsClerk;
  ApiClient wjsReviewer;
  ApiClient approver;

  @BeforeEach
  void clients() {
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    wjsReviewer = new ApiClient(rest, "wjs-reviewer");
    approver = new ApiClient(rest, "qu-approver");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldPayAnAdvanceAndApproveAtStreetLevelThenRefuseTheSameCauseAgain() throws Exception {
    // given: an emergency with 先行救助 submitted by the clerk
    String idNumber = TestIds.random();
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", body(idNumber, "emergency", true, 2000));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    String number = (String) created.getBody().get("number");
    assertThat(number).matches("LS-420112-\\d{4}-\\d{6}");
    assertThat(created.getBody()).containsEntry("stage", LinshiProcess.TASK_ADVANCE_RELIEF);

    // when: the reviewer pays the advance, the papers are completed, investigated, posted, approved by the street
    complete(wjsReviewer, number, LinshiProcess.TASK_ADVANCE_RELIEF, "approve", null, Map.of("advanceAmount", 500));
    toApproval(number, id);
    complete(wjsReviewer, number, LinshiProcess.TASK_STREET_APPROVE, "approve", null, Map.of("approvedAmount", 1800));

    // then
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "approved").containsEntry("type", "linshi");
    assertThat(((Number) application.get("amount")).doubleValue()).isEqualTo(1800.0);
    List<?> notices = (List<?>) application.get("notices");
    assertThat(notices.stream().map(n -> String.valueOf(((Map<?, ?>) n).get("kind"))).toList())
        .containsExactly("advance_relief", "accepted", "publicity", "approved");
    // the 先行救助告知书, as HTML and as PDF, states the amount, the deadline and the consequence
    Object advanceNotice = ((Map<?, ?>) notices.get(0)).get("id");
    String html = new String(wjsClerk.getBytes("/api/notices/" + advanceNotice).getBody(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(html).contains("先行救助告知书", "500.00元", "5个工作日内", "依法予以追回");
    String pdf = PdfText.of(wjsClerk.getBytes("/api/notices/" + advanceNotice + ".pdf").getBody());
    assertThat(pdf).contains("先行救助告知书", "500.00元", "个工作日内", "补齐申请材料", "依法予以追回", "吴家山街道办事处");
    List<Map<String, Object>> history = wjsClerk.getList("/api/applications/" + id + "/history").getBody();
    assertThat(history).filteredOn(e -> LinshiProcess.TASK_ADVANCE_RELIEF.equals(e.get("taskKey")))
        .extracting(e -> e.get("actor")).containsExactly("wjs-reviewer");

    // and the same cause within the year is refused at submission
    ResponseEntity<Map<String, Object>> again = wjsClerk.post("/api/applications", body(idNumber, "emergency", false, 800));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(again)).containsExactly("data.cause");
  }

  @Test
  void shouldLetTheDistrictDecideLargeAmounts() {
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", body(TestIds.random(), "expense", false, 6000));
    long id = ((Number) created.getBody().get("id")).longValue();
    String number = (String) created.getBody().get("number");
    toApproval(number, id);
    complete(approver, number, LinshiProcess.TASK_DISTRICT_APPROVE, "reject", "不属于刚性支出", Map.of());
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "rejected");
  }

  @Test
  void shouldShowTheInstalmentsOfAnApprovalPaidInStages() {
    // given: a street-level case at its approval
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", body(TestIds.random(), "expense", false, 2400));
    long id = ((Number) created.getBody().get("id")).longValue();
    String number = (String) created.getBody().get("number");
    toApproval(number, id);
    // when: more instalments than approvals.linshi.max-instalments are refused, then four are set
    String task = wjsReviewer.taskId(number, LinshiProcess.TASK_STREET_APPROVE);
    ResponseEntity<Map<String, Object>> tooMany = wjsReviewer.post("/api/tasks/" + task + "/complete",
        Map.of("decision", "approve", "data", Map.of("instalments", 7)));
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(tooMany)).containsExactly("data.instalments");
    complete(wjsReviewer, number, LinshiProcess.TASK_STREET_APPROVE, "approve", null,
        Map.of("instalments", 4, "firstPaymentDate", "2027-01-15", "intervalMonths", 2));
    // then
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "approved");
    List<Map<String, Object>> instalments = (List<Map<String, Object>>) application.get("instalments");
    assertThat(instalments).extracting(i -> i.get("seq"), i -> i.get("dueDate"), i -> ((Number) i.get("amount")).doubleValue(),
        i -> i.get("status")).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "2027-01-15", 600.0, "scheduled"),
            org.assertj.core.groups.Tuple.tuple(2, "2027-03-15", 600.0, "scheduled"),
            org.assertj.core.groups.Tuple.tuple(3, "2027-05-15", 600.0, "scheduled"),
            org.assertj.core.groups.Tuple.tuple(4, "2027-07-15", 600.0, "scheduled"));
  }

  @Test
  void shouldRefuseInvalidData() {
    Map<String, Object> request = body(TestIds.random(), "flood", true, -5);
    ((Map<String, Object>) request.get("data")).put("advance", "yes");
    ((Map<String, Object>) request.get("data")).remove("cause");
    ResponseEntity<Map<String, Object>> answer = wjsClerk.post("/api/applications", request);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(answer)).contains("data.kind", "data.cause", "data.requestedAmount", "data.advance");
  }

  private static Map<String, Object> body(String idNumber, String kind, boolean advance, int amount) {
    Map<String, Object> data = new HashMap<>();
    data.put("kind", kind);
    data.put("cause", "房屋火灾");
    data.put("requestedAmount", amount);
    data.put("advance", advance);
    Map<String, Object> body = new HashMap<>();
    body.put("type", "linshi");
    body.put("regionCode", Applications.WJS_COMMUNITY);
    body.put("applicant", Map.of("name", "王小五", "idNumber", idNumber, "phone", "13812345678"));
    body.put("members", List.of(Map.of("name", "王小五", "idNumber", idNumber, "relation", "self", "coResident", true,
        "monthlyIncome", 500, "workAbility", "partial", "disability", "none")));
    body.put("reason", "房屋失火，急需救助");
    body.put("data", data);
    body.put("materials", List.of(Map.of("kind", "id_card", "description", "身份证", "provided", true)));
    return body;
  }

  /** 受理, 调查 and the 公示 (its timer run at once): the case waits for the approval of its level. */
  private void toApproval(String number, long id) {
    complete(wjsClerk, number, "Task_Accept", "approve", null, Map.of());
    complete(wjsClerk, number, LinshiProcess.TASK_INVESTIGATE, "approve", null, Map.of("investigator1", "王五",
        "investigator2", "赵六", "visitDate", "2026-11-18", "verificationResult", "consistent", "skipReason", "情况清楚"));
    Job timer = PublicNoticeTimer.of(management, runtime,
        (String) wjsClerk.get("/api/applications/" + id).getBody().get("processInstanceId"));
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    management.executeJob(timer.getId());
    ClockUtil.reset();
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
    assertThat(answer.getStatusCode()).as("%s %s: %s", taskKey, decision, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    return answer;
  }

  private static List<String> fields(ResponseEntity<Map<String, Object>> answer) {
    return ((List<?>) answer.getBody().get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
  }
}
