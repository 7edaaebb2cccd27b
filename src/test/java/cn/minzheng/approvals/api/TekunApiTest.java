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

/** 特困人员救助供养 end to end through the HTTP API as the demo users. */
@IntegrationTest
class TekunApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

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
    Map<String, Object> page = client.get("/api/tasks?q=" + number).getBody();
    String task = ((List<?>) page.get("items")).stream().map(t -> (Map<?, ?>) t)
        .filter(t -> taskKey.equals(t.get("taskKey"))).map(t -> (String) t.get("id")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + taskKey + " task for " + number + " in " + page));
    ResponseEntity<Map<String, Object>> answer = client.post("/api/tasks/" + task + "/complete",
        Map.of("decision", decision, "data", data));
    assertThat(answer.getStatusCode()).as("%s %s: %s", taskKey, decision, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }
}
