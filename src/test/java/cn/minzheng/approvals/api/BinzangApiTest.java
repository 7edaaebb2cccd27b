package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.binzang.BinzangProcess;
import cn.minzheng.approvals.support.Applications;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.TestIds;

/** 惠民殡葬 end to end through the HTTP API: 节地生态安葬奖补 from the arranger's application to the 发放通知. */
@IntegrationTest
class BinzangApiTest {

  @Autowired TestRestTemplate rest;

  ApiClient wjsClerk;
  ApiClient wjsReviewer;
  ApiClient approver;

  @BeforeEach
  void clients() {
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    wjsReviewer = new ApiClient(rest, "wjs-reviewer");
    approver = new ApiClient(rest, "qu-approver");
  }

  @Test
  void shouldAwardAnEcoBurialWithoutAHousehold() {
    // given
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications",
        body("eco_burial", "tree", 0.5, LocalDate.now().minusDays(5).toString()));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    String number = (String) created.getBody().get("number");
    assertThat(number).matches("BZ-420112-\\d{4}-\\d{6}");
    // when
    complete(wjsClerk, number, "Task_Accept", "approve", Map.of());
    complete(wjsReviewer, number, BinzangProcess.TASK_MATERIAL_REVIEW, "approve", Map.of("papersChecked", true));
    complete(approver, number, BinzangProcess.TASK_DISTRICT_APPROVE, "approve", Map.of());
    // then
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "approved").containsEntry("type", "binzang");
    assertThat(((Number) application.get("amount")).doubleValue()).isEqualTo(840.0);
    assertThat(((List<?>) application.get("notices")).stream().map(n -> String.valueOf(((Map<?, ?>) n).get("kind"))).toList())
        .containsExactly("accepted", "approved");
  }

  @Test
  void shouldRefuseAFutureDeathDateAndAnUnknownSubsidy() {
    ResponseEntity<Map<String, Object>> answer = wjsClerk.post("/api/applications",
        body("cash", "tree", 0.5, LocalDate.now().plusDays(2).toString()));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(((List<?>) answer.getBody().get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList())
        .contains("data.subsidy", "data.deceased.deathDate");
  }

  private static Map<String, Object> body(String subsidy, String burialType, double plotArea, String deathDate) {
    Map<String, Object> deceased = new HashMap<>();
    deceased.put("name", "李老汉");
    deceased.put("idNumber", TestIds.random());
    deceased.put("deathDate", deathDate);
    deceased.put("deathCertificateNo", "SW2026001234");
    deceased.put("cremationCertificateNo", "HH2026000321");
    deceased.put("hukouRegionCode", "420112001001");
    Map<String, Object> data = new HashMap<>();
    data.put("subsidy", subsidy);
    data.put("deceased", deceased);
    data.put("burialType", burialType);
    data.put("plotArea", plotArea);
    data.put("cemetery", "东西湖区公墓");
    Map<String, Object> body = new HashMap<>();
    body.put("type", "binzang");
    body.put("regionCode", Applications.WJS_COMMUNITY);
    body.put("applicant", Map.of("name", "李小明", "idNumber", TestIds.random(), "phone", "13812345678"));
    body.put("reason", "申请节地生态安葬奖补");
    body.put("data", data);
    return body;
  }

  private void complete(ApiClient client, String number, String taskKey, String decision, Map<String, Object> data) {
    Map<String, Object> page = client.get("/api/tasks?q=" + number).getBody();
    String task = ((List<?>) page.get("items")).stream().map(t -> (Map<?, ?>) t)
        .filter(t -> taskKey.equals(t.get("taskKey"))).map(t -> (String) t.get("id")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + taskKey + " task for " + number + " in " + page));
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("data", data);
    ResponseEntity<Map<String, Object>> answer = client.post("/api/tasks/" + task + "/complete", body);
    assertThat(answer.getStatusCode()).as("%s %s: %s", taskKey, decision, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }
}
