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
@SuppressWarnings("unchecked")
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

  @Test
  void shouldRefuseASecondApplicationForTheSameDeceasedNamingTheFirst() {
    // given
    Map<String, Object> first = body("fee_waiver", null, 0, LocalDate.now().minusDays(2).toString());
    String deceasedId = deceasedId(first);
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", first);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    String number = (String) created.getBody().get("number");
    // when: another arranger applies for the same deceased and the same subsidy
    Map<String, Object> second = body("fee_waiver", null, 0, LocalDate.now().minusDays(2).toString());
    ((Map<String, Object>) ((Map<String, Object>) second.get("data")).get("deceased")).put("idNumber", deceasedId);
    ResponseEntity<Map<String, Object>> refused = wjsClerk.post("/api/applications", second);
    // then
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat((String) refused.getBody().get("detail")).contains(number).contains("基本殡葬服务费减免")
        .doesNotContain(deceasedId);
    assertThat((String) refused.getBody().get("detail_en")).contains(number).contains("fee waiver");
    assertThat(refused.getBody()).containsEntry("code", "error.binzang.duplicate-deceased.fee_waiver");
    // and the other subsidy kind for the same deceased is still open to them
    Map<String, Object> eco = body("eco_burial", "tree", 0.5, LocalDate.now().minusDays(2).toString());
    ((Map<String, Object>) ((Map<String, Object>) eco.get("data")).get("deceased")).put("idNumber", deceasedId);
    assertThat(wjsClerk.post("/api/applications", eco).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void shouldFreeTheDeceasedForANewApplicationWhenTheFirstIsNotAccepted() {
    // given: the first application is refused at 受理
    Map<String, Object> first = body("fee_waiver", null, 0, LocalDate.now().minusDays(1).toString());
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", first);
    String number = (String) created.getBody().get("number");
    ResponseEntity<Map<String, Object>> refusal = completeWith(wjsClerk, number, "Task_Accept",
        Map.of("decision", "reject", "opinion", "死亡证明与身份证姓名不符", "data", Map.of()));
    assertThat(refusal.getStatusCode()).as("%s", refusal.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(wjsClerk.get("/api/applications/" + created.getBody().get("id")).getBody())
        .containsEntry("status", "not_accepted");
    // when: the family applies again with corrected papers for the same deceased
    Map<String, Object> second = body("fee_waiver", null, 0, LocalDate.now().minusDays(1).toString());
    ((Map<String, Object>) ((Map<String, Object>) second.get("data")).get("deceased")).put("idNumber", deceasedId(first));
    // then
    assertThat(wjsClerk.post("/api/applications", second).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void shouldLetExactlyOneOfTwoConcurrentApplicationsForTheSameDeceasedWin() throws Exception {
    // given: two arrangers file for the same deceased at the same moment
    Map<String, Object> first = body("eco_burial", "lawn", 0.8, LocalDate.now().minusDays(3).toString());
    Map<String, Object> second = body("eco_burial", "lawn", 0.8, LocalDate.now().minusDays(3).toString());
    ((Map<String, Object>) ((Map<String, Object>) second.get("data")).get("deceased")).put("idNumber", deceasedId(first));
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      // when
      List<java.util.concurrent.Future<ResponseEntity<Map<String, Object>>>> answers = pool.invokeAll(List.of(
          () -> { start.await(); return wjsClerk.post("/api/applications", first); },
          () -> { start.await(); return new ApiClient(rest, "wjs-worker").post("/api/applications", second); }));
      // then
      List<Integer> statuses = new java.util.ArrayList<>();
      String winner = null;
      String loserDetail = null;
      for (var answer : answers) {
        ResponseEntity<Map<String, Object>> r = answer.get();
        statuses.add(r.getStatusCode().value());
        if (r.getStatusCode() == HttpStatus.CREATED) {
          winner = (String) r.getBody().get("number");
        } else {
          loserDetail = (String) r.getBody().get("detail");
        }
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 422);
      assertThat(loserDetail).contains(winner);
    } finally {
      pool.shutdownNow();
    }
  }

  @SuppressWarnings("unchecked")
  private static String deceasedId(Map<String, Object> body) {
    return (String) ((Map<String, Object>) ((Map<String, Object>) body.get("data")).get("deceased")).get("idNumber");
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
    if (burialType != null) {
      data.put("burialType", burialType);
      data.put("plotArea", plotArea);
    }
    data.put("cemetery", "东西湖区公墓");
    Map<String, Object> body = new HashMap<>();
    body.put("type", "binzang");
    body.put("regionCode", Applications.WJS_COMMUNITY);
    body.put("applicant", Map.of("name", "李小明", "idNumber", TestIds.random(), "phone", "13812345678"));
    body.put("reason", "申请节地生态安葬奖补");
    body.put("data", data);
    return body;
  }

  private ResponseEntity<Map<String, Object>> completeWith(ApiClient client, String number, String taskKey,
                                                           Map<String, Object> body) {
    Map<String, Object> page = client.get("/api/tasks?q=" + number).getBody();
    String task = ((List<?>) page.get("items")).stream().map(t -> (Map<?, ?>) t)
        .filter(t -> taskKey.equals(t.get("taskKey"))).map(t -> (String) t.get("id")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + taskKey + " task for " + number + " in " + page));
    return client.post("/api/tasks/" + task + "/complete", body);
  }

  private void complete(ApiClient client, String number, String taskKey, String decision, Map<String, Object> data) {
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("data", data);
    ResponseEntity<Map<String, Object>> answer = completeWith(client, number, taskKey, body);
    assertThat(answer.getStatusCode()).as("%s %s: %s", taskKey, decision, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

}
