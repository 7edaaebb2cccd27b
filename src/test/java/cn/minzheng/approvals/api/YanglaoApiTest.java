package cn.minzheng.approvals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.support.IntegrationTest;
import cn.minzheng.approvals.support.YanglaoCases;
import cn.minzheng.approvals.yanglao.YanglaoBedMapper;
import cn.minzheng.approvals.yanglao.YanglaoProcess;

/** Welfare-home admission end to end through the HTTP API as the demo users; GET /api/institutions. */
@IntegrationTest
class YanglaoApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired YanglaoBedMapper beds;

  ApiClient wjsClerk;
  ApiClient approver;
  ApiClient approver2;
  ApiClient anonymous;

  @BeforeEach
  void clients() {
    wjsClerk = new ApiClient(rest, "wjs-clerk");
    approver = new ApiClient(rest, "qu-approver");
    approver2 = new ApiClient(rest, "qu-approver2");
    anonymous = new ApiClient(rest, null);
  }

  @Test
  void shouldListInstitutionsWithTheirBeds() {
    // given
    String home = institution(2, 1);
    // when
    ResponseEntity<List<Map<String, Object>>> answer = wjsClerk.getList("/api/institutions");
    // then
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).anySatisfy(i -> assertThat(i).containsEntry("code", "YL420112001")
        .containsKeys("name", "regionCode", "beds", "nursingBeds", "freeBeds"));
    assertThat(answer.getBody()).filteredOn(i -> home.equals(i.get("code"))).singleElement().satisfies(i -> assertThat(i)
        .containsEntry("regionCode", "420112000000").containsEntry("beds", 3).containsEntry("nursingBeds", 1)
        .containsEntry("freeBeds", 3));
    assertThat(anonymous.getText("/api/institutions").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldCarryAnAdmissionFromApplicationToPlacementAndThroughTheQueue() {
    // given: one free bed
    String home = institution(1, 0);
    long first = submit(home);
    work(first);
    Map<String, Object> placed = wjsClerk.get("/api/applications/" + first).getBody();
    assertThat(placed).containsEntry("status", "approved").containsEntry("stage", YanglaoProcess.END_PLACED)
        .containsEntry("institutionCode", home).containsEntry("bed", "P1");
    assertThat(kinds(placed)).containsExactly("accepted", "approved", "certificate");
    assertThat((String) placed.get("number")).matches("YL-420112-\\d{4}-\\d{6}");

    // when: a second elder is approved while the home is full
    long second = submit(home);
    work(second);
    // then: 轮候
    Map<String, Object> waiting = wjsClerk.get("/api/applications/" + second).getBody();
    assertThat(waiting).containsEntry("status", "waiting").containsEntry("stage", YanglaoProcess.WAIT_BED)
        .doesNotContainKey("bed");
    assertThat(kinds(waiting)).containsExactly("accepted", "queued");
    assertThat(wjsClerk.post("/api/institutions/" + home + "/beds/P1/release", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // when: the bed frees
    ResponseEntity<Map<String, Object>> released = approver.post("/api/institutions/" + home + "/beds/P1/release", Map.of());
    // then
    assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(((Number) released.getBody().get("placedApplicationId")).longValue()).isEqualTo(second);
    assertThat(wjsClerk.get("/api/applications/" + second).getBody()).containsEntry("status", "approved")
        .containsEntry("institutionCode", home).containsEntry("bed", "P1");
  }

  @Test
  void shouldGiveTheWaiterAQueueNoticeWithItsPlaceInstitutionPriorityAndNextSteps() {
    // given: the only bed taken
    String home = institution(1, 0);
    work(submit(home));
    long id = submit(home);
    // when: approved while the home is full
    work(id);
    // then: the 轮候通知书 is among the case's notices and readable through the API
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    Map<?, ?> queued = ((List<?>) application.get("notices")).stream().map(n -> (Map<?, ?>) n)
        .filter(n -> "queued".equals(n.get("kind"))).findFirst().orElseThrow();
    assertThat((String) queued.get("docNumber")).matches(".+〔\\d{4}〕\\d+号");
    ResponseEntity<String> html = wjsClerk.getText("/api/notices/" + queued.get("id"));
    assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(html.getBody()).contains("轮候通知书", "第 1 位", "测试养老院" + home, "孤寡老年人（第二优先）",
        "有床位空出时", "入住通知书", "东西湖区民政局");
    Map<String, Object> meta = wjsClerk.get("/api/notices/" + queued.get("id") + "/meta").getBody();
    assertThat(meta).containsEntry("kind", "queued");
  }

  @Test
  void shouldRefuseAndUpholdOnAppealByAnotherApprover() {
    // given
    long id = submit(institution(1, 0));
    String number = number(id);
    complete(wjsClerk, number, SharedStages.TASK_ACCEPT, "approve", null, Map.of());
    complete(wjsClerk, number, YanglaoProcess.TASK_ASSESS, "approve", null, assessment());
    complete(approver, number, YanglaoProcess.TASK_DECIDE, "reject", "有法定赡养人且能够赡养", Map.of());
    assertThat(wjsClerk.get("/api/applications/" + id).getBody()).containsEntry("status", "rejected");
    // when
    assertThat(wjsClerk.post("/api/applications/" + id + "/appeal", Map.of("reason", "子女均无赡养能力")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    complete(approver2, number, SharedStages.TASK_DECIDE_APPEAL, "reject", "复核维持", Map.of());
    // then
    Map<String, Object> application = wjsClerk.get("/api/applications/" + id).getBody();
    assertThat(application).containsEntry("status", "rejected");
    assertThat(kinds(application)).containsExactly("accepted", "rejected", "appeal_decision");
  }

  @Test
  void shouldRejectUnknownInstitutionsAndPriorityFlags() {
    ApplicationRequest request = YanglaoCases.request("NO-SUCH-HOME", "tekun");
    Map<String, Object> data = new HashMap<>(request.data());
    data.put("priority", Map.of("vip", true));
    ApplicationRequest bad = new ApplicationRequest("yanglao", request.regionCode(), request.applicant(), null, null,
        null, null, request.reason(), data, request.materials());
    ResponseEntity<Map<String, Object>> answer = wjsClerk.post("/api/applications", bad);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("errors").toString()).contains("data.institutionCode", "data.priority.vip");
  }

  private String institution(int ordinary, int nursing) {
    String code = "T" + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    beds.insertInstitution(code, "测试养老院" + code, "420112000000");
    for (int i = 1; i <= ordinary; i++) {
      beds.insertBed(code, "P" + i, 0);
    }
    for (int i = 1; i <= nursing; i++) {
      beds.insertBed(code, "N" + i, 1);
    }
    return code;
  }

  private long submit(String home) {
    ResponseEntity<Map<String, Object>> created = wjsClerk.post("/api/applications", YanglaoCases.request(home, "alone"));
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private void work(long id) {
    String number = number(id);
    complete(wjsClerk, number, SharedStages.TASK_ACCEPT, "approve", null, Map.of());
    complete(wjsClerk, number, YanglaoProcess.TASK_ASSESS, "approve", null, assessment());
    complete(approver, number, YanglaoProcess.TASK_DECIDE, "approve", null, Map.of("monthlyFee", "1800"));
  }

  private static Map<String, Object> assessment() {
    return Map.of("selfCare", 28, "mobility", 14, "mental", 26, "perception", 12, "assessor1", "王五",
        "assessor2", "赵六", "emergencyContact", "王小明", "emergencyPhone", "13900001111");
  }

  private String number(long id) {
    return (String) wjsClerk.get("/api/applications/" + id).getBody().get("number");
  }

  private static List<String> kinds(Map<String, Object> application) {
    return ((List<?>) application.get("notices")).stream().map(n -> String.valueOf(((Map<?, ?>) n).get("kind"))).toList();
  }

  private void complete(ApiClient client, String number, String taskKey, String decision, String opinion,
                        Map<String, Object> data) {
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("data", data);
    if (opinion != null) {
      body.put("opinion", opinion);
    }
    ResponseEntity<Map<String, Object>> answer = client.post("/api/tasks/" + client.taskId(number, taskKey) + "/complete", body);
    assertThat(answer.getStatusCode()).as("%s %s: %s", taskKey, decision, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }
}
